/**
 * What every SQL writer shares: bound parameters, the catalog's placeholders replaced by bound
 * time limits, filters through the dimension whitelist, and aggregates with their conditions.
 * Identifiers come from the catalog and the fact list (trusted code); every value is bound.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { dimensionById, type Dimension } from '../../../domain/catalog';
import { STATUTORY_FROM, type DeadlineKey, type Deadlines, type Span } from '../../../domain/deadlines';
import type { Filters } from '../../../domain/query';
import { Binder } from '../../db/binder';
import type { PlannedAggregate } from '../plan';

/** The dimension of an id: the catalog's, or one of those an indicator defined as data has. */
export type DimensionLookup = (id: string) => Dimension | undefined;

/** The dimensions to look ids up in: these, or the catalog's. */
export function dimensionLookup(dimensions?: readonly Dimension[]): DimensionLookup {
	if (!dimensions) return dimensionById;
	const byId = new Map(dimensions.map((d) => [d.id as string, d]));
	return (id) => byId.get(id);
}

/**
 * `column IN (…)` for each filter; columns come from the dimension whitelist (the catalog's, or
 * a defined indicator's dataset columns). Also used by server/practice/queries.ts.
 */
export function filterClauses(p: Binder, filters: Filters, dimension: DimensionLookup = dimensionById): string[] {
	return Object.entries(filters)
		.filter(([, values]) => values?.length)
		.map(([id, values]) => {
			const d = dimensionOf(dimension, id);
			// A dataset's column is matched by its text, as its groups are keyed (numbers, dates too).
			const column = d.values.kind === 'text' ? `CAST(${d.column} AS VARCHAR)` : d.column;
			return `${column} IN (${values!.map((v) => p.bind(v)).join(', ')})`;
		});
}

export function dimensionOf(lookup: DimensionLookup, id: string): Dimension {
	const dimension = lookup(id);
	if (!dimension) throw new Error(`unknown dimension ${id}`);
	return dimension;
}

/**
 * A value a measure compares with (an indicator defined as data filters on a column): written
 * into its SQL fragment as a slot, which SqlContext.fragment binds as a parameter. The slot is
 * hex, so it cannot end the fragment's text, and it names its value, so two definitions that
 * differ in a value differ in their canonical definitions too.
 */
export function valueSlot(value: string | number | boolean): string {
	return `{=${Buffer.from(JSON.stringify(value)).toString('hex')}}`;
}

const VALUE_SLOT = /\{=([0-9a-f]+)\}/g;

/** The conditions that are given, each parenthesised, joined by AND; empty when none. */
export function andSql(conditions: readonly (string | undefined)[]): string {
	return conditions
		.filter((c): c is string => !!c)
		.map((c) => `(${c})`)
		.join(' AND ');
}

/** `WHERE` of the conditions that are given; empty when none. */
export function whereSql(conditions: readonly (string | undefined)[]): string {
	const all = andSql(conditions);
	return all ? `WHERE ${all}` : '';
}

/** `GROUP BY 1, 2, …` over the first `count` columns; empty when none. */
export function groupBy(count: number): string {
	return count ? `GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}` : '';
}

/** An aggregate over the rows meeting the conditions that are given. */
export function withFilter(aggregate: string, conditions: readonly (string | undefined)[]): string {
	const all = andSql(conditions);
	return all ? `${aggregate} FILTER (WHERE ${all})` : aggregate;
}

/** The bound values a statement uses (DuckDB refuses any it does not). */
export function usedParams(sql: string, values: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
	const used = new Set([...sql.matchAll(/\$(\w+)/g)].map((m) => m[1]));
	return Object.fromEntries(Object.entries(values).filter(([name]) => used.has(name)));
}

export class SqlContext {
	readonly p = new Binder();

	constructor(
		readonly deadlines: Deadlines,
		/** Only filters that apply to the facts read. */
		readonly filters: Filters,
		readonly dimension: DimensionLookup = dimensionById
	) {}

	/**
	 * CASE expression giving each row's deadline date for a set of limits; NULL for rows filed
	 * before the day their limit applies from (`from`).
	 */
	private deadlineSql(limits: Record<DeadlineKey, Span>, from: Partial<Record<DeadlineKey, string>> = {}): string {
		const spanSql = (span: Span) =>
			'days' in span
				? `filed_date + to_days(${this.p.bind(span.days, 'INTEGER')})`
				: `filed_date + to_months(${this.p.bind(span.months, 'INTEGER')})`;
		const branches = (Object.entries(limits) as [DeadlineKey, Span][]).map(([key, span]) => {
			const [instance, caseType] = key.split('.');
			const cond = [
				`instance = '${instance}'`,
				caseType && `case_type = '${caseType}'`,
				from[key] && `filed_date >= ${this.p.bind(from[key], 'DATE')}`
			].filter(Boolean);
			return `WHEN ${cond.join(' AND ')} THEN (${spanSql(span)})::DATE`;
		});
		return `(CASE ${branches.join(' ')} END)`;
	}

	/** A catalog fragment with its placeholders replaced by bound expressions. */
	fragment(sql: string): string;
	fragment(sql: string | undefined): string | undefined;
	fragment(sql: string | undefined): string | undefined {
		return sql
			?.replaceAll('{deadline}', () => this.deadlineSql(this.deadlines.statutory, STATUTORY_FROM))
			.replaceAll('{standard}', () => this.deadlineSql(this.deadlines.standard))
			.replaceAll(VALUE_SLOT, (_, hex: string) => this.p.bind(JSON.parse(Buffer.from(hex, 'hex').toString())));
	}

	/** `WHERE` of these conditions and the filters. */
	where(extra: readonly (string | undefined)[]): string {
		return whereSql([...extra, ...filterClauses(this.p, this.filters, this.dimension)]);
	}

	/** The population of the regions filtered on (all regions without a filter), in all or by region. */
	population(byRegion: boolean): string {
		const regions = this.filters.region;
		const where = regions?.length ? `WHERE code IN (${regions.map((v) => this.p.bind(v)).join(', ')})` : '';
		return byRegion
			? `SELECT code AS region, sum(population) AS v FROM regions ${where} GROUP BY 1`
			: `SELECT sum(population) AS v FROM regions ${where}`;
	}

	/** An aggregate of rows meeting its conditions (and `extra`, e.g. the flow's own `where`). */
	aggregate(a: PlannedAggregate, extra?: string): string {
		const arg = this.fragment(a.arg);
		const sql =
			a.fn === 'quantile'
				? `quantile_cont(${arg}, ${this.p.bind(a.q!, 'DOUBLE')})`
				: a.fn === 'count_distinct'
					? `count(DISTINCT ${arg})`
					: a.fn === 'sum_distinct'
						? `sum(DISTINCT ${arg})`
						: `${a.fn === 'key_sum' ? 'sum' : a.fn}(${arg ?? '*'})`;
		const filtered = withFilter(sql, [...a.conditions.map((c) => this.fragment(c)), extra]);
		return a.fn === 'key_sum' ? `coalesce(${filtered}, 0)` : filtered;
	}
}
