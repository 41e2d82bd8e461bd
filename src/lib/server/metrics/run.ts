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
import { addMonths, buckets, resolvePeriod, type Period } from '../../domain/period';
import type { Filters, Parsed, QueryError, ViewQuery } from '../../domain/query';
import { hasRole, PERSONAL_DATA_ROLE, type Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { protect, publicFilterErrors } from '../disclosure/protect';
import { spend } from '../limits/cost';
import { indicatorRange } from './as-of';
import { compileMeasure, compileExists } from './compile';
import { dataCoverage, missingReason, type Coverage, type MissingReason } from './coverage';
import { deadlines } from './deadlines';
import { rollupInfo } from './rollups';

export type { MissingReason };

export type DataSource = 'cases' | 'court_stats';

export interface ResultRow {
	[dimension: string]: string | number | boolean | null | undefined;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Records behind the figure; null when suppressed or missing. */
	n: number | null;
	/** Set when the figure is "no data", with the reason (its numbers are then null). */
	missing?: MissingReason;
	/** Set when what it counts may still arrive (indicator.maturesIn): the figure may still grow. */
	provisional?: boolean;
	/** Set when the public's figure is hidden (`suppressed`) for being one record's value (a minimum, a maximum), not for resting on few records. */
	hidden?: 'one_record';
	/**
	 * Cell keys of the numerator, denominator and n (sums of their records' keys; null: none), read
	 * by the disclosure control and removed by it before anyone sees the row (disclosure/protect.ts).
	 */
	numerator_key?: number | null;
	denominator_key?: number | null;
	n_key?: number | null;
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
 * Marks the figures of a period (or bucket) the data does not cover, or that the forms do not
 * line up with, as "no data" (numbers null, with the reason); and, for an indicator whose
 * figures mature, those of periods too recent to be complete as provisional.
 */
export function markFigure(row: ResultRow, indicator: Indicator, measure: Indicator['measure'], span: Period, coverage: Coverage): void {
	const missing = row.missing ?? missingReason(measure, span, coverage);
	if (missing) {
		row.value = row.numerator = row.denominator = row.n = null;
		row.missing = missing;
	} else delete row.missing;
	if (indicator.maturesIn && span.to > addMonths(coverage.asOf, -indicator.maturesIn.months)) row.provisional = true;
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
	// A breakdown the forms do not have (by judge) is answered from the records, "no data" if they hold none.
	if (fit(indicator, query, 'court_stats').errors.length) return 'cases';
	// The forms only when no case record matches and some form does: with neither, the case
	// records answer (0 where the data covers the period, "no data" where it does not).
	const exists = compileExists(period, fit(indicator, query, 'cases').filters, fit(indicator, query, 'court_stats').filters);
	const [row] = await db.query<{ found: boolean; forms: boolean }>(exists.sql, exists.params);
	return !row.found && row.forms ? 'court_stats' : 'cases';
}

export async function runIndicator(
	db: Queryable,
	indicator: Indicator,
	query: ViewQuery,
	access: Access
): Promise<Parsed<IndicatorResult>> {
	const forbidden = [...personalDataErrors(query, access), ...publicFilterErrors(query, access)];
	if (forbidden.length) return { ok: false, errors: forbidden };
	const { asOf } = await indicatorRange(db, indicator);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	if (query.source === 'court_stats' && !indicator.formMeasure) {
		return { ok: false, errors: [{ param: 'source', code: 'bad_source', value: 'court_stats', allowed: ['auto', 'cases'] }] };
	}
	const source = await chooseSource(db, indicator, query, period);
	const { errors, filters, ignored } = fit(indicator, query, source);
	if (errors.length) return { ok: false, errors };
	const dimensions = indicator.defined?.dimensions;
	const overBudget = await spend(db, { ...period, grain: query.grain, by: query.by, filters, dimensions });
	if (overBudget.length) return { ok: false, errors: overBudget };

	const measure = source === 'court_stats' ? indicator.formMeasure! : indicator.measure;
	const rollup = await rollupInfo(db);
	const compiled = compileMeasure({
		measure,
		...period,
		grain: query.grain,
		by: query.by,
		filters,
		deadlines: deadlines(),
		rollup,
		dimensions
	});
	const [rows, coverage] = await Promise.all([db.query<ResultRow>(compiled.sql, compiled.params), dataCoverage(db)]);
	const spans = query.grain ? new Map(buckets(period, query.grain, asOf).map((b) => [b.period, b])) : null;
	for (const row of rows) {
		const span = spans?.get(row.period as string) ?? { ...period, partial: false };
		markFigure(row, indicator, measure, span, coverage);
		if (spans) row.partial = span.partial;
	}
	await protect(db, rows, access, measure, query.by.length > 0);
	return {
		ok: true,
		value: { indicator: indicator.id, source, period, grain: query.grain ?? null, by: query.by, filters, ignored, asOf, rows }
	};
}
