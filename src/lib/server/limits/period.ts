/**
 * Periods are held to the dates the data covers: one wholly after its as-of date, or wholly
 * before its first date, is refused (there is nothing to count, and a zero would be read as a
 * figure); one reaching beyond either end is cut to the data, and the cut is reported so that
 * pages and the API can say what is shown.
 */
import { GRAINS } from '../../domain/catalog';
import { bucketEnd, bucketStart, resolvePeriod, type Period } from '../../domain/period';
import type { Parsed, QueryError, ViewQuery } from '../../domain/query';
import { suppressesSmallCounts, type Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { publicFilterErrors } from '../disclosure/protect';
import { dataRange, type DataRange } from '../metrics/as-of';

export interface PeriodClip {
	/** The period asked for. */
	requested: Period;
	/** The part of it the data covers, which is what is shown. */
	shown: Period;
}

export interface BoundedQuery {
	query: ViewQuery;
	clip: PeriodClip | null;
}

/** The parameter that set the period, for messages. */
function periodParam(query: ViewQuery, end: 'from' | 'to'): string {
	return query.period?.kind === 'range' ? end : 'period';
}

/**
 * The public asks for calendar periods only: a month, a quarter or a year (as a range from its
 * first day to its last, or by name), or the last 12 months. Ranges that overlap would otherwise
 * single out the records between their ends — a day, or a month as the difference of two runs of
 * months, which could be asked for many times over and averaged (docs/security.md).
 */
function calendarErrors(query: ViewQuery, access: Access): QueryError[] {
	if (!suppressesSmallCounts(access) || query.period?.kind !== 'range') return [];
	const { from, to } = query.period;
	if (GRAINS.some((grain) => from === bucketStart(from, grain) && to === bucketEnd(from, grain))) return [];
	return [{ param: 'from', code: 'calendar_period', value: `${from}..${to}` }];
}

/** `range`: the dates the indicator's data covers, when not all the data's (indicatorRange). */
export async function boundPeriod(db: Queryable, query: ViewQuery, access: Access, range?: DataRange): Promise<Parsed<BoundedQuery>> {
	const refused = [...calendarErrors(query, access), ...publicFilterErrors(query, access)];
	if (refused.length) return { ok: false, errors: refused };
	const { first, asOf } = range ?? (await dataRange(db));
	const requested = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	const errors: QueryError[] = [];
	if (requested.from > asOf) errors.push({ param: periodParam(query, 'from'), code: 'after_data', value: asOf });
	else if (first && requested.to < first) errors.push({ param: periodParam(query, 'to'), code: 'before_data', value: first });
	if (errors.length) return { ok: false, errors };
	// The start is cut to a whole month, so that the first bucket is not a fragment.
	const start = first ? bucketStart(first, 'month') : requested.from;
	const shown = { from: requested.from < start ? start : requested.from, to: requested.to > asOf ? asOf : requested.to };
	if (shown.from === requested.from && shown.to === requested.to) return { ok: true, value: { query, clip: null } };
	return { ok: true, value: { query: { ...query, period: { kind: 'range', ...shown } }, clip: { requested, shown } } };
}
