/**
 * Writes the statements that (re)build the derived tables: per fact and event, the additive
 * aggregates of every plan by month and rollup dimensions; per fact, each stock's rows entering
 * (by `since`) and leaving (by the later of `since` and the decision) per month; histograms of
 * quantiles; and the stored facts. Columns are named by their definitions' keys, so a reader
 * finds a column only when it holds exactly what the reader's plan defines.
 */
import type { FactId, FactRef } from '../../../domain/catalog';
import type { Deadlines } from '../../../domain/deadlines';
import { FACTS } from '../facts';
import { leaves, recordKeyOf, type FlowLeaf, type PlanNode, type PlannedAggregate, type StockLeaf } from '../plan';
import { HISTOGRAM_LEVEL, ROLLUP_LEVELS, histogramTable, levelColumns, rollupTable, stockColumns, storedFact } from '../tables';
import { SqlContext, andSql, usedParams, whereSql, withFilter } from './context';
import type { CompiledQuery } from './compiled';

/** A statement building one derived table (`sql`), whose rows are those of `select`. */
export interface RollupStatement extends CompiledQuery {
	table: string;
	select: string;
	/** Its grouping columns; every other column (`columns`) is a count or sum. */
	keys: string[];
	columns: string[];
	/** Built by summing a finer rollup rather than by reading the facts. */
	coarser: boolean;
}

/** A statement (re)building a stored fact's table (`sql`), whose rows are those of `select`. */
export interface StoredFactStatement extends CompiledQuery {
	table: string;
	select: string;
	marker: string;
}

/**
 * The rollup statements of these plans. With a `scope` (a condition on the fact's rows `t`),
 * the statements read only those rows (an incremental change).
 */
export function writeRollups(plans: readonly PlanNode[], deadlines: Deadlines, scope?: string): RollupStatement[] {
	const sql = new SqlContext(deadlines, {});
	const flows = new Map<string, { leaf: FlowLeaf; columns: Map<string, string> }>();
	const stocks = new Map<FactRef, { leaf: StockLeaf; stocks: Map<string, StockLeaf> }>();
	const histograms = new Map<string, { leaf: FlowLeaf; aggregate: PlannedAggregate }>();
	/** Columns holding counts (every stock column, and the flows' count aggregates). */
	const counts = new Set<string>();
	for (const leaf of plans.flatMap(leaves)) {
		if ((leaf.kind !== 'flow' && leaf.kind !== 'stock') || !leaf.source.rollup) continue;
		if (leaf.kind === 'stock') {
			const entry = stocks.get(leaf.fact) ?? { leaf, stocks: new Map() };
			entry.stocks.set(leaf.key, leaf);
			stocks.set(leaf.fact, entry);
			continue;
		}
		const entry = flows.get(`${leaf.fact} ${leaf.column}`) ?? { leaf, columns: new Map() };
		const where = sql.fragment(leaf.where);
		for (const a of [...leaf.aggregates, leaf.rows]) {
			if (a.fn === 'quantile') histograms.set(histogramTable(leaf.fact, leaf.column, a.key), { leaf, aggregate: a });
			else if (!entry.columns.has(a.key)) {
				entry.columns.set(a.key, sql.aggregate(a, where));
				if (a.fn === 'count') counts.add(a.key);
			}
		}
		flows.set(`${leaf.fact} ${leaf.column}`, entry);
	}

	const dims = levelColumns(0);
	const out: RollupStatement[] = [];
	const add = (table: string, keys: string[], columns: string[], select: string, coarser = false) =>
		out.push({ table, keys, columns, coarser, select, sql: `CREATE OR REPLACE TABLE ${table} AS ${select}`, params: {}, routes: [] });
	/**
	 * Each coarser level sums the finest one. A sum of counts stays BIGINT: DuckDB would widen it to
	 * HUGEINT, which every later sum over the coarser table then pays for (about 5× the CPU).
	 */
	const addCoarser = (fact: FactRef, name: string, columns: string[]) =>
		ROLLUP_LEVELS.slice(1).forEach((_, i) => {
			const keys = ['month', ...levelColumns(i + 1)];
			const sums = columns.map((c) => (counts.has(c) ? `sum(${c})::BIGINT AS ${c}` : `sum(${c}) AS ${c}`));
			add(
				rollupTable(fact, name, i + 1),
				keys,
				columns,
				`SELECT ${[...keys, ...sums].join(', ')} FROM ${rollupTable(fact, name)} GROUP BY ALL`,
				true
			);
		});

	for (const { leaf, columns } of flows.values()) {
		const names = [...columns.keys()];
		add(
			rollupTable(leaf.fact, leaf.column),
			['month', ...dims],
			names,
			`SELECT date_trunc('month', ${leaf.column})::DATE AS month, ${dims.join(', ')}, ${[...columns].map(([key, aggregate]) => `${aggregate} AS ${key}`).join(', ')}
				FROM ${leaf.source.relation} t ${whereSql([`${leaf.column} IS NOT NULL`, scope])} GROUP BY ALL`
		);
		addCoarser(leaf.fact, leaf.column, names);
	}
	for (const { leaf, stocks: members } of stocks.values()) {
		// Event 2j enters stock j, event 2j + 1 leaves it: a count of each and the sum of its record keys.
		const columns = [...members.keys()].flatMap((key) => {
			const c = stockColumns(key);
			return [
				[c.enter, c.enterKeys],
				[c.leave, c.leaveKeys]
			];
		});
		const names = columns.flat();
		columns.forEach(([count]) => counts.add(count));
		// Per row, the month each stock is entered and left (NULL when it is not): one scan and
		// one grouping of the unnested events, rather than a scan and a union branch per column.
		const events = [...members.values()].flatMap((stock) => {
			const since = sql.fragment(stock.since);
			const where = sql.fragment(stock.where);
			return [
				{ month: since, conditions: [`${since} IS NOT NULL`, where] },
				{ month: `greatest(${since}, decided_date)`, conditions: [`${since} IS NOT NULL`, 'decided_date IS NOT NULL', where] }
			];
		});
		const structs = events.map((e, i) => `{m: CASE WHEN ${andSql(e.conditions)} THEN date_trunc('month', ${e.month})::DATE END, i: ${i}}`);
		add(
			rollupTable(leaf.fact, 'stock'),
			['month', ...dims],
			names,
			`SELECT e.m AS month, ${dims.join(', ')}, ${columns
				.flatMap(([count, keys], i) => [
					`${withFilter('count(*)', [`e.i = ${i}`])} AS ${count}`,
					`coalesce(${withFilter('sum(_rk)', [`e.i = ${i}`])}, 0) AS ${keys}`
				])
				.join(', ')}
				FROM (SELECT ${dims.join(', ')}, ${recordKeyOf(leaf.source)} AS _rk, unnest([${structs.join(', ')}]) AS e FROM ${leaf.source.relation} t ${whereSql([scope])}) x
				WHERE e.m IS NOT NULL GROUP BY ALL`
		);
		addCoarser(leaf.fact, 'stock', names);
	}
	for (const [table, { leaf, aggregate }] of histograms) {
		const dimensions = levelColumns(HISTOGRAM_LEVEL);
		const value = sql.fragment(aggregate.arg!);
		add(
			table,
			['month', ...dimensions, 'x'],
			['n'],
			`SELECT date_trunc('month', ${leaf.column})::DATE AS month, ${dimensions.join(', ')}, ${value} AS x, count(*) AS n
				FROM ${leaf.source.relation} t ${whereSql([`${leaf.column} IS NOT NULL`, `(${value}) IS NOT NULL`, sql.fragment(leaf.where), ...aggregate.conditions.map((c) => sql.fragment(c)), scope])}
				GROUP BY ALL`
		);
	}
	return out.map((q) => ({ ...q, params: usedParams(q.sql, sql.p.values) }));
}

/**
 * The statements (re)building the stored facts: each one's relation, copied with its marker
 * column; with a `scope` (a condition on its rows `t`), `select` reads only those rows.
 */
export function writeStoredFacts(scope?: string): StoredFactStatement[] {
	return (Object.keys(FACTS) as FactId[]).flatMap((fact) => {
		const stored = storedFact(fact);
		if (!stored) return [];
		const select = `SELECT *, true AS ${stored.marker} FROM ${FACTS[fact].relation} t ${scope ? `WHERE ${scope}` : ''}`;
		return [
			{
				table: stored.table,
				marker: stored.marker,
				select,
				sql: `CREATE OR REPLACE TABLE ${stored.table} AS ${select}`,
				params: {},
				routes: []
			}
		];
	});
}
