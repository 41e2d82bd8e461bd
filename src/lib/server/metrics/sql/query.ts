/**
 * Writes one query: a plan for a period, optionally by time bucket (grain) and breakdowns,
 * returning rows of (dimensions…, period, value, numerator, denominator, n). Each leaf becomes
 * a CTE keyed by the breakdowns (and bucket), read from where the router says; the keys are
 * every group any leaf has, crossed with every bucket.
 */
import { dimensionById, type DimensionId, type Grain } from '../../../domain/catalog';
import type { Deadlines } from '../../../domain/deadlines';
import { addDays, bucketStart, buckets, daysInPeriod } from '../../../domain/period';
import type { Filters } from '../../../domain/query';
import {
	leaves,
	type FlowLeaf,
	type JudgesLeaf,
	type Leaf,
	type PlanNode,
	type StockLeaf,
	type StockQuantileLeaf,
	type FormLeaf
} from '../plan';
import { readFrom, routeRelation, routeRollup, type Route, type RouteContext } from '../route';
import { stockColumns, type RollupInfo } from '../tables';
import { SqlContext, groupBy, usedParams } from './context';
import { figureSql } from './figure';
import type { CompiledQuery } from './compiled';

export interface QueryInput {
	from: string;
	to: string;
	grain?: Grain;
	by: readonly DimensionId[];
	/** Only filters that apply to the measure's facts. */
	filters: Filters;
	deadlines: Deadlines;
	/** Derived tables the query may read instead of the facts' rows. */
	rollup?: RollupInfo;
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

const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };
const selectKeys = (keys: Key[]) => keys.map((k) => `${k.expr} AS ${k.alias}`);

class QueryWriter {
	private readonly sql: SqlContext;
	private readonly ctes: Cte[] = [];
	private readonly keys: string[];
	private readonly names = new Map<Leaf, string>();
	readonly routes: Route[] = [];
	private readonly route: RouteContext;

	constructor(private readonly input: QueryInput) {
		this.sql = new SqlContext(input.deadlines, input.filters);
		this.keys = [...input.by, ...(input.grain ? ['period'] : [])];
		this.route = { rollup: input.rollup, dims: [...(Object.keys(input.filters) as DimensionId[]), ...input.by] };
	}

	private get p() {
		return this.sql.p;
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

	private dimKeys(): Key[] {
		return this.input.by.map((id) => ({ expr: `coalesce(CAST(${dimensionById(id)!.column} AS VARCHAR), '')`, alias: id }));
	}

	/** Breakdown keys plus, with a grain, the bucket of the given date column. */
	private eventKeys(column: string): Key[] {
		return [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf(column), alias: 'period' }] : [])];
	}

	private addCte(sql: string, keys: readonly string[] = this.keys, definesGroups = true, helper = false): string {
		const name = `c${this.ctes.length + 1}`;
		this.ctes.push({ name, sql, keys, definesGroups, helper });
		return name;
	}

	/** The relation a leaf's rows are read from (its stored copy when current), noted as a route. */
	private relation(leaf: FlowLeaf | StockLeaf | StockQuantileLeaf | JudgesLeaf, what: string, because: string): string {
		const route = routeRelation(what, leaf.fact, this.route, because);
		this.routes.push(route);
		return readFrom(route, leaf.source);
	}

	private leaf(leaf: Leaf): string {
		let name = this.names.get(leaf);
		if (!name) {
			name = this.write(leaf);
			this.names.set(leaf, name);
		}
		return name;
	}

	private write(leaf: Leaf): string {
		switch (leaf.kind) {
			case 'flow':
				return this.flow(leaf);
			case 'stock':
				return this.grain ? this.stockByBucket(leaf) : this.stockFlat(leaf);
			case 'stock_quantile':
				return this.stockQuantile(leaf);
			case 'form':
				return this.form(leaf);
			case 'population':
				return this.population();
			case 'judges':
				return this.judges(leaf);
		}
	}

	/** Rows whose event date falls in the period, grouped by keys: from the monthly rollup when it has every aggregate. */
	private flow(leaf: FlowLeaf): string {
		const what = `${leaf.fact} ${leaf.column}: ${leaf.aggregates.map((a) => a.name).join(', ')}`;
		const additive = leaf.aggregates.every((a) => a.fn !== 'quantile');
		const route = additive
			? routeRollup(
					what,
					leaf.fact,
					leaf.source,
					leaf.column,
					[leaf.rows.key, ...leaf.aggregates.map((a) => a.key)],
					[this.input],
					this.route
				)
			: null;
		if (route?.source === 'rollup') {
			this.routes.push(route);
			// The count of the flow's own rows decides which groups exist.
			const keys = [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf('month'), alias: 'period' }] : [])];
			return this.addCte(
				`SELECT ${[...selectKeys(keys), ...leaf.aggregates.map((a) => `sum(${a.key}) AS ${a.name}`)].join(', ')}
				FROM ${route.from} t ${this.sql.where([`month BETWEEN ${this.from} AND ${this.to}`])} ${groupBy(keys.length)}
				${keys.length ? `HAVING sum(${leaf.rows.key}) > 0` : ''}`
			);
		}
		const relation = this.relation(leaf, what, route?.reason ?? 'quantiles are read from histograms in batches only');
		const keys = this.eventKeys(leaf.column);
		const where = this.sql.where([`${leaf.column} BETWEEN ${this.from} AND ${this.to}`, this.sql.fragment(leaf.where)]);
		return this.addCte(
			`SELECT ${[...selectKeys(keys), ...leaf.aggregates.map((a) => `${this.sql.aggregate(a)} AS ${a.name}`)].join(', ')} FROM ${relation} t ${where} ${groupBy(keys.length)}`
		);
	}

	/** Cases pending at the period's end (or start), without a time grain. */
	private stockFlat(leaf: StockLeaf): string {
		const since = this.sql.fragment(leaf.since);
		const where = this.sql.fragment(leaf.where);
		const at = leaf.at === 'end' ? this.input.to : addDays(this.input.from, -1);
		const what = `${leaf.fact} stock at ${leaf.at}`;
		const { enter, leave } = stockColumns(leaf.key);
		const route = routeRollup(what, leaf.fact, leaf.source, 'stock', [enter], [{ from: bucketStart(at, 'month'), to: at }], this.route);
		const keys = this.dimKeys();
		if (route.source === 'rollup') {
			this.routes.push(route);
			// Entered by the measurement month, less left by then; groups with none pending do not exist.
			const date = this.p.bind(at, 'DATE');
			const v = `coalesce(sum(${enter}) FILTER (WHERE month <= ${date}), 0) - coalesce(sum(${leave}) FILTER (WHERE month <= ${date}), 0)`;
			return this.addCte(
				`SELECT ${[...selectKeys(keys), `${v} AS v`].join(', ')} FROM ${route.from} t ${this.sql.where([])} ${groupBy(keys.length)} ${keys.length ? `HAVING ${v} > 0` : ''}`
			);
		}
		const condition =
			leaf.at === 'end'
				? `${since} <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`
				: `${since} < ${this.from} AND (decided_date IS NULL OR decided_date >= ${this.from})`;
		return this.addCte(
			`SELECT ${[...selectKeys(keys), 'count(*) AS v'].join(', ')} FROM ${this.relation(leaf, what, route.reason)} t ${this.sql.where([condition, where])} ${groupBy(keys.length)}`
		);
	}

	/**
	 * Cases pending at each bucket's measurement date, in one pass: a case adds +1 from the first
	 * bucket where it counts and −1 from the first bucket where it no longer does; a running sum
	 * over buckets gives the stock. Measurement date: the bucket's end (cut at `to`), or the day
	 * before its start (cut at `from`).
	 */
	private stockByBucket(leaf: StockLeaf): string {
		const since = this.sql.fragment(leaf.since);
		const B = (x: string) => this.bucketOf(x);
		const step = `to_months(${GRAIN_MONTHS[this.grain!]})`;
		const dims = this.input.by as string[];
		const enter =
			leaf.at === 'end'
				? `CASE WHEN ${since} < ${this.from} THEN ${B(this.from)} ELSE ${B(since)} END`
				: `CASE WHEN ${since} < ${this.from} THEN ${B(this.from)} ELSE (${B(since)} + ${step})::DATE END`;
		const leave =
			leaf.at === 'end'
				? `CASE WHEN decided_date IS NULL OR decided_date > ${this.to} THEN NULL WHEN decided_date < ${this.from} THEN ${B(this.from)} ELSE ${B('decided_date')} END`
				: `CASE WHEN decided_date IS NULL THEN NULL WHEN decided_date < ${this.from} THEN ${B(this.from)} ELSE (${B('decided_date')} + ${step})::DATE END`;
		const relation = this.relation(leaf, `${leaf.fact} stock at ${leaf.at} by ${this.grain}`, 'stocks by bucket: one pass over the rows');
		const spans = this.addCte(
			`SELECT ${[...selectKeys(this.dimKeys()), `${enter} AS enter`, `${leave} AS leave`].join(', ')} FROM ${relation} t ${this.sql.where([`${since} <= ${this.to}`, this.sql.fragment(leaf.where)])}`,
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
	private stockQuantile(leaf: StockQuantileLeaf): string {
		if (leaf.fact !== 'cases') throw new Error('stock quantiles read cases');
		const relation = this.relation(leaf, `${leaf.fact} age of pending`, 'quantiles of stocks are read from the rows');
		const q = this.p.bind(leaf.q, 'DOUBLE');
		const keys = selectKeys(this.dimKeys());
		const where = this.sql.fragment(leaf.where);
		if (!this.grain) {
			return this.addCte(
				`SELECT ${[...keys, `quantile_cont(date_diff('day', filed_date, ${this.to}), ${q}) AS v`, 'count(*) AS n'].join(', ')}
				FROM ${relation} t ${this.sql.where([`filed_date <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`, where])} ${groupBy(keys.length)}`
			);
		}
		// A range join of pending cases with the bucket ends; the pairs are bounded by the stock size.
		return this.addCte(
			`SELECT ${[...keys, 'b.period', `quantile_cont(date_diff('day', filed_date, b.e), ${q}) AS v`, 'count(*) AS n'].join(', ')}
			FROM ${relation} t JOIN buckets b ON t.filed_date <= b.e AND coalesce(t.decided_date, DATE '9999-12-31') > b.e
			${this.sql.where([`filed_date <= ${this.to}`, `decided_date IS NULL OR decided_date > ${this.from}`, where])}
			${groupBy(keys.length + 1)}`
		);
	}

	/** Aggregate reporting forms: flows summed, stocks taken from each unit's first or last form. */
	private form(leaf: FormLeaf): string {
		this.routes.push({ what: `court_stats ${leaf.column}`, source: 'rows', from: 'court_stats', reason: 'forms are read as filed' });
		const keys = this.eventKeys('period_start');
		const inPeriod = `period_start >= ${this.from} AND period_end <= ${this.to}`;
		// Stocks come from each reporting unit's last (or first) form inside the bucket.
		const unit = ['region', 'court_id', 'instance', 'case_type', 'category'];
		const partition = `PARTITION BY ${[...keys.map((k) => `k_${k.alias}`), ...unit].join(', ')}`;
		let aggregate: string;
		if (leaf.column === 'incoming' || leaf.column === 'resolved') aggregate = `sum(${leaf.column})`;
		else if (leaf.column === 'pending_end') aggregate = 'sum(pending_end) FILTER (WHERE period_end = last_end)';
		else aggregate = 'sum(pending_start) FILTER (WHERE period_start = first_start)';
		const inner = `SELECT *, ${keys.map((k) => `${k.expr} AS k_${k.alias}, `).join('')}
			max(period_end) OVER (${partition}) AS last_end, min(period_start) OVER (${partition}) AS first_start
			FROM court_stats ${this.sql.where([inPeriod])}`;
		const outer = keys.map((k) => `k_${k.alias} AS ${k.alias}`);
		return this.addCte(`SELECT ${[...outer, `coalesce(${aggregate}, 0) AS v`].join(', ')} FROM (${inner}) t ${groupBy(outer.length)}`);
	}

	private population(): string {
		const byRegion = this.input.by.includes('region');
		return this.addCte(this.sql.population(byRegion), byRegion ? ['region'] : [], false);
	}

	private judges(leaf: JudgesLeaf): string {
		const keys = this.eventKeys(leaf.column);
		const where = this.sql.where([
			`${leaf.column} BETWEEN ${this.from} AND ${this.to}`,
			'judge_id IS NOT NULL',
			this.sql.fragment(leaf.where)
		]);
		const relation = this.relation(leaf, `${leaf.fact} ${leaf.column} by judge`, 'judges are not rolled up');
		const perJudge = `SELECT ${[...selectKeys(keys), 'judge_id AS judge_key', 'count(*) AS cnt'].join(', ')} FROM ${relation} t ${where} ${groupBy(keys.length + 1)}`;
		const aliases = keys.map((k) => k.alias);
		return this.addCte(
			`SELECT ${[...aliases, 'sum(cnt) AS total', 'count(*) AS judges', 'avg(cnt) AS mean', 'stddev_pop(cnt) AS sd'].join(', ')}
			FROM (${perJudge}) j ${groupBy(aliases.length)}`
		);
	}

	private bucketsCte(): string {
		const grain = this.grain!;
		const list = buckets(this.input, grain);
		const first = this.p.bind(bucketStart(this.input.from, grain), 'DATE');
		const count = this.p.bind(list.length, 'INTEGER');
		const step = GRAIN_MONTHS[grain];
		return `buckets AS (
			SELECT period, least((period + to_months(${step}))::DATE - 1, ${this.to}) AS e,
				date_diff('day', greatest(period, ${this.from}), least((period + to_months(${step}))::DATE - 1, ${this.to})) + 1 AS days
			FROM (SELECT (${first} + to_months(i::INTEGER * ${step}))::DATE AS period FROM range(0, ${count}) r(i)) x
		)`;
	}

	compile(plan: PlanNode): CompiledQuery {
		for (const leaf of leaves(plan)) this.leaf(leaf);
		const days = this.grain ? 'keys.days' : this.p.bind(daysInPeriod(this.input), 'DOUBLE');
		const sql = figureSql(plan, { read: (leaf, column) => `${this.names.get(leaf)}.${column}`, days });
		const select = `${sql.value} AS value, ${sql.numerator} AS numerator, ${sql.denominator} AS denominator, ${sql.n} AS n`;
		const withs = [...(this.grain ? [this.bucketsCte()] : []), ...this.ctes.map((c) => `${c.name} AS (${c.sql})`)];
		const joined = this.ctes.filter((c) => !c.helper);
		const join = (c: Cte) => (c.keys.length ? `LEFT JOIN ${c.name} USING (${c.keys.join(', ')})` : `CROSS JOIN ${c.name}`);

		let body: string;
		if (!this.keys.length) {
			body = `SELECT ${select} FROM ${joined.map((c) => c.name).join(' CROSS JOIN ')}`;
		} else {
			const dims = this.input.by as string[];
			const groupSources = joined.filter((c) => c.definesGroups);
			const dimGroups = dims.length ? `(${groupSources.map((c) => `SELECT ${dims.join(', ')} FROM ${c.name}`).join(' UNION ')}) g` : '';
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
		const text = `WITH ${withs.join(',\n')}\n${body}`;
		return { sql: text, params: usedParams(text, this.p.values), routes: this.routes };
	}
}

export function writeQuery(plan: PlanNode, input: QueryInput): CompiledQuery {
	return new QueryWriter(input).compile(plan);
}
