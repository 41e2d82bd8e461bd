/**
 * Writes one query: a plan for a period, optionally by time bucket (grain) and breakdowns,
 * returning rows of (dimensions…, period, value, numerator, denominator, n, missing). Each leaf
 * becomes a CTE keyed by the breakdowns (and bucket), read from where the router says. The
 * groups of a breakdown are those the facts have under the filters at any time (so a group
 * with nothing in the period is there with its 0), crossed with every bucket; a rate is left
 * out for a group where it rests on no record.
 */
import type { Dimension, DimensionId, Grain } from '../../../domain/catalog';
import type { Deadlines } from '../../../domain/deadlines';
import { addDays, bucketStart, buckets, cepejDays, monthsInPeriod } from '../../../domain/period';
import type { Filters } from '../../../domain/query';
import {
	isAdditive,
	leaves,
	recordKeyOf,
	recordKeySql,
	type FlowLeaf,
	type JudgesLeaf,
	type Leaf,
	type PlanNode,
	type StockLeaf,
	type StockQuantileLeaf,
	type FormLeaf
} from '../plan';
import { FORM_ROW } from '../facts';
import { readFrom, routeRelation, routeRollup, type Route, type RouteContext } from '../route';
import { stockColumns, type RollupInfo } from '../tables';
import { SqlContext, dimensionLookup, dimensionOf, groupBy, usedParams } from './context';
import { figureSql, listedSql } from './figure';
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
	/** The dimensions `by` and `filters` name, when not the catalog's (an indicator defined as data). */
	dimensions?: readonly Dimension[];
}

interface Cte {
	name: string;
	sql: string;
	/** Join keys of this CTE: all the query's keys, or only some (population by region). */
	keys: readonly string[];
	/** Helper CTEs feed other CTEs and are not joined into the result. */
	helper?: boolean;
}

interface Key {
	expr: string;
	alias: string;
}

const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };
type RowLeaf = FlowLeaf | StockLeaf | StockQuantileLeaf | JudgesLeaf;
const selectKeys = (keys: Key[]) => keys.map((k) => `${k.expr} AS ${k.alias}`);

class QueryWriter {
	private readonly sql: SqlContext;
	private readonly ctes: Cte[] = [];
	private readonly keys: string[];
	private readonly names = new Map<Leaf, string>();
	/** SELECTs of the breakdown groups each leaf has. */
	private readonly groups: string[] = [];
	readonly routes: Route[] = [];
	private readonly route: RouteContext;

	constructor(private readonly input: QueryInput) {
		this.sql = new SqlContext(input.deadlines, input.filters, dimensionLookup(input.dimensions));
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
		return this.input.by.map((id) => ({ expr: `coalesce(CAST(${dimensionOf(this.sql.dimension, id).column} AS VARCHAR), '')`, alias: id }));
	}

	/** Breakdown keys plus, with a grain, the bucket of the given date column. */
	private eventKeys(column: string): Key[] {
		return [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf(column), alias: 'period' }] : [])];
	}

	private addCte(sql: string, keys: readonly string[] = this.keys, helper = false): string {
		const name = `c${this.ctes.length + 1}`;
		this.ctes.push({ name, sql, keys, helper });
		return name;
	}

	/** The relation a leaf's rows are read from (its stored copy when current), noted as a route. */
	private relation(leaf: RowLeaf, what: string, because: string): string {
		const route = routeRelation(what, leaf.fact, this.route, because);
		this.routes.push(route);
		return readFrom(route, leaf.source);
	}

	private leaf(leaf: Leaf): string {
		let name = this.names.get(leaf);
		if (!name) {
			name = this.write(leaf);
			this.names.set(leaf, name);
			if (this.input.by.length && leaf.kind !== 'population') this.groups.push(this.groupsOf(leaf));
		}
		return name;
	}

	/**
	 * The breakdown groups a leaf has under the filters, whatever the period: its rows (those
	 * of its own condition, with its date) from the rollup when it keeps them, else from the rows.
	 */
	private groupsOf(leaf: Exclude<Leaf, { kind: 'population' }>): string {
		const keys = selectKeys(this.dimKeys());
		const what = `${leaf.kind === 'form' ? 'court_stats' : leaf.fact} groups by ${this.input.by.join(', ')}`;
		if (leaf.kind === 'form') return `SELECT DISTINCT ${keys.join(', ')} FROM court_stats t ${this.sql.where([])}`;
		const rolled =
			leaf.kind === 'flow'
				? { name: leaf.column, column: leaf.rows.key }
				: leaf.kind === 'stock'
					? { name: 'stock', column: stockColumns(leaf.key).enter }
					: null;
		const route = rolled && routeRollup(what, leaf.fact, leaf.source, rolled.name, [rolled.column], [], this.route);
		if (route?.source === 'rollup') {
			this.routes.push(route);
			return `SELECT ${keys.join(', ')} FROM ${route.from} t ${this.sql.where([])} ${groupBy(keys.length)} HAVING sum(${rolled!.column}) > 0`;
		}
		const dated =
			leaf.kind === 'flow' || leaf.kind === 'judges' ? leaf.column : leaf.kind === 'stock' ? this.sql.fragment(leaf.since) : 'filed_date';
		const relation = this.relation(leaf, what, route?.reason ?? 'read from the rows');
		return `SELECT DISTINCT ${keys.join(', ')} FROM ${relation} t ${this.sql.where([`${dated} IS NOT NULL`, leaf.kind === 'judges' ? 'judge_id IS NOT NULL' : undefined, this.sql.fragment(leaf.where)])}`;
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
		const additive = leaf.aggregates.every(isAdditive);
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
			const keys = [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf('month'), alias: 'period' }] : [])];
			return this.addCte(
				`SELECT ${[...selectKeys(keys), ...leaf.aggregates.map((a) => `sum(${a.key}) AS ${a.name}`)].join(', ')}
				FROM ${route.from} t ${this.sql.where([`month BETWEEN ${this.from} AND ${this.to}`])} ${groupBy(keys.length)}`
			);
		}
		const relation = this.relation(leaf, what, route?.reason ?? 'only counts and sums are rolled up (quantiles: histograms in batches)');
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
		const { enter, leave, enterKeys, leaveKeys } = stockColumns(leaf.key);
		const route = routeRollup(
			what,
			leaf.fact,
			leaf.source,
			'stock',
			[enter, enterKeys],
			[{ from: bucketStart(at, 'month'), to: at }],
			this.route
		);
		const keys = this.dimKeys();
		if (route.source === 'rollup') {
			this.routes.push(route);
			// Entered by the measurement month, less left by then (rows, and their record keys).
			const date = this.p.bind(at, 'DATE');
			const upTo = (column: string) => `coalesce(sum(${column}) FILTER (WHERE month <= ${date}), 0)`;
			return this.addCte(
				`SELECT ${[...selectKeys(keys), `${upTo(enter)} - ${upTo(leave)} AS v`, `${upTo(enterKeys)} - ${upTo(leaveKeys)} AS v_key`].join(', ')}
				FROM ${route.from} t ${this.sql.where([])} ${groupBy(keys.length)}`
			);
		}
		const condition =
			leaf.at === 'end'
				? `${since} <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`
				: `${since} < ${this.from} AND (decided_date IS NULL OR decided_date >= ${this.from})`;
		return this.addCte(
			`SELECT ${[...selectKeys(keys), 'count(*) AS v', `sum(${recordKeyOf(leaf.source)}) AS v_key`].join(', ')}
			FROM ${this.relation(leaf, what, route.reason)} t ${this.sql.where([condition, where])} ${groupBy(keys.length)}`
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
			`SELECT ${[...selectKeys(this.dimKeys()), `${enter} AS enter`, `${leave} AS leave`, `${recordKeyOf(leaf.source)} AS rk`].join(', ')} FROM ${relation} t ${this.sql.where([`${since} <= ${this.to}`, this.sql.fragment(leaf.where)])}`,
			[],
			true
		);
		const last = B(this.to);
		const dimList = dims.map((d) => `${d}, `).join('');
		// Each row's record key enters and leaves with it (the stock's cell key, plan.ts).
		const deltas = `SELECT ${dimList}enter AS period, 1 AS d, rk AS dk FROM ${spans} WHERE enter <= ${last} AND (leave IS NULL OR leave > enter)
			UNION ALL SELECT ${dimList}leave AS period, -1 AS d, -rk AS dk FROM ${spans} WHERE leave IS NOT NULL AND leave > enter AND leave <= ${last}`;
		const grid = dims.length
			? `SELECT DISTINCT ${dims.map((d) => `g.${d}, `).join('')}b.period FROM (SELECT DISTINCT ${dims.join(', ')} FROM ${spans}) g CROSS JOIN buckets b`
			: 'SELECT period FROM buckets';
		const partition = dims.length ? `PARTITION BY ${dims.map((d) => `k.${d}`).join(', ')} ` : '';
		return this.addCte(`SELECT ${[...dims.map((d) => `k.${d}`), 'k.period'].join(', ')},
			sum(coalesce(s.d, 0)) OVER (${partition}ORDER BY k.period) AS v,
			sum(coalesce(s.dk, 0)) OVER (${partition}ORDER BY k.period) AS v_key
			FROM (${grid}) k
			LEFT JOIN (SELECT ${dimList}period, sum(d) AS d, sum(dk) AS dk FROM (${deltas}) x GROUP BY ALL) s USING (${[...dims, 'period'].join(', ')})`);
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
				`SELECT ${[...keys, `quantile_cont(date_diff('day', filed_date, ${this.to}), ${q}) AS v`, 'count(*) AS n', `sum(${recordKeyOf(leaf.source)}) AS n_key`].join(', ')}
				FROM ${relation} t ${this.sql.where([`filed_date <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`, where])} ${groupBy(keys.length)}`
			);
		}
		// A range join of pending cases with the bucket ends; the pairs are bounded by the stock size.
		return this.addCte(
			`SELECT ${[...keys, 'b.period', `quantile_cont(date_diff('day', filed_date, b.e), ${q}) AS v`, 'count(*) AS n', `sum(${recordKeyOf(leaf.source)}) AS n_key`].join(', ')}
			FROM ${relation} t JOIN buckets b ON t.filed_date <= b.e AND coalesce(t.decided_date, DATE '9999-12-31') > b.e
			${this.sql.where([`filed_date <= ${this.to}`, `decided_date IS NULL OR decided_date > ${this.from}`, where])}
			${groupBy(keys.length + 1)}`
		);
	}

	/**
	 * Aggregate reporting forms, each for its own period. A flow sums the forms inside the
	 * bucket; a stock at the bucket's end (start) sums the forms ending (starting) there. The
	 * bucket must line up with the forms of every reporting unit it touches — a flow's forms lie
	 * inside it and run from its first to its last day, a stock's end (start) is a form's end
	 * (start) — else its figure is "no data" (`aligned` false), never a part of a form or a 0.
	 * A bucket no form touches has no data (`aligned` NULL).
	 */
	private form(leaf: FormLeaf): string {
		this.routes.push({ what: `court_stats ${leaf.column}`, source: 'rows', from: 'court_stats', reason: 'forms are read as filed' });
		const spans = this.grain ? 'buckets' : `(SELECT ${this.from} AS s, ${this.to} AS e)`;
		const keys = [...this.dimKeys(), ...(this.grain ? [{ expr: 'b.period', alias: 'period' }] : [])];
		// Every reporting unit touching the bucket has a form meeting the condition.
		const unit = '[f.court_id, f.instance, f.case_type, f.category]';
		const everyUnit = (cond: string) => `count(DISTINCT ${unit}) FILTER (WHERE ${cond}) = count(DISTINCT ${unit})`;
		const inside = 'f.period_start >= b.s AND f.period_end <= b.e';
		// The forms a figure sums: a stock's those ending (starting) on its day, a flow's all it touches.
		const [forms, aligned] =
			leaf.column === 'pending_end'
				? ['f.period_end = b.e', everyUnit('f.period_end = b.e')]
				: leaf.column === 'pending_start'
					? ['f.period_start = b.s', everyUnit('f.period_start = b.s')]
					: ['true', `bool_and(${inside}) AND ${everyUnit('f.period_start = b.s')} AND ${everyUnit('f.period_end = b.e')}`];
		// Its cell key: each form (the unit its figures come in) has a record key, summed like case records' (plan.ts).
		const v = `sum(f.${leaf.column}) FILTER (WHERE ${forms})`;
		const key = `sum(${recordKeySql(FORM_ROW)}) FILTER (WHERE ${forms})`;
		return this.addCte(
			`SELECT ${[...selectKeys(keys), `coalesce(${v}, 0) AS v`, `${key} AS v_key`, `${aligned} AS aligned`].join(', ')}
			FROM court_stats f JOIN ${spans} b ON f.period_start <= b.e AND f.period_end >= b.s ${this.sql.where([])} ${groupBy(keys.length)}`
		);
	}

	private population(): string {
		const byRegion = this.input.by.includes('region');
		return this.addCte(this.sql.population(byRegion), byRegion ? ['region'] : []);
	}

	private judges(leaf: JudgesLeaf): string {
		const keys = this.eventKeys(leaf.column);
		const where = this.sql.where([
			`${leaf.column} BETWEEN ${this.from} AND ${this.to}`,
			'judge_id IS NOT NULL',
			this.sql.fragment(leaf.where)
		]);
		const relation = this.relation(leaf, `${leaf.fact} ${leaf.column} by judge`, 'judges are not rolled up');
		// Cell keys: of the records counted, and of the judges (each judge's record key from the judge's identifier).
		const perJudge = `SELECT ${[...selectKeys(keys), 'judge_id AS judge_key', 'count(*) AS cnt', `sum(${recordKeyOf(leaf.source)}) AS cnt_key`, `min(${recordKeySql('judge_id')}) AS judge_rk`].join(', ')} FROM ${relation} t ${where} ${groupBy(keys.length + 1)}`;
		const aliases = keys.map((k) => k.alias);
		return this.addCte(
			`SELECT ${[...aliases, 'sum(cnt) AS total', 'sum(cnt_key) AS total_key', 'count(*) AS judges', 'sum(judge_rk) AS judges_key', 'avg(cnt) AS mean', 'stddev_pop(cnt) AS sd'].join(', ')}
			FROM (${perJudge}) j ${groupBy(aliases.length)}`
		);
	}

	/** The buckets of the period: start (`period`), first and last day inside the period, CEPEJ days and months. */
	private bucketsCte(): string {
		const rows = buckets(this.input, this.grain!).map((b) =>
			[
				this.p.bind(b.period, 'DATE'),
				this.p.bind(b.from, 'DATE'),
				this.p.bind(b.to, 'DATE'),
				this.p.bind(cepejDays(b), 'DOUBLE'),
				this.p.bind(monthsInPeriod(b), 'DOUBLE')
			].join(', ')
		);
		return `buckets AS (SELECT * FROM (VALUES (${rows.join('), (')})) v(period, s, e, days, months))`;
	}

	compile(plan: PlanNode): CompiledQuery {
		for (const leaf of leaves(plan)) this.leaf(leaf);
		const scale = this.grain
			? { days: 'keys.days', months: 'keys.months' }
			: { days: this.p.bind(cepejDays(this.input), 'DOUBLE'), months: this.p.bind(monthsInPeriod(this.input), 'DOUBLE') };
		const figure = figureSql(plan, { read: (leaf, column) => `${this.names.get(leaf)}.${column}`, ...scale });
		const select = `${figure.value} AS value, ${figure.numerator} AS numerator, ${figure.denominator} AS denominator, ${figure.n} AS n, ${figure.missing} AS missing,
			${figure.keys.numerator} AS numerator_key, ${figure.keys.denominator} AS denominator_key, ${figure.keys.n} AS n_key`;
		const withs = [...(this.grain ? [this.bucketsCte()] : []), ...this.ctes.map((c) => `${c.name} AS (${c.sql})`)];
		const joined = this.ctes.filter((c) => !c.helper);
		const join = (c: Cte) => (c.keys.length ? `LEFT JOIN ${c.name} USING (${c.keys.join(', ')})` : `CROSS JOIN ${c.name}`);

		let body: string;
		if (!this.keys.length) {
			body = `SELECT ${select} FROM ${joined.map((c) => c.name).join(' CROSS JOIN ')}`;
		} else {
			const dims = this.input.by as string[];
			const groups = dims.length ? `(${this.groups.join(' UNION ')}) g` : '';
			const keysSql = this.grain
				? dims.length
					? `SELECT g.*, b.period, b.days, b.months FROM ${groups} CROSS JOIN buckets b`
					: 'SELECT period, days, months FROM buckets'
				: `SELECT * FROM ${groups}`;
			withs.push(`keys AS (${keysSql})`);
			const listed = listedSql(plan, figure);
			const only = !dims.length
				? ''
				: this.grain
					? `QUALIFY bool_or(${listed}) OVER (PARTITION BY ${dims.map((d) => `keys.${d}`).join(', ')})`
					: `WHERE ${listed}`;
			body = `SELECT ${this.keys.map((k) => `keys.${k}`).join(', ')}, ${select}
				FROM keys ${joined.map(join).join(' ')}
				${only}
				ORDER BY ${this.keys.map((k) => `keys.${k}`).join(', ')}`;
		}
		const text = `WITH ${withs.join(',\n')}\n${body}`;
		return { sql: text, params: usedParams(text, this.p.values), routes: this.routes };
	}
}

export function writeQuery(plan: PlanNode, input: QueryInput): CompiledQuery {
	return new QueryWriter(input).compile(plan);
}
