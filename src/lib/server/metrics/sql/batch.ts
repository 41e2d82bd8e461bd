/**
 * Writes a batch: several plans over the same filters, each for the current period, the same
 * period a year earlier and every month of the current period, in one statement with one scan
 * per fact, event and source. Row `slot` holds, for each plan i, `v{i}`, `num{i}`, `den{i}` and
 * `n{i}` (the figures a single query gives; their cell keys `numk{i}`, `denk{i}`, `nk{i}`) for the current period (0), the previous one (1)
 * and each month (2…).
 */
import type { Dimension, DimensionId } from '../../../domain/catalog';
import type { Deadlines } from '../../../domain/deadlines';
import { addDays, bucketStart, buckets, cepejDays, monthsInPeriod, type Period } from '../../../domain/period';
import type { Filters } from '../../../domain/query';
import { isAdditive, leaves, recordKeyOf, type FlowLeaf, type Leaf, type PlanNode, type PlannedAggregate, type StockLeaf } from '../plan';
import { readFrom, routeRelation, routeRollup, type Route, type RouteContext } from '../route';
import { HISTOGRAM_LEVEL, stockColumns, type RollupInfo } from '../tables';
import { SqlContext, dimensionLookup, usedParams, withFilter } from './context';
import { figureSql } from './figure';
import type { CompiledQuery } from './compiled';

export interface BatchInput {
	current: Period;
	previous: Period;
	/** Only filters that apply to every plan's facts. */
	filters: Filters;
	deadlines: Deadlines;
	/** Derived tables the batch may read instead of the facts' rows. */
	rollup?: RollupInfo;
	/** The dimensions `filters` name, when not the catalog's (indicators defined as data). */
	dimensions?: readonly Dimension[];
}

interface Slot extends Period {
	/** The day a stock at the slot's start is measured on: the day before it begins. */
	before: string;
	/** Days as CEPEJ counts them (a year of 365) and calendar months. */
	days: number;
	months: number;
}

/** Aggregates of one fact and event read from one source: one CTE. */
interface FlowGroup {
	name: string;
	leaf: FlowLeaf;
	route: Route;
	aggregates: { name: string; sql: string; alias: string }[];
	/** Why its aggregates are read from where they are. */
	reasons: Set<string>;
}

/** Stocks of one fact read from one source: one CTE with a count per stock and measurement date. */
interface StockGroup {
	name: string;
	leaf: StockLeaf;
	route: Route;
	aggregates: string[];
	/** The rollup columns it sums, each stock once. */
	keys: Set<string>;
}

class BatchWriter {
	private readonly sql: SqlContext;
	private readonly slots: Slot[];
	private readonly route: RouteContext;
	/** CTEs one row per slot (histograms) or one row in all (population). */
	private readonly singles: { name: string; sql: string; keyed: boolean }[] = [];
	private readonly flowGroups = new Map<string, FlowGroup>();
	private readonly stockGroups = new Map<string, StockGroup>();
	/** Each leaf's outputs: name → SQL expression. */
	private readonly outputs = new Map<Leaf, Map<string, string>>();
	private aggregateCount = 0;
	readonly routes: Route[] = [];

	constructor(input: BatchInput) {
		this.sql = new SqlContext(input.deadlines, input.filters, dimensionLookup(input.dimensions));
		const months = buckets(input.current, 'month').map((b) => ({ from: b.from, to: b.to }));
		this.slots = [input.current, input.previous, ...months].map((p) => ({
			...p,
			before: addDays(p.from, -1),
			days: cepejDays(p),
			months: monthsInPeriod(p)
		}));
		this.route = { rollup: input.rollup, dims: Object.keys(input.filters) as DimensionId[] };
	}

	private get p() {
		return this.sql.p;
	}

	private slotDate(kind: 'from' | 'to' | 'before', i: number): string {
		return this.p.named(`s${i}_${kind}`, this.slots[i][kind], 'DATE');
	}

	/** Slot keys of rows by a date column: `_month` (slots 2…) and `_period` (0, 1), and the rows' filter. */
	private slotKeys(column: string): { select: string; where: string } {
		const inSlot = (i: number) => `${column} BETWEEN ${this.slotDate('from', i)} AND ${this.slotDate('to', i)}`;
		const firstMonth = this.p.named('month0', bucketStart(this.slots[0].from, 'month'), 'DATE');
		return {
			select: `CASE WHEN ${inSlot(0)} THEN 2 + date_diff('month', ${firstMonth}, ${column}) END AS _month,
				CASE WHEN ${inSlot(0)} THEN 0 WHEN ${inSlot(1)} THEN 1 END AS _period`,
			where: `${inSlot(0)} OR ${inSlot(1)}`
		};
	}

	private leaf(leaf: Leaf): Map<string, string> {
		let out = this.outputs.get(leaf);
		if (!out) {
			if (leaf.kind === 'flow') out = this.flow(leaf);
			else if (leaf.kind === 'stock') out = this.stock(leaf);
			else if (leaf.kind === 'population') out = new Map([['v', `${this.population()}.v`]]);
			else throw new Error(`${leaf.kind} is not batched`);
			this.outputs.set(leaf, out);
		}
		return out;
	}

	/**
	 * A flow's aggregates join those of the same fact, event and source; its own rows are a
	 * filter. An additive aggregate found in a rollup is read from there, a quantile from its
	 * histogram.
	 */
	private flow(leaf: FlowLeaf): Map<string, string> {
		const prefix = `a${++this.aggregateCount}_`;
		const where = this.sql.fragment(leaf.where);
		const out = new Map<string, string>();
		for (const a of leaf.aggregates) {
			const what = `${leaf.fact} ${leaf.column}: ${a.name}`;
			const rolled =
				a.fn === 'quantile'
					? routeRollup(what, leaf.fact, leaf.source, `${leaf.column}_${a.key}`, ['x'], this.slots, this.route, 'histogram', [
							HISTOGRAM_LEVEL
						])
					: isAdditive(a)
						? routeRollup(what, leaf.fact, leaf.source, leaf.column, [a.key], this.slots, this.route)
						: routeRelation(what, leaf.fact, this.route, 'only counts and sums are rolled up');
			if (rolled.source === 'histogram') {
				this.routes.push(rolled);
				out.set(a.name, `${this.histogram(rolled.from, a)}.v`);
				continue;
			}
			const route = rolled.source === 'rollup' ? rolled : routeRelation(what, leaf.fact, this.route);
			const groupKey = `${leaf.fact} ${leaf.column} ${route.source} ${route.from}`;
			let group = this.flowGroups.get(groupKey);
			if (!group) {
				group = { name: `f${this.flowGroups.size + 1}`, leaf, route, aggregates: [], reasons: new Set() };
				this.flowGroups.set(groupKey, group);
			}
			if (rolled.source === 'rows') group.reasons.add(`${a.name}: ${rolled.reason}`);
			group.reasons.add(route.reason);
			const alias = `${prefix}${a.name}`;
			group.aggregates.push({ name: a.name, sql: route.source === 'rollup' ? `sum(${a.key})` : this.sql.aggregate(a, where), alias });
			out.set(a.name, `${group.name}.${alias}`);
		}
		return out;
	}

	/**
	 * A quantile from its histogram (value → count per month and coarse dimensions): a CTE of
	 * the exact quantile_cont per slot, found by walking the cumulative counts to the order
	 * statistics around (N − 1)·q.
	 */
	private histogram(table: string, a: PlannedAggregate): string {
		const { select, where: inSlots } = this.slotKeys('month');
		const q = this.p.bind(a.q!, 'DOUBLE');
		const pos = `(total - 1) * ${q}`;
		const counts = `SELECT CASE WHEN GROUPING(_month) = 0 THEN _month ELSE _period END AS slot, x, sum(n) AS n
			FROM (SELECT *, ${select} FROM ${table} t ${this.sql.where([inSlots])}) t GROUP BY GROUPING SETS ((_month, x), (_period, x))`;
		const cumulative = `SELECT slot, x, sum(n) OVER (PARTITION BY slot ORDER BY x) AS cum, sum(n) OVER (PARTITION BY slot) AS total
			FROM (${counts}) h WHERE slot IS NOT NULL`;
		const ends = `SELECT slot, ${pos} AS pos, min(x) FILTER (WHERE cum > floor(${pos})) AS lo, min(x) FILTER (WHERE cum > floor(${pos}) + 1) AS hi
			FROM (${cumulative}) c GROUP BY slot, total`;
		const name = `h${this.singles.length + 1}`;
		this.singles.push({ name, sql: `SELECT slot, lo + (pos - floor(pos)) * (coalesce(hi, lo) - lo) AS v FROM (${ends}) e`, keyed: true });
		return name;
	}

	/** The population of the regions filtered on (all regions without a filter). */
	private population(): string {
		const name = `h${this.singles.length + 1}`;
		this.singles.push({ name, sql: this.sql.population(false), keyed: false });
		return name;
	}

	/**
	 * A stock: for each slot, a count of the rows pending on its measurement date (conditional
	 * aggregation, so all stocks of a fact share one scan). From the rollup: the rows that entered
	 * by the measurement month minus those that left by then.
	 */
	private stock(leaf: StockLeaf): Map<string, string> {
		const what = `${leaf.fact} stock at ${leaf.at}`;
		const { enter, leave, enterKeys, leaveKeys } = stockColumns(leaf.key);
		const rolled = routeRollup(what, leaf.fact, leaf.source, 'stock', [enter, enterKeys], this.slots, this.route);
		const route = rolled.source === 'rollup' ? rolled : routeRelation(what, leaf.fact, this.route, rolled.reason);
		const groupKey = `${leaf.fact} ${route.source} ${route.from}`;
		let group = this.stockGroups.get(groupKey);
		if (!group) {
			group = { name: `s${this.stockGroups.size + 1}`, leaf, route, aggregates: [], keys: new Set() };
			this.stockGroups.set(groupKey, group);
		}
		group.keys.add(leaf.key);
		const since = this.sql.fragment(leaf.since);
		const where = this.sql.fragment(leaf.where);
		const prefix = `a${++this.aggregateCount}_`;
		// Per slot, the rows pending and the sum of their record keys (the stock's cell key, plan.ts).
		const branches = this.slots.map((_, i) => {
			const at = this.slotDate(leaf.at === 'end' ? 'to' : 'before', i);
			const upTo = (column: string) => `coalesce(sum(${column}) FILTER (WHERE month <= ${at}), 0)`;
			const pending = [`${since} <= ${at}`, `decided_date IS NULL OR decided_date > ${at}`, where];
			const [v, keys] =
				route.source === 'rollup'
					? [`${upTo(enter)} - ${upTo(leave)}`, `${upTo(enterKeys)} - ${upTo(leaveKeys)}`]
					: [withFilter('count(*)', pending), withFilter(`sum(${recordKeyOf(leaf.source)})`, pending)];
			group.aggregates.push(`${v} AS ${prefix}${i}`, `${keys} AS ${prefix}k${i}`);
			return [`WHEN ${i} THEN ${group.name}.${prefix}${i}`, `WHEN ${i} THEN ${group.name}.${prefix}k${i}`];
		});
		return new Map([
			['v', `(CASE slots.slot ${branches.map((b) => b[0]).join(' ')} END)`],
			['v_key', `(CASE slots.slot ${branches.map((b) => b[1]).join(' ')} END)`]
		]);
	}

	/**
	 * One scan of a fact and event: rows of the current or previous period, grouped both by
	 * period (slots 0, 1) and by month of the current period (slots 2…). From the rollup, the
	 * same over its monthly rows, summing the aggregates.
	 */
	private flowGroupSql(group: FlowGroup): string {
		const rolled = group.route.source === 'rollup';
		const { select, where } = this.slotKeys(rolled ? 'month' : group.leaf.column);
		return `SELECT CASE WHEN GROUPING(_month) = 0 THEN _month ELSE _period END AS slot, ${group.aggregates.map((a) => `${a.sql} AS ${a.alias}`).join(', ')}
			FROM (SELECT *, ${select} FROM ${readFrom(group.route, group.leaf.source)} t ${this.sql.where([where])}) t
			GROUP BY GROUPING SETS ((_month), (_period))`;
	}

	/** Only rows that can be pending on some measurement date are read: filed by the last, not decided before the first. */
	private stockGroupSql(group: StockGroup): string {
		if (group.route.source === 'rollup') {
			// The rollup's rows are first summed by month (a few hundred), then cumulated per slot.
			const columns = [...group.keys].flatMap((key) => Object.values(stockColumns(key)));
			const monthly = `SELECT month, ${columns.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM ${group.route.from} t ${this.sql.where([])} GROUP BY month`;
			return `SELECT ${group.aggregates.join(', ')} FROM (${monthly}) t`;
		}
		const dates = this.slots.flatMap((_, i) => [this.slotDate('to', i), this.slotDate('before', i)]);
		return `SELECT ${group.aggregates.join(', ')} FROM ${readFrom(group.route, group.leaf.source)} t
			${this.sql.where([`filed_date <= greatest(${dates.join(', ')})`, `decided_date IS NULL OR decided_date > least(${dates.join(', ')})`])}`;
	}

	compile(plans: readonly PlanNode[]): CompiledQuery {
		const figures = plans.map((plan) => {
			for (const leaf of leaves(plan)) this.leaf(leaf);
			return figureSql(plan, { read: (leaf, name) => this.outputs.get(leaf)!.get(name)!, days: 'slots.days', months: 'slots.months' });
		});
		const ctes = [
			...this.singles,
			...[...this.flowGroups.values()].map((g) => ({ name: g.name, sql: this.flowGroupSql(g), keyed: true })),
			...[...this.stockGroups.values()].map((g) => ({ name: g.name, sql: this.stockGroupSql(g), keyed: false }))
		];
		for (const g of this.flowGroups.values())
			this.routes.push({
				...g.route,
				what: `${g.leaf.fact} ${g.leaf.column}: ${g.aggregates.map((a) => a.name).join(', ')}`,
				reason: [...g.reasons].join('; ')
			});
		this.routes.push(...[...this.stockGroups.values()].map((g) => g.route));
		const rows = this.slots.map((slot, i) => `(${i}, ${this.p.bind(slot.days, 'DOUBLE')}, ${this.p.bind(slot.months, 'DOUBLE')})`);
		const withs = [
			`slots AS (SELECT * FROM (VALUES ${rows.join(', ')}) v(slot, days, months))`,
			...ctes.map((c) => `${c.name} AS (${c.sql})`)
		];
		const select = figures.map(
			(f, i) =>
				`${f.value} AS v${i}, ${f.numerator} AS num${i}, ${f.denominator} AS den${i}, ${f.n} AS n${i}, ${f.keys.numerator} AS numk${i}, ${f.keys.denominator} AS denk${i}, ${f.keys.n} AS nk${i}`
		);
		const joins = ctes.map((c) => (c.keyed ? `LEFT JOIN ${c.name} USING (slot)` : `CROSS JOIN ${c.name}`));
		const sql = `WITH ${withs.join(',\n')}\nSELECT slots.slot, ${select.join(', ')} FROM slots ${joins.join(' ')} ORDER BY slots.slot`;
		// Aggregates read from a rollup leave their own bound values (time limits) unused.
		return { sql, params: usedParams(sql, this.p.values), routes: this.routes };
	}
}

export function writeBatch(plans: readonly PlanNode[], input: BatchInput): CompiledQuery {
	return new BatchWriter(input).compile(plans);
}
