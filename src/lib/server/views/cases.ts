/**
 * The case records behind a figure (drill-down's last level): the rows an indicator counts under
 * the page's period and filters, a page at a time, sorted by a whitelisted column. Analysts and
 * administrators only (route-access.ts).
 */
import { indicatorById, type Indicator } from '../../domain/catalog';
import { resolvePeriod, type Period } from '../../domain/period';
import { parseQuery, type QueryError, type ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { COLUMNS_PARAM, parseShownColumns } from '../../domain/shown-columns';
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { compileRecords, recordColumns, recordsMeasure } from '../metrics/compile';
import { deadlines } from '../metrics/deadlines';
import { fit, personalDataErrors } from '../metrics/run';

export const PAGE_SIZE = 50;
export const CASE_PARAMS = ['indicator', 'sort', 'dir', 'page', COLUMNS_PARAM] as const;
export const DEFAULT_INDICATOR = 'incoming';

export interface CaseList {
	indicator: string;
	period: Period;
	filters: ViewQuery['filters'];
	columns: readonly string[];
	/** The columns the reader chose to see (the first always). */
	shown: readonly string[];
	sort: string;
	descending: boolean;
	page: number;
	pageSize: number;
	total: number;
	rows: Record<string, unknown>[];
}

interface ListParams {
	indicator: Indicator;
	query: ViewQuery;
	shown: string[];
	sort: string;
	descending: boolean;
	page: number;
}

/** Checks the list's own parameters; the view state goes through the one parser. */
export function parseCaseParams(
	params: URLSearchParams,
	access: Access
): { ok: true; value: ListParams } | { ok: false; errors: QueryError[] } {
	const parsed = parseQuery(params, CASE_PARAMS);
	if (!parsed.ok) return parsed;
	const errors: QueryError[] = personalDataErrors(parsed.value, access);
	const id = params.get('indicator') || DEFAULT_INDICATOR;
	const indicator = indicatorById(id);
	const measure = indicator && recordsMeasure(indicator.measure);
	if (!measure) errors.push({ param: 'indicator', code: 'bad_value', value: id });
	const columns = measure ? recordColumns(measure) : [];
	const sort = params.get('sort') || columns.find((c) => c.endsWith('_date')) || columns[0];
	if (measure && !columns.includes(sort)) errors.push({ param: 'sort', code: 'bad_value', value: sort, allowed: columns });
	const shown = parseShownColumns(params.get(COLUMNS_PARAM), columns);
	if (measure && !shown.ok) errors.push(...shown.errors);
	const dir = params.get('dir') || 'desc';
	if (dir !== 'asc' && dir !== 'desc') errors.push({ param: 'dir', code: 'bad_value', value: dir, allowed: ['asc', 'desc'] });
	const pageText = params.get('page') || '1';
	const page = Number(pageText);
	if (!/^\d{1,6}$/.test(pageText) || page < 1) errors.push({ param: 'page', code: 'bad_value', value: pageText });
	if (errors.length) return { ok: false, errors };
	const value = { indicator: indicator!, query: parsed.value, shown: shown.ok ? shown.value : [], sort, descending: dir === 'desc', page };
	return { ok: true, value };
}

export async function caseList(db: Queryable, p: ListParams): Promise<CaseList> {
	const measure = recordsMeasure(p.indicator.measure)!;
	const period = resolvePeriod(p.query.period ?? { kind: 'last12' }, await dataAsOf(db));
	const { filters } = fit(p.indicator, p.query, 'cases');
	const compiled = compileRecords({
		measure,
		...period,
		filters,
		deadlines: deadlines(),
		sort: p.sort,
		descending: p.descending,
		limit: PAGE_SIZE,
		offset: (p.page - 1) * PAGE_SIZE
	});
	const rows = await db.query<Record<string, unknown>>(compiled.sql, compiled.params);
	const total = Number(rows[0]?.total ?? 0);
	for (const row of rows) delete row.total;
	return {
		indicator: p.indicator.id,
		period,
		filters,
		columns: recordColumns(measure),
		shown: p.shown,
		sort: p.sort,
		descending: p.descending,
		page: p.page,
		pageSize: PAGE_SIZE,
		total,
		rows
	};
}
