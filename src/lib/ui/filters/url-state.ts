/**
 * View state in the browser's URL: read it with the one parser (domain/query.ts) and change it
 * through SvelteKit navigation, so back and forward walk through the views and a copied link
 * reproduces one. Every chart's cross-filter goes through here.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DIMENSIONS, type Dimension, type DimensionId, type Grain } from '$lib/domain/catalog';
import { bucketEnd, type Period, type PeriodSpec } from '$lib/domain/period';
import {
	carriedState,
	isQueryParam,
	parseQuery,
	searchWith,
	serializeQuery,
	toggleFilter,
	withFilter,
	type ViewQuery
} from '$lib/domain/query';

/**
 * The dimensions the page's URL may name: the catalog's, or those its data gives (`dimensions`:
 * the page of an indicator defined as data, whose columns are its dimensions).
 */
export function pageDimensions(): readonly Dimension[] {
	return (page.data as { dimensions?: readonly Dimension[] }).dimensions ?? DIMENSIONS;
}

export function pageDimension(id: string): Dimension | undefined {
	return pageDimensions().find((d) => d.id === id);
}

/** The view state of a URL; parameters that do not parse are left out (the server reports them). */
export function queryOf(url: URL): ViewQuery {
	const params = new URLSearchParams(url.searchParams);
	const dimensions = pageDimensions();
	const extra = [...params.keys()].filter((key) => !isQueryParam(key, dimensions));
	let parsed = parseQuery(params, extra, dimensions);
	if (!parsed.ok) {
		for (const error of parsed.errors) params.delete(error.param);
		parsed = parseQuery(params, extra, dimensions);
	}
	return parsed.ok ? parsed.value : { by: [], filters: {} };
}

/**
 * Goes to the current page showing `query`, keeping focus and scroll (a filter changed in place).
 * The page's own parameters stay, except those in `reset` (a pager's page starts over).
 */
export function showQuery(query: ViewQuery, reset: readonly string[] = []): Promise<void> {
	const url = new URL(page.url);
	for (const name of reset) url.searchParams.delete(name);
	return goto(url.pathname + searchWith(url, query, pageDimensions()), { keepFocus: true, noScroll: true });
}

/**
 * Without signing in a filter takes one value (docs/security.md: unions could be subtracted from
 * their parts), so a value added to a filter replaces the one it had.
 */
function oneValueIfPublic(values: readonly string[]): readonly string[] {
	return page.data.protectedBelow == null ? values : values.slice(-1);
}

/** Cross-filter: adds a dimension value to the page's filters, or removes it when already set. */
export function toggleFilterValue(dimension: DimensionId, value: string): Promise<void> {
	const query = toggleFilter(queryOf(page.url), dimension, value);
	return showQuery(withFilter(query, dimension, oneValueIfPublic(query.filters[dimension] ?? [])));
}

export function setFilterValues(dimension: DimensionId, values: readonly string[], reset: readonly string[] = []): Promise<void> {
	return showQuery(withFilter(queryOf(page.url), dimension, oneValueIfPublic(values)), reset);
}

export function setPeriod(period: PeriodSpec | undefined, reset: readonly string[] = []): Promise<void> {
	const { period: _, ...rest } = queryOf(page.url);
	return showQuery(period ? { ...rest, period } : rest, reset);
}

/** A link to another page that carries the current period and filters along. */
export function hrefWithFilters(path: string, url: URL, extra: Record<string, string> = {}): string {
	const params = serializeQuery(carriedState(queryOf(url)));
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	const text = params.toString();
	return text ? `${path}?${text}` : path;
}

/** Sets (or, with an empty value, removes) one of the page's own parameters, keeping the view state. */
export function setPageParam(name: string, value: string): Promise<void> {
	const url = new URL(page.url);
	if (value) url.searchParams.set(name, value);
	else url.searchParams.delete(name);
	return goto(url.pathname + url.search, { keepFocus: true, noScroll: true });
}

/** Cross-filter from a time chart: the bucket starting at `start`, cut to `within`, becomes the period. */
export function setBucketPeriod(start: string, grain: Grain, within: Period): Promise<void> {
	const end = bucketEnd(start, grain);
	return setPeriod({ kind: 'range', from: start < within.from ? within.from : start, to: end < within.to ? end : within.to });
}
