/**
 * What every SQL writer shares: bound parameters, the catalog's placeholders replaced by bound
 * time limits, filters through the dimension whitelist, and aggregates with their conditions.
 * Identifiers come from the catalog and the fact list (trusted code); every value is bound.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { dimensionById } from '../../../domain/catalog';
import type { DeadlineKey, Deadlines, Span } from '../../../domain/deadlines';
import type { Filters } from '../../../domain/query';
import { Binder } from '../../db/binder';
import type { PlannedAggregate } from '../plan';

/** `column IN (…)` for each filter; columns come from the dimension whitelist. Also used by server/practice/queries.ts. */
export function filterClauses(p: Binder, filters: Filters): string[] {
	return Object.entries(filters)
		.filter(([, values]) => values?.length)
		.map(([id, values]) => `${dimensionById(id)!.column} IN (${values!.map((v) => p.bind(v)).join(', ')})`);
}

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
		readonly filters: Filters
	) {}

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

	/** A catalog fragment with its placeholders replaced by bound expressions. */
	fragment(sql: string): string;
	fragment(sql: string | undefined): string | undefined;
	fragment(sql: string | undefined): string | undefined {
		return sql
			?.replaceAll('{deadline}', () => this.deadlineSql(this.deadlines.statutory))
			.replaceAll('{standard}', () => this.deadlineSql(this.deadlines.standard));
	}

	/** `WHERE` of these conditions and the filters. */
	where(extra: readonly (string | undefined)[]): string {
		return whereSql([...extra, ...filterClauses(this.p, this.filters)]);
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
		const sql = a.fn === 'quantile' ? `quantile_cont(${arg}, ${this.p.bind(a.q!, 'DOUBLE')})` : `${a.fn}(${arg ?? '*'})`;
		return withFilter(sql, [...a.conditions.map((c) => this.fragment(c)), extra]);
	}
}
