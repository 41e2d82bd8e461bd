/**
 * Compiles a catalog measure, a period, a grain, breakdowns and filters into one parameterised
 * DuckDB query returning rows of (dimensions…, period, value, numerator, denominator, n).
 *
 * This is the only place indicator SQL is written. Identifiers come from the catalog (trusted
 * code); every value — dates, filter values, limits — is a bound parameter.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { dimensionById, type DimensionId, type Grain, type Measure } from '../../domain/catalog';
import type { Deadlines, DeadlineKey, Span } from '../../domain/deadlines';
import { buckets, bucketStart, daysInPeriod } from '../../domain/period';
import type { Filters } from '../../domain/query';
import { Binder } from '../db/binder';
import { FACTS } from './facts';

export interface CompileInput {
	measure: Measure;
	from: string;
	to: string;
	grain?: Grain;
	by: readonly DimensionId[];
	/** Only filters that apply to the measure's facts. */
	filters: Filters;
	deadlines: Deadlines;
}

export interface CompiledQuery {
	sql: string;
	params: Record<string, DuckDBValue>;
}

const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };
const DAYS_PER_MONTH = 365.25 / 12;

/** `column IN (…)` for each filter; columns come from the dimension whitelist. Also used by server/practice/queries.ts. */
export function filterClauses(p: Binder, filters: Filters): string[] {
	return Object.entries(filters)
		.filter(([, values]) => values?.length)
		.map(([id, values]) => `${dimensionById(id)!.column} IN (${values!.map((v) => p.bind(v)).join(', ')})`);
}

interface Cte {
	name: string;
	sql: string;
	/** Join keys of this CTE: all the query's keys, or only some (population by region). */
	keys: readonly string[];
	/** Whether its rows define which groups exist in the result. */
	definesGroups: boolean;
	/** Helper CTEs feed other CTEs and are not joined into the result. */
	helper?: boolean;
}

interface Key {
	expr: string;
	alias: string;
}

const selectKeys = (keys: Key[]) => keys.map((k) => `${k.expr} AS ${k.alias}`);

/** SQL expressions over the joined CTEs for one (possibly composite) measure. */
interface MeasureSql {
	value: string;
	numerator: string;
	denominator: string;
	n: string;
}

class Compiler {
	private readonly p = new Binder();
	private readonly ctes: Cte[] = [];
	private readonly keys: string[];

	constructor(private readonly input: CompileInput) {
		this.keys = [...input.by, ...(input.grain ? ['period'] : [])];
	}

	private get from(): string {
		return this.p.named('from', this.input.from, 'DATE');
	}

	private get to(): string {
		return this.p.named('to', this.input.to, 'DATE');
	}

	private get grain(): Grain | undefined {
		return this.input.grain;
	}

	private bucketOf(expr: string): string {
		return `date_trunc('${this.grain}', ${expr})::DATE`;
	}

	private step(): string {
		return `to_months(${GRAIN_MONTHS[this.grain!]})`;
	}

	private dimKeys(): Key[] {
		return this.input.by.map((id) => ({ expr: `coalesce(CAST(${dimensionById(id)!.column} AS VARCHAR), '')`, alias: id }));
	}

	/** Breakdown keys plus, with a grain, the bucket of the given date column. */
	private eventKeys(event: string): Key[] {
		return [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf(event), alias: 'period' }] : [])];
	}

	private filterSql(): string[] {
		return filterClauses(this.p, this.input.filters);
	}

	/** CASE expression giving each row's deadline date for a set of limits. */
	private deadlineSql(limits: Record<DeadlineKey, Span>): string {
		const spanSql = (span: Span) =>
			'days' in span
				? `filed_date + to_days(${this.p.bind(span.days, 'INTEGER')})`
				: `filed_date + to_months(${this.p.bind(span.months, 'INTEGER')})`;
		const branches = (Object.entries(limits) as [DeadlineKey, Span][]).map(([key, span]) => {
			const [instance, caseType] = key.split('.');
			const cond = caseType ? `instance = '${instance}' AND case_type = '${caseType}'` : `instance = '${instance}'`;
			return `WHEN ${cond} THEN (${spanSql(span)})::DATE`;
		});
		return `(CASE ${branches.join(' ')} END)`;
	}

	/** Replaces the catalog's placeholders with bound expressions. */
	private fragment(sql: string): string {
		return sql
			.replaceAll('{deadline}', () => this.deadlineSql(this.input.deadlines.statutory))
			.replaceAll('{standard}', () => this.deadlineSql(this.input.deadlines.standard));
	}

	private where(extra: (string | undefined)[]): string {
		const clauses = [...extra.filter((x): x is string => !!x), ...this.filterSql()];
		return clauses.length ? `WHERE ${clauses.map((c) => `(${c})`).join(' AND ')}` : '';
	}

	private addCte(sql: string, keys: readonly string[] = this.keys, definesGroups = true, helper = false): string {
		const name = `c${this.ctes.length + 1}`;
		this.ctes.push({ name, sql, keys, definesGroups, helper });
		return name;
	}

	private groupBy(keyCount: number): string {
		return keyCount ? `GROUP BY ${Array.from({ length: keyCount }, (_, i) => i + 1).join(', ')}` : '';
	}

	/** A flow aggregate: rows whose event date falls in the period, grouped by keys. */
	private flow(measure: Extract<Measure, { fact: unknown; event: unknown }>, aggregates: string[]): string {
		const fact = FACTS[measure.fact];
		const event = fact.events[measure.event];
		if (!event) throw new Error(`fact ${measure.fact} has no event ${measure.event}`);
		const keys = this.eventKeys(event);
		const where = this.where([
			`${event} BETWEEN ${this.from} AND ${this.to}`,
			measure.where && this.fragment(measure.where)
		]);
		return this.addCte(
			`SELECT ${[...selectKeys(keys), ...aggregates].join(', ')} FROM ${fact.relation} t ${where} ${this.groupBy(keys.length)}`
		);
	}

	private stockWhere(measure: Extract<Measure, { kind: 'stock' | 'stock_quantile' }>): string | undefined {
		return measure.where && this.fragment(measure.where);
	}

	/** Cases pending at the period's end (or start), without a time grain. */
	private stockFlat(measure: Extract<Measure, { kind: 'stock' }>): string {
		const since = this.fragment(measure.since ?? 'filed_date');
		const condition =
			measure.at === 'end'
				? `${since} <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`
				: `${since} < ${this.from} AND (decided_date IS NULL OR decided_date >= ${this.from})`;
		const keys = this.dimKeys();
		return this.addCte(
			`SELECT ${[...selectKeys(keys), 'count(*) AS v'].join(', ')} FROM ${FACTS[measure.fact].relation} t ${this.where([condition, this.stockWhere(measure)])} ${this.groupBy(keys.length)}`
		);
	}

	/**
	 * Cases pending at each bucket's measurement date, in one pass: a case adds +1 from the first
	 * bucket where it counts and −1 from the first bucket where it no longer does; a running sum
	 * over buckets gives the stock. Measurement date: the bucket's end (cut at `to`), or the day
	 * before its start (cut at `from`).
	 */
	private stockByBucket(measure: Extract<Measure, { kind: 'stock' }>): string {
		const since = this.fragment(measure.since ?? 'filed_date');
		const B = (x: string) => this.bucketOf(x);
		const step = this.step();
		const dims = this.input.by as string[];
		const enter =
			measure.at === 'end'
				? `CASE WHEN ${since} < ${this.from} THEN ${B(this.from)} ELSE ${B(since)} END`
				: `CASE WHEN ${since} < ${this.from} THEN ${B(this.from)} ELSE (${B(since)} + ${step})::DATE END`;
		const leave =
			measure.at === 'end'
				? `CASE WHEN decided_date IS NULL OR decided_date > ${this.to} THEN NULL WHEN decided_date < ${this.from} THEN ${B(this.from)} ELSE ${B('decided_date')} END`
				: `CASE WHEN decided_date IS NULL THEN NULL WHEN decided_date < ${this.from} THEN ${B(this.from)} ELSE (${B('decided_date')} + ${step})::DATE END`;
		const spans = this.addCte(
			`SELECT ${[...selectKeys(this.dimKeys()), `${enter} AS enter`, `${leave} AS leave`].join(', ')} FROM ${FACTS[measure.fact].relation} t ${this.where([`${since} <= ${this.to}`, this.stockWhere(measure)])}`,
			[],
			false,
			true
		);
		const last = B(this.to);
		const dimList = dims.map((d) => `${d}, `).join('');
		const deltas = `SELECT ${dimList}enter AS period, 1 AS d FROM ${spans} WHERE enter <= ${last} AND (leave IS NULL OR leave > enter)
			UNION ALL SELECT ${dimList}leave AS period, -1 AS d FROM ${spans} WHERE leave IS NOT NULL AND leave > enter AND leave <= ${last}`;
		const grid = dims.length
			? `SELECT DISTINCT ${dims.map((d) => `g.${d}, `).join('')}b.period FROM (SELECT DISTINCT ${dims.join(', ')} FROM ${spans}) g CROSS JOIN buckets b`
			: 'SELECT period FROM buckets';
		const partition = dims.length ? `PARTITION BY ${dims.map((d) => `k.${d}`).join(', ')} ` : '';
		return this.addCte(`SELECT ${[...dims.map((d) => `k.${d}`), 'k.period'].join(', ')},
			sum(coalesce(s.d, 0)) OVER (${partition}ORDER BY k.period) AS v
			FROM (${grid}) k
			LEFT JOIN (SELECT ${dimList}period, sum(d) AS d FROM (${deltas}) x GROUP BY ALL) s USING (${[...dims, 'period'].join(', ')})`);
	}

	/** A quantile of the age of cases pending at each measurement date. */
	private stockQuantile(measure: Extract<Measure, { kind: 'stock_quantile' }>): string {
		const relation = FACTS[measure.fact].relation;
		const q = this.p.bind(measure.q, 'DOUBLE');
		const keys = selectKeys(this.dimKeys());
		if (!this.grain) {
			return this.addCte(
				`SELECT ${[...keys, `quantile_cont(date_diff('day', filed_date, ${this.to}), ${q}) AS v`, 'count(*) AS n'].join(', ')}
				FROM ${relation} t ${this.where([`filed_date <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`, this.stockWhere(measure)])} ${this.groupBy(keys.length)}`
			);
		}
		// A range join of pending cases with the bucket ends; the pairs are bounded by the stock size.
		return this.addCte(
			`SELECT ${[...keys, 'b.period', `quantile_cont(date_diff('day', filed_date, b.e), ${q}) AS v`, 'count(*) AS n'].join(', ')}
			FROM ${relation} t JOIN buckets b ON t.filed_date <= b.e AND coalesce(t.decided_date, DATE '9999-12-31') > b.e
			${this.where([`filed_date <= ${this.to}`, `decided_date IS NULL OR decided_date > ${this.from}`, this.stockWhere(measure)])}
			${this.groupBy(keys.length + 1)}`
		);
	}

	/** Aggregate reporting forms: flows summed, stocks taken from each unit's first or last form. */
	private form(measure: Extract<Measure, { kind: 'form' }>): string {
		const keys = this.eventKeys('period_start');
		const inPeriod = `period_start >= ${this.from} AND period_end <= ${this.to}`;
		// Stocks come from each reporting unit's last (or first) form inside the bucket.
		const unit = ['region', 'court_id', 'instance', 'case_type', 'category'];
		const partition = `PARTITION BY ${[...keys.map((k) => `k_${k.alias}`), ...unit].join(', ')}`;
		let aggregate: string;
		if (measure.column === 'incoming' || measure.column === 'resolved') aggregate = `sum(${measure.column})`;
		else if (measure.column === 'pending_end') aggregate = 'sum(pending_end) FILTER (WHERE period_end = last_end)';
		else aggregate = 'sum(pending_start) FILTER (WHERE period_start = first_start)';
		const inner = `SELECT *, ${keys.map((k) => `${k.expr} AS k_${k.alias}, `).join('')}
			max(period_end) OVER (${partition}) AS last_end, min(period_start) OVER (${partition}) AS first_start
			FROM court_stats ${this.where([inPeriod])}`;
		const outer = keys.map((k) => `k_${k.alias} AS ${k.alias}`);
		return this.addCte(
			`SELECT ${[...outer, `coalesce(${aggregate}, 0) AS v`].join(', ')} FROM (${inner}) t ${this.groupBy(outer.length)}`
		);
	}

	private population(): string {
		const regionFilter = this.input.filters.region;
		const byRegion = this.input.by.includes('region');
		const where = regionFilter?.length ? `WHERE code IN (${regionFilter.map((v) => this.p.bind(v)).join(', ')})` : '';
		return this.addCte(
			byRegion
				? `SELECT code AS region, sum(population) AS v FROM regions ${where} GROUP BY 1`
				: `SELECT sum(population) AS v FROM regions ${where}`,
			byRegion ? ['region'] : [],
			false
		);
	}

	private judges(measure: Measure): string {
		if (measure.kind !== 'count') throw new Error('judge measures need a count');
		const fact = FACTS[measure.fact];
		const event = fact.events[measure.event]!;
		const keys = this.eventKeys(event);
		const where = this.where([
			`${event} BETWEEN ${this.from} AND ${this.to}`,
			'judge_id IS NOT NULL',
			measure.where && this.fragment(measure.where)
		]);
		const perJudge = `SELECT ${[...selectKeys(keys), 'judge_id AS judge_key', 'count(*) AS cnt'].join(', ')} FROM ${fact.relation} t ${where} ${this.groupBy(keys.length + 1)}`;
		const aliases = keys.map((k) => k.alias);
		return this.addCte(
			`SELECT ${[...aliases, 'sum(cnt) AS total', 'count(*) AS judges', 'avg(cnt) AS mean', 'stddev_pop(cnt) AS sd'].join(', ')}
			FROM (${perJudge}) j ${this.groupBy(aliases.length)}`
		);
	}

	private daysSql(): string {
		return this.grain ? 'keys.days' : this.p.bind(daysInPeriod(this.input), 'DOUBLE');
	}

	measure(m: Measure): MeasureSql {
		const zeroIfMissing = (cte: string, col = 'v') => `coalesce(${cte}.${col}, 0)`;
		switch (m.kind) {
			case 'count': {
				const c = this.flow(m, ['count(*) AS v']);
				return { value: zeroIfMissing(c), numerator: zeroIfMissing(c), denominator: 'NULL', n: zeroIfMissing(c) };
			}
			case 'sum': {
				const c = this.flow(m, [`sum(${this.fragment(m.expr)}) AS v`, 'count(*) AS n']);
				return { value: zeroIfMissing(c), numerator: zeroIfMissing(c), denominator: 'NULL', n: zeroIfMissing(c, 'n') };
			}
			case 'quantile': {
				const expr = this.fragment(m.expr);
				const c = this.flow(m, [`quantile_cont(${expr}, ${this.p.bind(m.q, 'DOUBLE')}) AS v`, `count(${expr}) AS n`]);
				return { value: `${c}.v`, numerator: 'NULL', denominator: 'NULL', n: zeroIfMissing(c, 'n') };
			}
			case 'share': {
				const base = m.base ? this.fragment(m.base) : 'true';
				const c = this.flow(m, [
					`count(*) FILTER (WHERE (${this.fragment(m.hit)}) AND (${base})) AS hit`,
					`count(*) FILTER (WHERE ${base}) AS base`
				]);
				const hit = zeroIfMissing(c, 'hit');
				const den = zeroIfMissing(c, 'base');
				return { value: `CASE WHEN ${den} = 0 THEN NULL ELSE 100.0 * ${hit} / ${den} END`, numerator: hit, denominator: den, n: den };
			}
			case 'sum_share': {
				const c = this.flow(m, [`sum(${this.fragment(m.part)}) AS part`, `sum(${this.fragment(m.whole)}) AS whole`, 'count(*) AS n']);
				const part = zeroIfMissing(c, 'part');
				const whole = zeroIfMissing(c, 'whole');
				return { value: `CASE WHEN ${whole} = 0 THEN NULL ELSE 100.0 * ${part} / ${whole} END`, numerator: part, denominator: whole, n: zeroIfMissing(c, 'n') };
			}
			case 'stock': {
				const c = this.grain ? this.stockByBucket(m) : this.stockFlat(m);
				return { value: zeroIfMissing(c), numerator: zeroIfMissing(c), denominator: 'NULL', n: zeroIfMissing(c) };
			}
			case 'stock_quantile': {
				if (m.fact !== 'cases') throw new Error('stock quantiles read cases');
				const c = this.stockQuantile(m);
				return { value: `${c}.v`, numerator: 'NULL', denominator: 'NULL', n: zeroIfMissing(c, 'n') };
			}
			case 'form': {
				// A form's figure counts cases, so it is its own n (not the number of forms).
				const c = this.form(m);
				return { value: zeroIfMissing(c), numerator: zeroIfMissing(c), denominator: 'NULL', n: zeroIfMissing(c) };
			}
			case 'ratio': {
				const num = this.measure(m.num);
				const den = this.measure(m.den);
				const scale = m.scale === 'days' ? this.daysSql() : String(m.scale);
				return {
					value: `CASE WHEN ${den.value} IS NULL OR ${den.value} = 0 THEN NULL ELSE ${num.value} / ${den.value} * ${scale} END`,
					numerator: num.value,
					denominator: den.value,
					n: den.n
				};
			}
			case 'per_capita': {
				const of = this.measure(m.of);
				const pop = this.population();
				return {
					value: `CASE WHEN coalesce(${pop}.v, 0) = 0 THEN NULL ELSE ${of.value} / ${pop}.v * 100000 END`,
					numerator: of.value,
					denominator: `${pop}.v`,
					n: of.n
				};
			}
			case 'per_judge_month': {
				const c = this.judges(m.of);
				const months = `(${this.daysSql()} / ${DAYS_PER_MONTH})`;
				return {
					value: `CASE WHEN coalesce(${c}.judges, 0) = 0 THEN NULL ELSE ${c}.total / ${c}.judges / ${months} END`,
					numerator: zeroIfMissing(c, 'total'),
					denominator: zeroIfMissing(c, 'judges'),
					n: zeroIfMissing(c, 'judges')
				};
			}
			case 'judge_spread': {
				const c = this.judges(m.of);
				return {
					value: `CASE WHEN coalesce(${c}.judges, 0) < 2 OR ${c}.mean = 0 THEN NULL ELSE 100.0 * ${c}.sd / ${c}.mean END`,
					numerator: `${c}.sd`,
					denominator: `${c}.mean`,
					n: zeroIfMissing(c, 'judges')
				};
			}
		}
	}

	private bucketsCte(): string {
		const list = buckets(this.input, this.grain!);
		const first = this.p.bind(bucketStart(this.input.from, this.grain!), 'DATE');
		const count = this.p.bind(list.length, 'INTEGER');
		const step = GRAIN_MONTHS[this.grain!];
		return `buckets AS (
			SELECT period, least((period + to_months(${step}))::DATE - 1, ${this.to}) AS e,
				date_diff('day', greatest(period, ${this.from}), least((period + to_months(${step}))::DATE - 1, ${this.to})) + 1 AS days
			FROM (SELECT (${first} + to_months(i::INTEGER * ${step}))::DATE AS period FROM range(0, ${count}) r(i)) x
		)`;
	}

	compile(): CompiledQuery {
		const sql = this.measure(this.input.measure);
		const select = `${sql.value} AS value, ${sql.numerator} AS numerator, ${sql.denominator} AS denominator, ${sql.n} AS n`;
		const withs = [...(this.grain ? [this.bucketsCte()] : []), ...this.ctes.map((c) => `${c.name} AS (${c.sql})`)];
		const joined = this.ctes.filter((c) => !c.helper);
		const join = (c: Cte) =>
			c.keys.length ? `LEFT JOIN ${c.name} USING (${c.keys.join(', ')})` : `CROSS JOIN ${c.name}`;

		let body: string;
		if (!this.keys.length) {
			body = `SELECT ${select} FROM ${joined.map((c) => c.name).join(' CROSS JOIN ')}`;
		} else {
			const dims = this.input.by as string[];
			const groupSources = joined.filter((c) => c.definesGroups);
			const dimGroups = dims.length
				? `(${groupSources.map((c) => `SELECT ${dims.join(', ')} FROM ${c.name}`).join(' UNION ')}) g`
				: '';
			const keysSql = this.grain
				? dims.length
					? `SELECT DISTINCT g.*, b.period, b.days FROM ${dimGroups} CROSS JOIN buckets b`
					: 'SELECT period, days FROM buckets'
				: `SELECT DISTINCT * FROM ${dimGroups}`;
			withs.push(`keys AS (${keysSql})`);
			body = `SELECT ${this.keys.map((k) => `keys.${k}`).join(', ')}, ${select}
				FROM keys ${joined.map(join).join(' ')}
				ORDER BY ${this.keys.map((k) => `keys.${k}`).join(', ')}`;
		}
		return { sql: `WITH ${withs.join(',\n')}\n${body}`, params: this.p.values };
	}
}

export function compileMeasure(input: CompileInput): CompiledQuery {
	return new Compiler(input).compile();
}

/** Whether any record of a fact touches the period under the filters (for choosing a source). */
export function compileExists(fact: 'cases', period: { from: string; to: string }, filters: Filters): CompiledQuery {
	const p = new Binder();
	const clauses = [
		`filed_date <= ${p.bind(period.to, 'DATE')}`,
		`(decided_date IS NULL OR decided_date >= ${p.bind(period.from, 'DATE')})`,
		...filterClauses(p, filters)
	];
	return { sql: `SELECT EXISTS (SELECT 1 FROM ${FACTS[fact].relation} WHERE ${clauses.join(' AND ')}) AS found`, params: p.values };
}
