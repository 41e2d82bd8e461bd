/**
 * Compiles a catalog measure, a period, a grain, breakdowns and filters into one parameterised
 * DuckDB query returning rows of (dimensions…, period, value, numerator, denominator, n).
 *
 * This is the only place indicator SQL is written. Identifiers come from the catalog (trusted
 * code); every value — dates, filter values, limits — is a bound parameter.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { CASE_FACTS, dimensionById, type DimensionId, type FactId, type Grain, type Measure } from '../../domain/catalog';
import type { Deadlines, DeadlineKey, Span } from '../../domain/deadlines';
import { addDays, bucketEnd, buckets, bucketStart, daysInPeriod, type Period } from '../../domain/period';
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
	/** Monthly rollups the query may read instead of the facts' rows. */
	rollup?: RollupInfo;
}

/**
 * The figures of a batch, as rows of its result: slot 0 is the current period, 1 the previous
 * one, 2… the months of the current period in order.
 */
interface Slot extends Period {
	/** The day a stock at the slot's start is measured on: the day before it begins. */
	before: string;
	days: number;
}

/**
 * Several measures over the same filters, each for the current period, the same period a year
 * earlier and every month of the current period: one statement, one scan per fact and event.
 */
export interface BatchInput {
	measures: readonly Measure[];
	current: Period;
	previous: Period;
	/** Only filters that apply to every measure's facts. */
	filters: Filters;
	deadlines: Deadlines;
	/** Monthly rollups the batch may read instead of the facts' rows. */
	rollup?: RollupInfo;
}

/** A page of the records behind a figure, sorted by a whitelisted column of the fact. */
export interface RecordsInput {
	/** A row-level measure (recordsMeasure). */
	measure: Measure;
	from: string;
	to: string;
	filters: Filters;
	deadlines: Deadlines;
	sort: string;
	descending: boolean;
	limit: number;
	offset: number;
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

/** The rows of a flow, counted. */
const ROWS: Aggregate = { name: '_rows', sql: 'count(*)' };

/** An aggregate of a flow: `fn(arg)` over the rows meeting every condition. */
interface Aggregate {
	name: string;
	sql: string;
	conditions?: (string | undefined)[];
	/** A quantile: its value expression and bound q (rolled up as a histogram of the values). */
	quantile?: { expr: string; q: string };
}

function aggregateSql(a: Aggregate, extra?: string): string {
	const conditions = [...(a.conditions ?? []), extra].filter((c): c is string => !!c);
	return conditions.length ? `${a.sql} FILTER (WHERE ${conditions.map((c) => `(${c})`).join(' AND ')})` : a.sql;
}

/** A column of a CTE that produced a named aggregate. */
type Column = (name: string) => string;

/** SQL expressions over the joined CTEs for one (possibly composite) measure. */
interface MeasureSql {
	value: string;
	numerator: string;
	denominator: string;
	n: string;
}

/** Flows of one fact and event in a batch: one CTE, its aggregates added by each measure. */
interface FlowGroup {
	name: string;
	fact: FactId;
	event: string;
	/** The monthly rollup table read rather than the fact's rows. */
	rollup: string | null;
	aggregates: { sql: string; key: string; alias: string }[];
}

/** Stocks of one fact in a batch: one CTE with a count per stock and measurement date. */
interface StockGroup {
	name: string;
	fact: FactId;
	rollup: string | null;
	aggregates: string[];
	/** When building rollups: each stock's first day and condition. */
	stocks: { key: string; since: string; where: string | undefined }[];
}

/**
 * The dimensions the monthly rollups keep, finest first: a view filtered on these only reads
 * the smallest rollup that has its filters (filters on others read the facts' rows).
 */
export const ROLLUP_LEVELS = [
	['region', 'court', 'instance', 'case_type', 'category'],
	['region', 'instance', 'case_type']
] as const satisfies readonly (readonly DimensionId[])[];
/** Quantiles are rolled up as histograms at the coarse level only (the fine one would hardly be smaller than the rows). */
const HISTOGRAM_LEVEL = 1;
const levelColumns = (level: number) => ROLLUP_LEVELS[level].map((id) => dimensionById(id)!.column);

/** The bound values a statement uses (DuckDB refuses any it does not). */
function usedParams(sql: string, values: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
	const used = new Set([...sql.matchAll(/\$(\w+)/g)].map((m) => m[1]));
	return Object.fromEntries(Object.entries(values).filter(([name]) => used.has(name)));
}

/** Table of the monthly rollup of a fact's event (or its stocks) at a level of ROLLUP_LEVELS. */
export function rollupTable(fact: FactId, event: string, level = 0): string {
	return `rollup${level || ''}_${fact}_${event}`;
}

/** A name for a definition (FNV-1a of its text): the same wherever and whenever it is compiled. */
function definitionKey(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return `r_${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The table holding a stored fact's rows (FACTS[fact].stored), and its marker column: the key of
 * the relation it copies, so that a copy of an older definition is not read.
 */
export function storedFact(fact: FactId): { table: string; marker: string } | null {
	return FACTS[fact].stored ? { table: `rollup_rows_${fact}`, marker: definitionKey(FACTS[fact].relation) } : null;
}

/** Rollup columns present in the database ("table.column") and the data's as-of date. */
export interface RollupInfo {
	columns: ReadonlySet<string>;
	asOf: string;
}

class Compiler {
	private readonly p = new Binder();
	private readonly ctes: Cte[] = [];
	private readonly keys: string[];
	private readonly flowGroups = new Map<string, FlowGroup>();
	private readonly stockGroups = new Map<string, StockGroup>();
	private aggregateCount = 0;
	/** When building rollups: the histograms of quantiles, by table. */
	private readonly histograms = new Map<string, { fact: FactId; event: string; expr: string; where: string | undefined }>();

	/**
	 * With slots the compiler works in batch mode (compileBatch): the only key is `slot`; with
	 * none (an empty list) it collects a batch's aggregates to build rollups.
	 */
	constructor(
		private readonly input: CompileInput,
		private readonly slots?: readonly Slot[],
		private readonly rollup?: RollupInfo
	) {
		this.keys = slots ? ['slot'] : [...input.by, ...(input.grain ? ['period'] : [])];
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
	private flow(measure: Extract<Measure, { fact: unknown; event: unknown }>, aggregates: Aggregate[]): Column {
		const fact = FACTS[measure.fact];
		const event = fact.events[measure.event];
		if (!event) throw new Error(`fact ${measure.fact} has no event ${measure.event}`);
		const own = measure.where && this.fragment(measure.where);
		if (this.slots) return this.batchFlow(measure.fact, event, aggregates, own);
		const rolled = this.rolledFlow(measure.fact, event, aggregates, own);
		if (rolled) return rolled;
		const keys = this.eventKeys(event);
		const where = this.where([`${event} BETWEEN ${this.from} AND ${this.to}`, measure.where && this.fragment(measure.where)]);
		const name = this.addCte(
			`SELECT ${[...selectKeys(keys), ...aggregates.map((a) => `${aggregateSql(a)} AS ${a.name}`)].join(', ')} FROM ${this.relation(measure.fact)} t ${where} ${this.groupBy(keys.length)}`
		);
		return (column) => `${name}.${column}`;
	}

	/**
	 * A flow of one query from the monthly rollup, when every aggregate (and the count of the
	 * flow's own rows, which decides which groups exist) is there.
	 */
	private rolledFlow(fact: FactId, event: string, aggregates: Aggregate[], where: string | undefined): Column | null {
		if (!aggregates.every((a) => /^(count|sum)\(/.test(a.sql))) return null;
		const keyOf = (a: Aggregate) => this.rollupKey(aggregateSql(a, where));
		const rows = keyOf(ROWS);
		const table = this.rollupFor(fact, event, [rows, ...aggregates.map(keyOf)], [this.input]);
		if (!table) return null;
		const keys = [...this.dimKeys(), ...(this.grain ? [{ expr: this.bucketOf('month'), alias: 'period' }] : [])];
		const name = this.addCte(
			`SELECT ${[...selectKeys(keys), ...aggregates.map((a) => `sum(${keyOf(a)}) AS ${a.name}`)].join(', ')}
			FROM ${table} t ${this.where([`month BETWEEN ${this.from} AND ${this.to}`])} ${this.groupBy(keys.length)}
			${keys.length ? `HAVING sum(${rows}) > 0` : ''}`
		);
		return (column) => `${name}.${column}`;
	}

	/**
	 * In a batch, a flow's aggregates join those of the same fact and event; its own rows are a
	 * filter. An additive aggregate found in the monthly rollup is read from there instead.
	 */
	private batchFlow(fact: FactId, event: string, aggregates: Aggregate[], where: string | undefined): Column {
		const prefix = `a${++this.aggregateCount}_`;
		const refs = new Map<string, string>();
		// Rollups also count each flow's own rows: single queries need them to know which groups exist.
		for (const a of this.slots!.length ? aggregates : [...aggregates, ROWS]) {
			if (a.quantile) {
				const histogram = this.histogram(fact, event, a.quantile, where);
				if (histogram) {
					refs.set(a.name, `${histogram}.v`);
					continue;
				}
			}
			const sql = aggregateSql(a, where);
			const key = this.rollupKey(sql);
			const rolled = /^(count|sum)\(/.test(a.sql) ? this.fromRollup(fact, event, key) : null;
			const groupKey = `${fact} ${event} ${rolled ?? ''}`;
			let group = this.flowGroups.get(groupKey);
			if (!group) {
				group = { name: `f${this.flowGroups.size + 1}`, fact, event, rollup: rolled, aggregates: [] };
				this.flowGroups.set(groupKey, group);
			}
			group.aggregates.push({ sql, key, alias: `${prefix}${a.name}` });
			refs.set(a.name, `${group.name}.${prefix}${a.name}`);
		}
		return (column) => refs.get(column)!;
	}

	/**
	 * A name for an aggregate that is the same wherever it is compiled: a hash of its SQL with
	 * the bound values written in (so a rollup built under other time limits is not used).
	 */
	private rollupKey(sql: string): string {
		const values = this.p.values;
		return definitionKey(sql.replace(/\$(\w+)(?:::[A-Z]+)?/g, (_, name: string) => JSON.stringify(values[name] ?? name)));
	}

	/**
	 * The relation a fact's rows are read from: its stored copy when the database holds one made
	 * from this very definition (the copy is rebuilt with the data), the relation itself otherwise.
	 */
	private relation(fact: FactId): string {
		const stored = storedFact(fact);
		const r = this.rollup ?? this.input.rollup;
		return stored && r?.columns.has(`${stored.table}.${stored.marker}`) ? stored.table : FACTS[fact].relation;
	}

	/**
	 * The smallest rollup table that may serve a column of this batch: it has the column, keeps
	 * every dimension filtered on, and every slot is whole months (or runs to the end of the data).
	 */
	private fromRollup(fact: FactId, event: string, column: string, finest = 0): string | null {
		return this.rollupFor(fact, event, [column], this.slots!, finest);
	}

	/**
	 * The smallest rollup table with all these columns that keeps every dimension the query
	 * filters on or breaks down by, when the periods are whole months (or run to the end of the data).
	 */
	private rollupFor(fact: FactId, event: string, columns: readonly string[], periods: readonly Period[], finest = 0): string | null {
		const r = this.rollup ?? this.input.rollup;
		if (!r || !periods.every((p) => p.from === bucketStart(p.from, 'month') && (p.to >= r.asOf || p.to === bucketEnd(p.to, 'month'))))
			return null;
		const dims = [...Object.keys(this.input.filters), ...(this.slots ? [] : this.input.by)];
		for (let level = ROLLUP_LEVELS.length - 1; level >= finest; level--) {
			const table = rollupTable(fact, event, level);
			if (
				dims.every((id) => (ROLLUP_LEVELS[level] as readonly string[]).includes(id)) &&
				columns.every((c) => r.columns.has(`${table}.${c}`))
			)
				return table;
		}
		return null;
	}

	/**
	 * A quantile from its histogram rollup (value → count per month and coarse dimensions), when
	 * the batch may use it: a CTE of the exact quantile_cont per slot, found by walking the
	 * cumulative counts to the order statistics around (N − 1)·q. When building, the histogram
	 * is only noted. Null: the rows are read.
	 */
	private histogram(fact: FactId, event: string, quantile: { expr: string; q: string }, where: string | undefined): string | null {
		const key = this.rollupKey(`histogram ${quantile.expr} | ${where ?? ''}`);
		const table = rollupTable(fact, `${event}_${key}`, HISTOGRAM_LEVEL);
		if (!this.slots!.length) {
			this.histograms.set(table, { fact, event, expr: quantile.expr, where });
			return null;
		}
		if (this.fromRollup(fact, `${event}_${key}`, 'x', HISTOGRAM_LEVEL) !== table) return null;
		const { select, where: inSlots } = this.slotKeys('month');
		const pos = `(total - 1) * ${quantile.q}`;
		const counts = `SELECT CASE WHEN GROUPING(_month) = 0 THEN _month ELSE _period END AS slot, x, sum(n) AS n
			FROM (SELECT *, ${select} FROM ${table} t ${this.where([inSlots])}) t GROUP BY GROUPING SETS ((_month, x), (_period, x))`;
		const cumulative = `SELECT slot, x, sum(n) OVER (PARTITION BY slot ORDER BY x) AS cum, sum(n) OVER (PARTITION BY slot) AS total
			FROM (${counts}) h WHERE slot IS NOT NULL`;
		const ends = `SELECT slot, ${pos} AS pos, min(x) FILTER (WHERE cum > floor(${pos})) AS lo, min(x) FILTER (WHERE cum > floor(${pos}) + 1) AS hi
			FROM (${cumulative}) c GROUP BY slot, total`;
		return this.addCte(`SELECT slot, lo + (pos - floor(pos)) * (coalesce(hi, lo) - lo) AS v FROM (${ends}) e`, ['slot'], false);
	}

	/** Slot keys of rows by a date column: `_month` (slots 2…) and `_period` (0, 1), and the rows' filter. */
	private slotKeys(event: string): { select: string; where: string } {
		const inSlot = (i: number) => `${event} BETWEEN ${this.slotDate('from', i)} AND ${this.slotDate('to', i)}`;
		const firstMonth = this.p.named('month0', bucketStart(this.slots![0].from, 'month'), 'DATE');
		return {
			select: `CASE WHEN ${inSlot(0)} THEN 2 + date_diff('month', ${firstMonth}, ${event}) END AS _month,
				CASE WHEN ${inSlot(0)} THEN 0 WHEN ${inSlot(1)} THEN 1 END AS _period`,
			where: `${inSlot(0)} OR ${inSlot(1)}`
		};
	}

	private slotDate(kind: 'from' | 'to' | 'before', i: number): string {
		return this.p.named(`s${i}_${kind}`, this.slots![i][kind], 'DATE');
	}

	/**
	 * One scan of a fact and event for a batch: rows of the current or previous period, grouped
	 * both by period (slots 0, 1) and by month of the current period (slots 2…). From the rollup,
	 * the same over its monthly rows, summing the aggregates.
	 */
	private flowGroupSql(group: FlowGroup): string {
		const event = group.rollup ? 'month' : group.event;
		const relation = group.rollup ?? this.relation(group.fact);
		const aggregates = group.aggregates.map((a) => `${group.rollup ? `sum(${a.key})` : a.sql} AS ${a.alias}`);
		const { select, where } = this.slotKeys(event);
		return `SELECT CASE WHEN GROUPING(_month) = 0 THEN _month ELSE _period END AS slot, ${aggregates.join(', ')}
			FROM (SELECT *, ${select} FROM ${relation} t ${this.where([where])}) t
			GROUP BY GROUPING SETS ((_month), (_period))`;
	}

	/**
	 * A stock in a batch: for each slot, a count of the rows pending on its measurement date
	 * (conditional aggregation, so all stocks of a fact share one scan). From the rollup: the
	 * rows that entered by the measurement month minus those that left by then.
	 */
	private batchStock(measure: Extract<Measure, { kind: 'stock' }>): string {
		const since = this.fragment(measure.since ?? 'filed_date');
		const where = this.stockWhere(measure);
		const key = this.rollupKey(`${since} | ${where ?? ''}`);
		const rolled = this.fromRollup(measure.fact, 'stock', `e_${key}`);
		const groupKey = `${measure.fact} ${rolled ?? ''}`;
		let group = this.stockGroups.get(groupKey);
		if (!group) {
			group = { name: `s${this.stockGroups.size + 1}`, fact: measure.fact, rollup: rolled, aggregates: [], stocks: [] };
			this.stockGroups.set(groupKey, group);
		}
		// Each stock once, however many measures share it (pending at the end and at the start do).
		if (!group.stocks.some((x) => x.key === key)) group.stocks.push({ key, since, where });
		if (!this.slots!.length) return 'NULL';
		const prefix = `a${++this.aggregateCount}_`;
		const branches = this.slots!.map((_, i) => {
			const at = this.slotDate(measure.at === 'end' ? 'to' : 'before', i);
			const sql = rolled
				? `coalesce(sum(e_${key}) FILTER (WHERE month <= ${at}), 0) - coalesce(sum(l_${key}) FILTER (WHERE month <= ${at}), 0)`
				: aggregateSql({
						name: '',
						sql: 'count(*)',
						conditions: [`${since} <= ${at}`, `decided_date IS NULL OR decided_date > ${at}`, where]
					});
			group.aggregates.push(`${sql} AS ${prefix}${i}`);
			return `WHEN ${i} THEN ${group.name}.${prefix}${i}`;
		});
		return `(CASE slots.slot ${branches.join(' ')} END)`;
	}

	/** Only rows that can be pending on some measurement date are read: filed by the last, not decided before the first. */
	private stockGroupSql(group: StockGroup): string {
		if (group.rollup) {
			// The rollup's rows are first summed by month (a few hundred), then cumulated per slot.
			const columns = group.stocks.flatMap((x) => [`e_${x.key}`, `l_${x.key}`]);
			const monthly = `SELECT month, ${columns.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM ${group.rollup} t ${this.where([])} GROUP BY month`;
			return `SELECT ${group.aggregates.join(', ')} FROM (${monthly}) t`;
		}
		const dates = this.slots!.flatMap((_, i) => [this.slotDate('to', i), this.slotDate('before', i)]);
		return `SELECT ${group.aggregates.join(', ')} FROM ${this.relation(group.fact)} t
			${this.where([`filed_date <= greatest(${dates.join(', ')})`, `decided_date IS NULL OR decided_date > least(${dates.join(', ')})`])}`;
	}

	/**
	 * The statements that (re)build the monthly rollups of the measures: per fact and event, the
	 * additive aggregates by month and rollup dimensions; per fact, each stock's rows entering
	 * (by `since`) and leaving (by the later of `since` and the decision) per month. With a
	 * `scope` (a condition on the fact's rows `t`), the statements read only those rows.
	 */
	compileRollups(measures: readonly Measure[], scope?: string): RollupStatement[] {
		for (const m of measures) this.measure(m);
		const dims = levelColumns(0);
		const out: RollupStatement[] = [];
		const only = (conditions: (string | undefined)[]) =>
			[...conditions, scope]
				.filter(Boolean)
				.map((c) => `(${c})`)
				.join(' AND ');
		const add = (table: string, keys: string[], select: string, coarser = false) =>
			out.push({ table, keys, coarser, select, sql: `CREATE OR REPLACE TABLE ${table} AS ${select}`, params: {} });
		/** Each coarser level sums the finest one. */
		const addCoarser = (fact: FactId, event: string, columns: string[]) =>
			ROLLUP_LEVELS.slice(1).forEach((_, i) => {
				const keys = ['month', ...levelColumns(i + 1)];
				const sums = columns.map((c) => `sum(${c}) AS ${c}`);
				add(
					rollupTable(fact, event, i + 1),
					keys,
					`SELECT ${[...keys, ...sums].join(', ')} FROM ${rollupTable(fact, event)} GROUP BY ALL`,
					true
				);
			});
		for (const group of this.flowGroups.values()) {
			if (!CASE_FACTS.includes(group.fact)) continue;
			const columns = new Map(group.aggregates.filter((a) => /^(count|sum)\(/.test(a.sql)).map((a) => [a.key, a.sql]));
			if (!columns.size) continue;
			add(
				rollupTable(group.fact, group.event),
				['month', ...dims],
				`SELECT date_trunc('month', ${group.event})::DATE AS month, ${dims.join(', ')}, ${[...columns].map(([key, sql]) => `${sql} AS ${key}`).join(', ')}
					FROM ${FACTS[group.fact].relation} t WHERE ${only([`${group.event} IS NOT NULL`])} GROUP BY ALL`
			);
			addCoarser(group.fact, group.event, [...columns.keys()]);
		}
		for (const group of this.stockGroups.values()) {
			const names = group.stocks.flatMap((x) => [`e_${x.key}`, `l_${x.key}`]);
			// Per row, the month each stock is entered and left (NULL when it is not): one scan and
			// one grouping of the unnested events, rather than a scan and a union branch per column.
			const events = group.stocks.flatMap((x) => [
				{ month: x.since, conditions: [`${x.since} IS NOT NULL`, x.where] },
				{ month: `greatest(${x.since}, decided_date)`, conditions: [`${x.since} IS NOT NULL`, 'decided_date IS NOT NULL', x.where] }
			]);
			const structs = events.map(
				(e, i) =>
					`{m: CASE WHEN ${e.conditions
						.filter(Boolean)
						.map((c) => `(${c})`)
						.join(' AND ')} THEN date_trunc('month', ${e.month})::DATE END, i: ${i}}`
			);
			add(
				rollupTable(group.fact, 'stock'),
				['month', ...dims],
				`SELECT e.m AS month, ${dims.join(', ')}, ${names.map((n, i) => `count(*) FILTER (WHERE e.i = ${i}) AS ${n}`).join(', ')}
					FROM (SELECT ${dims.join(', ')}, unnest([${structs.join(', ')}]) AS e FROM ${FACTS[group.fact].relation} t ${scope ? `WHERE ${scope}` : ''}) x
					WHERE e.m IS NOT NULL GROUP BY ALL`
			);
			addCoarser(group.fact, 'stock', names);
		}
		for (const [table, h] of this.histograms) {
			if (!CASE_FACTS.includes(h.fact)) continue;
			const dimensions = levelColumns(HISTOGRAM_LEVEL);
			add(
				table,
				['month', ...dimensions, 'x'],
				`SELECT date_trunc('month', ${h.event})::DATE AS month, ${dimensions.join(', ')}, ${h.expr} AS x, count(*) AS n
					FROM ${FACTS[h.fact].relation} t WHERE ${only([`${h.event} IS NOT NULL`, `(${h.expr}) IS NOT NULL`, h.where])}
					GROUP BY ALL`
			);
		}
		return out.map((q) => ({ ...q, params: usedParams(q.sql, this.p.values) }));
	}

	private stockWhere(measure: Extract<Measure, { kind: 'stock' | 'stock_quantile' }>): string | undefined {
		return measure.where && this.fragment(measure.where);
	}

	/** Cases pending at the period's end (or start), without a time grain. */
	private stockFlat(measure: Extract<Measure, { kind: 'stock' }>): string {
		const since = this.fragment(measure.since ?? 'filed_date');
		const key = this.rollupKey(`${since} | ${this.stockWhere(measure) ?? ''}`);
		const at = measure.at === 'end' ? this.input.to : addDays(this.input.from, -1);
		const table = this.rollupFor(measure.fact, 'stock', [`e_${key}`], [{ from: bucketStart(at, 'month'), to: at }]);
		if (table) {
			// Entered by the measurement month, less left by then; groups with none pending do not exist.
			const date = this.p.bind(at, 'DATE');
			const v = `coalesce(sum(e_${key}) FILTER (WHERE month <= ${date}), 0) - coalesce(sum(l_${key}) FILTER (WHERE month <= ${date}), 0)`;
			const keys = this.dimKeys();
			return this.addCte(
				`SELECT ${[...selectKeys(keys), `${v} AS v`].join(', ')} FROM ${table} t ${this.where([])} ${this.groupBy(keys.length)} ${keys.length ? `HAVING ${v} > 0` : ''}`
			);
		}
		const condition =
			measure.at === 'end'
				? `${since} <= ${this.to} AND (decided_date IS NULL OR decided_date > ${this.to})`
				: `${since} < ${this.from} AND (decided_date IS NULL OR decided_date >= ${this.from})`;
		const keys = this.dimKeys();
		return this.addCte(
			`SELECT ${[...selectKeys(keys), 'count(*) AS v'].join(', ')} FROM ${this.relation(measure.fact)} t ${this.where([condition, this.stockWhere(measure)])} ${this.groupBy(keys.length)}`
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
			`SELECT ${[...selectKeys(this.dimKeys()), `${enter} AS enter`, `${leave} AS leave`].join(', ')} FROM ${this.relation(measure.fact)} t ${this.where([`${since} <= ${this.to}`, this.stockWhere(measure)])}`,
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
		const relation = this.relation(measure.fact);
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
		if (this.slots) throw new Error('form measures are not batched');
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
		return this.addCte(`SELECT ${[...outer, `coalesce(${aggregate}, 0) AS v`].join(', ')} FROM (${inner}) t ${this.groupBy(outer.length)}`);
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
		if (this.slots) throw new Error('judge measures are not batched');
		const fact = FACTS[measure.fact];
		const event = fact.events[measure.event]!;
		const keys = this.eventKeys(event);
		const where = this.where([
			`${event} BETWEEN ${this.from} AND ${this.to}`,
			'judge_id IS NOT NULL',
			measure.where && this.fragment(measure.where)
		]);
		const perJudge = `SELECT ${[...selectKeys(keys), 'judge_id AS judge_key', 'count(*) AS cnt'].join(', ')} FROM ${this.relation(measure.fact)} t ${where} ${this.groupBy(keys.length + 1)}`;
		const aliases = keys.map((k) => k.alias);
		return this.addCte(
			`SELECT ${[...aliases, 'sum(cnt) AS total', 'count(*) AS judges', 'avg(cnt) AS mean', 'stddev_pop(cnt) AS sd'].join(', ')}
			FROM (${perJudge}) j ${this.groupBy(aliases.length)}`
		);
	}

	private daysSql(): string {
		if (this.slots) return 'slots.days';
		return this.grain ? 'keys.days' : this.p.bind(daysInPeriod(this.input), 'DOUBLE');
	}

	measure(m: Measure): MeasureSql {
		const zero = (column: string) => `coalesce(${column}, 0)`;
		const zeroIfMissing = (cte: string, col = 'v') => zero(`${cte}.${col}`);
		switch (m.kind) {
			case 'count': {
				const c = this.flow(m, [{ name: 'v', sql: 'count(*)' }]);
				return { value: zero(c('v')), numerator: zero(c('v')), denominator: 'NULL', n: zero(c('v')) };
			}
			case 'sum': {
				const c = this.flow(m, [
					{ name: 'v', sql: `sum(${this.fragment(m.expr)})` },
					{ name: 'n', sql: 'count(*)' }
				]);
				return { value: zero(c('v')), numerator: zero(c('v')), denominator: 'NULL', n: zero(c('n')) };
			}
			case 'quantile': {
				const expr = this.fragment(m.expr);
				const q = this.p.bind(m.q, 'DOUBLE');
				const c = this.flow(m, [
					{ name: 'v', sql: `quantile_cont(${expr}, ${q})`, quantile: { expr, q } },
					{ name: 'n', sql: `count(${expr})` }
				]);
				return { value: c('v'), numerator: 'NULL', denominator: 'NULL', n: zero(c('n')) };
			}
			case 'share': {
				const base = m.base ? this.fragment(m.base) : undefined;
				const c = this.flow(m, [
					{ name: 'hit', sql: 'count(*)', conditions: [this.fragment(m.hit), base] },
					{ name: 'base', sql: 'count(*)', conditions: [base] }
				]);
				const hit = zero(c('hit'));
				const den = zero(c('base'));
				return { value: `CASE WHEN ${den} = 0 THEN NULL ELSE 100.0 * ${hit} / ${den} END`, numerator: hit, denominator: den, n: den };
			}
			case 'sum_share': {
				const c = this.flow(m, [
					{ name: 'part', sql: `sum(${this.fragment(m.part)})` },
					{ name: 'whole', sql: `sum(${this.fragment(m.whole)})` },
					{ name: 'n', sql: 'count(*)' }
				]);
				const part = zero(c('part'));
				const whole = zero(c('whole'));
				return {
					value: `CASE WHEN ${whole} = 0 THEN NULL ELSE 100.0 * ${part} / ${whole} END`,
					numerator: part,
					denominator: whole,
					n: zero(c('n'))
				};
			}
			case 'stock': {
				if (this.slots) {
					const v = this.batchStock(m);
					return { value: v, numerator: v, denominator: 'NULL', n: v };
				}
				const c = this.grain ? this.stockByBucket(m) : this.stockFlat(m);
				return { value: zeroIfMissing(c), numerator: zeroIfMissing(c), denominator: 'NULL', n: zeroIfMissing(c) };
			}
			case 'stock_quantile': {
				if (m.fact !== 'cases') throw new Error('stock quantiles read cases');
				if (this.slots) throw new Error('stock quantiles are not batched');
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

	/** The rows a row-level measure counts in the period, one page of them, with the total. */
	compileRecords(r: RecordsInput): CompiledQuery {
		const m = r.measure;
		if (!('fact' in m)) throw new Error(`${m.kind} has no records`);
		const fact = FACTS[m.fact];
		const columns = fact.records;
		if (!columns?.includes(r.sort)) throw new Error(`cannot sort ${m.fact} records by ${r.sort}`);
		let conditions: (string | undefined)[];
		if (m.kind === 'stock' || m.kind === 'stock_quantile') {
			const since = this.fragment((m.kind === 'stock' && m.since) || 'filed_date');
			const at = m.kind === 'stock' && m.at === 'start' ? `${this.from} - 1` : this.to;
			conditions = [`${since} <= ${at}`, `decided_date IS NULL OR decided_date > ${at}`, this.stockWhere(m)];
		} else {
			const event = fact.events[m.event]!;
			const base = m.kind === 'share' && m.base ? this.fragment(m.base) : undefined;
			conditions = [`${event} BETWEEN ${this.from} AND ${this.to}`, m.where && this.fragment(m.where), base];
		}
		const order = `${r.sort} ${r.descending ? 'DESC' : 'ASC'} NULLS LAST, ${columns[0]}`;
		return {
			sql: `SELECT ${columns.join(', ')}, count(*) OVER () AS total FROM ${this.relation(m.fact)} t ${this.where(conditions)}
				ORDER BY ${order} LIMIT ${this.p.bind(r.limit, 'INTEGER')} OFFSET ${this.p.bind(r.offset, 'INTEGER')}`,
			params: this.p.values
		};
	}

	compileBatch(measures: readonly Measure[]): CompiledQuery {
		const figures = measures.map((m) => this.measure(m));
		for (const group of this.flowGroups.values())
			this.ctes.push({ name: group.name, sql: this.flowGroupSql(group), keys: ['slot'], definesGroups: false });
		for (const group of this.stockGroups.values())
			this.ctes.push({ name: group.name, sql: this.stockGroupSql(group), keys: [], definesGroups: false });
		const rows = this.slots!.map((slot, i) => `(${i}, ${this.p.bind(slot.days, 'DOUBLE')})`);
		const withs = [
			`slots AS (SELECT * FROM (VALUES ${rows.join(', ')}) v(slot, days))`,
			...this.ctes.map((c) => `${c.name} AS (${c.sql})`)
		];
		const select = figures.map((f, i) => `${f.value} AS v${i}, ${f.numerator} AS num${i}, ${f.denominator} AS den${i}, ${f.n} AS n${i}`);
		const joins = this.ctes
			.filter((c) => !c.helper)
			.map((c) => (c.keys.length ? `LEFT JOIN ${c.name} USING (slot)` : `CROSS JOIN ${c.name}`));
		const sql = `WITH ${withs.join(',\n')}\nSELECT slots.slot, ${select.join(', ')} FROM slots ${joins.join(' ')} ORDER BY slots.slot`;
		// Aggregates read from a rollup leave their own bound values (time limits) unused.
		return { sql, params: usedParams(sql, this.p.values) };
	}

	compile(): CompiledQuery {
		const sql = this.measure(this.input.measure);
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
		return { sql: text, params: usedParams(text, this.p.values) };
	}
}

export function compileMeasure(input: CompileInput): CompiledQuery {
	return new Compiler(input).compile();
}

/**
 * The records behind a figure: what a flow or stock counts; for a ratio, its numerator (resolved
 * cases behind a clearance rate); per capita and per judge, what is counted. Forms have none.
 */
export function recordsMeasure(m: Measure): Measure | null {
	switch (m.kind) {
		case 'ratio':
			return recordsMeasure(m.num);
		case 'per_capita':
		case 'per_judge_month':
		case 'judge_spread':
			return recordsMeasure(m.of);
		case 'form':
			return null;
		default:
			return FACTS[m.fact].records ? m : null;
	}
}

export function recordColumns(m: Measure): readonly string[] {
	return 'fact' in m ? (FACTS[m.fact].records ?? []) : [];
}

export function compileRecords(input: RecordsInput): CompiledQuery {
	return new Compiler({ ...input, by: [] }).compileRecords(input);
}

/** Measures a batch can hold: flows, stocks and what is composed of them (not quantiles of stocks, judges or forms). */
export function batchable(m: Measure): boolean {
	switch (m.kind) {
		case 'ratio':
			return batchable(m.num) && batchable(m.den);
		case 'per_capita':
			return batchable(m.of);
		case 'stock_quantile':
		case 'per_judge_month':
		case 'judge_spread':
		case 'form':
			return false;
		default:
			return true;
	}
}

/**
 * A batch: row `slot` holds, for each measure i, `v{i}`, `num{i}`, `den{i}` and `n{i}` (the
 * same figures compileMeasure gives) for the current period (0), the previous one (1) and each
 * month of the current period (2…).
 */
export function compileBatch(input: BatchInput): CompiledQuery {
	const months = buckets(input.current, 'month').map((b) => ({ from: b.from, to: b.to }));
	const slots = [input.current, input.previous, ...months].map((p) => ({ ...p, before: addDays(p.from, -1), days: daysInPeriod(p) }));
	const compiler = new Compiler(
		{ ...input.current, measure: input.measures[0], by: [], filters: input.filters, deadlines: input.deadlines },
		slots,
		input.rollup
	);
	return compiler.compileBatch(input.measures);
}

/** A statement building one rollup table (`sql`), whose rows are those of `select`. */
export interface RollupStatement extends CompiledQuery {
	table: string;
	select: string;
	/** Its grouping columns; every other column is a count or sum. */
	keys: string[];
	/** Built by summing a finer rollup rather than by reading the facts. */
	coarser: boolean;
}

/** The statements building the monthly rollups of these measures (see Compiler.compileRollups). */
export function compileRollups(measures: readonly Measure[], deadlines: Deadlines, scope?: string): RollupStatement[] {
	const period = { from: '1990-01-01', to: '1990-01-01' };
	return new Compiler({ ...period, measure: measures[0], by: [], filters: {}, deadlines }, []).compileRollups(
		measures.filter(batchable),
		scope
	);
}

/** A statement (re)building a stored fact's table (`sql`), whose rows are those of `select`. */
export interface StoredFactStatement extends CompiledQuery {
	table: string;
	select: string;
}

/**
 * The statements (re)building the stored facts: each one's relation, copied with its marker
 * column; with a `scope` (a condition on its rows `t`), `select` reads only those rows.
 */
export function compileStoredFacts(scope?: string): StoredFactStatement[] {
	return (Object.keys(FACTS) as FactId[]).flatMap((fact) => {
		const stored = storedFact(fact);
		if (!stored) return [];
		const select = `SELECT *, true AS ${stored.marker} FROM ${FACTS[fact].relation} t ${scope ? `WHERE ${scope}` : ''}`;
		return [{ table: stored.table, select, sql: `CREATE OR REPLACE TABLE ${stored.table} AS ${select}`, params: {} }];
	});
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
