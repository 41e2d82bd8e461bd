/**
 * Runs catalog indicators for a view query: checks the query against the indicator, picks the
 * source (case records or aggregate forms), compiles and executes, and shapes the rows.
 */
import {
	DIMENSIONS,
	indicatorDimensions,
	indicatorFilters,
	measureFacts,
	type DimensionId,
	type Grain,
	type Indicator
} from '../../domain/catalog';
import { buckets, resolvePeriod, type Period } from '../../domain/period';
import type { Filters, Parsed, QueryError, ViewQuery } from '../../domain/query';
import { hasRole, PERSONAL_DATA_ROLE, suppressesSmallCounts, type Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { dataAsOf } from './as-of';
import { compileMeasure, compileExists } from './compile';
import { deadlines } from './deadlines';
import { rollupInfo } from './rollups';

export type DataSource = 'cases' | 'court_stats';

export interface ResultRow {
	[dimension: string]: string | number | boolean | null;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Records behind the figure; null when suppressed. */
	n: number | null;
}

export interface IndicatorResult {
	indicator: string;
	source: DataSource;
	period: Period;
	grain: Grain | null;
	by: DimensionId[];
	filters: Filters;
	/** Filters of the query that do not apply to this indicator's data. */
	ignored: DimensionId[];
	asOf: string;
	rows: ResultRow[];
}

/** Breakdowns or filters by individual judges need a role allowed to see them. */
export function personalDataErrors(query: ViewQuery, access: Access): QueryError[] {
	if (hasRole(access.role, PERSONAL_DATA_ROLE)) return [];
	const personal = DIMENSIONS.filter((d) => d.personal).map((d) => d.id);
	return [
		...query.by.filter((id) => personal.includes(id)).map((id): QueryError => ({ param: 'by', code: 'forbidden', value: id })),
		...personal.filter((id) => query.filters[id]).map((id): QueryError => ({ param: id, code: 'forbidden' }))
	];
}

/**
 * Small counts are hidden from roles that see only aggregates: a figure resting on fewer than
 * `minCount` records (but more than none) loses its value, numerator, denominator and n.
 */
export function suppress(rows: ResultRow[], access: Access): void {
	if (!suppressesSmallCounts(access)) return;
	for (const row of rows) {
		if (row.n !== null && row.n > 0 && row.n < access.minCount) {
			row.value = row.numerator = row.denominator = row.n = null;
			row.suppressed = true;
		}
	}
}

/** Checks the breakdowns against what the indicator allows; filters it cannot use are set aside. */
export function fit(indicator: Indicator, query: ViewQuery, source: DataSource) {
	const facts = source === 'court_stats' ? (['court_stats'] as const) : measureFacts(indicator.measure);
	const allowedBy = indicatorDimensions(indicator).filter((d) => facts.every((f) => d.facts.includes(f)));
	const filterable = new Set(
		indicatorFilters(indicator)
			.filter((d) => facts.every((f) => d.facts.includes(f)))
			.map((d) => d.id)
	);
	const errors: QueryError[] = [];
	const badBy = query.by.find((id) => !allowedBy.some((d) => d.id === id));
	if (badBy) errors.push({ param: 'by', code: 'bad_by', value: badBy, allowed: allowedBy.map((d) => d.id) });
	const filters: Filters = {};
	const ignored: DimensionId[] = [];
	for (const [id, values] of Object.entries(query.filters) as [DimensionId, string[]][]) {
		if (filterable.has(id)) filters[id] = values;
		else ignored.push(id);
	}
	return { errors, filters, ignored };
}

export async function chooseSource(db: Queryable, indicator: Indicator, query: ViewQuery, period: Period): Promise<DataSource> {
	const choice = query.source ?? 'auto';
	if (choice !== 'auto') return choice;
	if (!indicator.formMeasure) return 'cases';
	const { filters } = fit(indicator, query, 'cases');
	const exists = compileExists(period, filters);
	const [row] = await db.query<{ found: boolean }>(exists.sql, exists.params);
	return row.found ? 'cases' : 'court_stats';
}

export async function runIndicator(
	db: Queryable,
	indicator: Indicator,
	query: ViewQuery,
	access: Access
): Promise<Parsed<IndicatorResult>> {
	const forbidden = personalDataErrors(query, access);
	if (forbidden.length) return { ok: false, errors: forbidden };
	const asOf = await dataAsOf(db);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	if (query.source === 'court_stats' && !indicator.formMeasure) {
		return { ok: false, errors: [{ param: 'source', code: 'bad_source', value: 'court_stats', allowed: ['auto', 'cases'] }] };
	}
	const source = await chooseSource(db, indicator, query, period);
	const { errors, filters, ignored } = fit(indicator, query, source);
	if (errors.length) return { ok: false, errors };

	const measure = source === 'court_stats' ? indicator.formMeasure! : indicator.measure;
	const rollup = await rollupInfo(db);
	const compiled = compileMeasure({ measure, ...period, grain: query.grain, by: query.by, filters, deadlines: deadlines(), rollup });
	const rows = await db.query<ResultRow>(compiled.sql, compiled.params);
	suppress(rows, access);
	if (query.grain) {
		const partial = new Map(buckets(period, query.grain, asOf).map((b) => [b.period, b.partial]));
		for (const row of rows) row.partial = partial.get(row.period as string) ?? false;
	}
	return {
		ok: true,
		value: { indicator: indicator.id, source, period, grain: query.grain ?? null, by: query.by, filters, ignored, asOf, rows }
	};
}
