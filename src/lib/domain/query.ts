/**
 * The one parser and the one serializer of view state in URLs: used by the JSON API and by every
 * page, so that a copied link reproduces a view and `parse(serialize(q))` gives `q` back.
 */
import { REGION_CODES } from './regions';
import { DIMENSIONS, GRAINS, dimensionById, type Dimension, type DimensionId, type Grain } from './catalog/dimensions';
import { parseIsoDate, type PeriodSpec } from './period';

export const SOURCES = ['auto', 'cases', 'court_stats'] as const;
export type SourceChoice = (typeof SOURCES)[number];

export type Filters = Partial<Record<DimensionId, string[]>>;

export interface ViewQuery {
	/** Absent: the default period (the last 12 months of data). */
	period?: PeriodSpec;
	grain?: Grain;
	by: DimensionId[];
	filters: Filters;
	source?: SourceChoice;
}

export type QueryErrorCode =
	| 'unknown_param'
	| 'repeated_param'
	| 'bad_date'
	/** from without to, or to without from. */
	| 'missing_bound'
	| 'bad_range'
	| 'bad_period'
	| 'period_conflict'
	| 'bad_grain'
	| 'bad_by'
	| 'too_many'
	| 'bad_value'
	| 'bad_source'
	/** The viewer's role may not see this breakdown or filter. */
	| 'forbidden'
	/** The answer would exceed the row limit (value: the estimate; allowed: the limit). */
	| 'too_large'
	/** The period lies wholly after the data's as-of date (value) or before its first date (value). */
	| 'after_data'
	| 'before_data'
	/** The public may ask for a calendar month, quarter or year only. */
	| 'calendar_period'
	/** The public filters by one value of a dimension at a time. */
	| 'one_value';

export interface QueryError {
	param: string;
	code: QueryErrorCode;
	value?: string;
	allowed?: readonly string[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: QueryError[] };

export const MAX_BY = 2;
export const MAX_FILTER_VALUES = 50;
const MAX_PARAM_LENGTH = 2000;
/** Free-form codes (court, category, judge, article): letters, digits and a few separators. */
const CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,63}$/u;
const PERIOD = /^(?:(\d{4})|(\d{4})-Q([1-4])|(last12))$/;
const QUERY_PARAMS = ['period', 'from', 'to', 'grain', 'by', 'source'];

function allowedValues(dim: Dimension): readonly string[] | undefined {
	if (dim.values.kind === 'region') return REGION_CODES;
	if (dim.values.kind === 'enum') return dim.values.values.map((v) => v.value);
	return undefined;
}

function parsePeriod(params: URLSearchParams, errors: QueryError[]): PeriodSpec | undefined {
	const period = params.get('period');
	const from = params.get('from');
	const to = params.get('to');
	if (period !== null && (from !== null || to !== null)) {
		errors.push({ param: from !== null ? 'from' : 'to', code: 'period_conflict' });
		return undefined;
	}
	if (period !== null) {
		const m = PERIOD.exec(period);
		const year = Number(m?.[1] ?? m?.[2]);
		if (!m || (!m[4] && (year < 1990 || year > 2100))) {
			errors.push({ param: 'period', code: 'bad_period', value: period });
			return undefined;
		}
		if (m[4]) return { kind: 'last12' };
		if (m[1]) return { kind: 'year', year };
		return { kind: 'quarter', year, quarter: Number(m[3]) as 1 | 2 | 3 | 4 };
	}
	if (from === null && to === null) return undefined;
	let ok = true;
	for (const [param, value] of [
		['from', from],
		['to', to]
	] as const) {
		if (value === null) {
			errors.push({ param, code: 'missing_bound' });
			ok = false;
		} else if (!parseIsoDate(value) || value < '1990-01-01' || value > '2100-12-31') {
			errors.push({ param, code: 'bad_date', value });
			ok = false;
		}
	}
	if (!ok) return undefined;
	if (from! > to!) {
		errors.push({ param: 'to', code: 'bad_range', value: to! });
		return undefined;
	}
	return { kind: 'range', from: from!, to: to! };
}

/** A value of a dataset's column (an indicator defined as data): any text without control characters. */
const TEXT = /^[^\p{Cc}]{1,200}$/u;

/**
 * Parses view state from URL parameters. Every parameter is checked against the dimensions (the
 * catalog's, or those of an indicator defined as data); names in `extra` belong to the caller
 * (a page's own state) and are left alone.
 */
export function parseQuery(
	params: URLSearchParams,
	extra: readonly string[] = [],
	dimensions: readonly Dimension[] = DIMENSIONS
): Parsed<ViewQuery> {
	const byId = new Map(dimensions.map((d) => [d.id as string, d]));
	const errors: QueryError[] = [];
	const seen = new Set<string>();
	for (const [key, value] of params) {
		if (seen.has(key)) errors.push({ param: key, code: 'repeated_param' });
		seen.add(key);
		if (value.length > MAX_PARAM_LENGTH) errors.push({ param: key, code: 'too_many', value });
		else if (!QUERY_PARAMS.includes(key) && !byId.has(key) && !extra.includes(key)) errors.push({ param: key, code: 'unknown_param' });
	}
	if (errors.length) return { ok: false, errors: errors.map(clip) };

	const query: ViewQuery = { by: [], filters: {} };
	const period = parsePeriod(params, errors);
	if (period) query.period = period;

	const grain = params.get('grain');
	if (grain !== null && grain !== '') {
		if ((GRAINS as readonly string[]).includes(grain)) query.grain = grain as Grain;
		else errors.push({ param: 'grain', code: 'bad_grain', value: grain, allowed: GRAINS });
	}

	const by = params.get('by');
	if (by) {
		const ids = by.split(',');
		const unknown = ids.find((id) => !byId.has(id));
		if (unknown !== undefined) errors.push({ param: 'by', code: 'bad_by', value: unknown, allowed: dimensions.map((d) => d.id) });
		else if (ids.length > MAX_BY || new Set(ids).size !== ids.length) errors.push({ param: 'by', code: 'too_many', value: by });
		else query.by = ids as DimensionId[];
	}

	const source = params.get('source');
	if (source !== null) {
		if ((SOURCES as readonly string[]).includes(source)) query.source = source as SourceChoice;
		else errors.push({ param: 'source', code: 'bad_source', value: source, allowed: SOURCES });
	}

	for (const dim of dimensions) {
		const raw = params.get(dim.id);
		if (raw === null || raw === '') continue;
		const values = raw.split(',');
		if (values.length > MAX_FILTER_VALUES) {
			errors.push({ param: dim.id, code: 'too_many', value: raw });
			continue;
		}
		const allowed = allowedValues(dim);
		const pattern = dim.values.kind === 'text' ? TEXT : CODE;
		const bad = values.find((v) => (allowed ? !allowed.includes(v) : !pattern.test(v)));
		if (bad !== undefined) errors.push({ param: dim.id, code: 'bad_value', value: bad, allowed });
		else query.filters[dim.id] = [...new Set(values)];
	}
	return errors.length ? { ok: false, errors: errors.map(clip) } : { ok: true, value: query };
}

/** Faulty values are quoted back in messages, but never at length. */
export const MAX_ECHO = 60;
function clip(error: QueryError): QueryError {
	return error.value && error.value.length > MAX_ECHO ? { ...error, value: error.value.slice(0, MAX_ECHO) + '…' } : error;
}

function periodParams(period: PeriodSpec): [string, string][] {
	switch (period.kind) {
		case 'year':
			return [['period', String(period.year)]];
		case 'quarter':
			return [['period', `${period.year}-Q${period.quarter}`]];
		case 'last12':
			return [['period', 'last12']];
		case 'range':
			return [
				['from', period.from],
				['to', period.to]
			];
	}
}

/** Writes view state as URL parameters in a fixed order, omitting defaults. */
export function serializeQuery(query: ViewQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.period) for (const [k, v] of periodParams(query.period)) params.set(k, v);
	if (query.grain) params.set('grain', query.grain);
	if (query.by.length) params.set('by', query.by.join(','));
	if (query.source) params.set('source', query.source);
	// The catalog's dimensions in its order, then a defined indicator's columns by id.
	const order = (id: string) => DIMENSIONS.findIndex((d) => d.id === id);
	const ids = Object.keys(query.filters).sort((a, b) => order(a) - order(b) || (order(a) < 0 ? a.localeCompare(b) : 0));
	for (const id of ids) {
		const values = query.filters[id as DimensionId];
		if (values?.length) params.set(id, values.join(','));
	}
	return params;
}

/**
 * Names of the parameters this module owns (with `dimensions`, a defined indicator's columns);
 * any other parameter of a URL is a page's own state.
 */
export function isQueryParam(name: string, dimensions: readonly Dimension[] = DIMENSIONS): boolean {
	return QUERY_PARAMS.includes(name) || dimensions.some((d) => d.id === name);
}

/**
 * The state that travels from page to page: the period and the catalog's filters (a defined
 * indicator's columns mean nothing elsewhere), not a page's breakdowns or grain. Navigation
 * links carry it so that filters persist across pages.
 */
export function carriedState(query: ViewQuery): ViewQuery {
	const filters = Object.fromEntries(Object.entries(query.filters).filter(([id]) => dimensionById(id)));
	return { ...(query.period ? { period: query.period } : {}), by: [], filters };
}

/** Adds a value to a dimension's filter, or removes it when it is already there. */
export function toggleFilter(query: ViewQuery, dimension: DimensionId, value: string): ViewQuery {
	const current = query.filters[dimension] ?? [];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return withFilter(query, dimension, next);
}

/** Sets a dimension's filter to these values (none: removes it). */
export function withFilter(query: ViewQuery, dimension: DimensionId, values: readonly string[]): ViewQuery {
	const filters: Filters = { ...query.filters };
	if (values.length) filters[dimension] = [...values];
	else delete filters[dimension];
	return { ...query, filters };
}

/**
 * The search string of a URL showing `query`, keeping the URL's own page parameters (those this
 * module does not own) as they are.
 */
export function searchWith(url: URL, query: ViewQuery, dimensions: readonly Dimension[] = DIMENSIONS): string {
	const params = serializeQuery(query);
	for (const [key, value] of url.searchParams) if (!isQueryParam(key, dimensions)) params.set(key, value);
	const text = params.toString();
	return text ? `?${text}` : '';
}
