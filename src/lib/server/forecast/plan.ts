/**
 * The figures of the planning page for a view's filters, all through the metrics layer: the
 * pending caseload now (and past the statutory limit, and its median age), judges and their
 * pace over the last twelve months, the forecast incoming, and the workload of each court.
 */
import { indicatorById } from '../../domain/catalog';
import { courtWorkloads, type CourtWorkload, type CourtWorkloadInput } from '../../domain/forecast/workload';
import { DEFAULT_DEADLINES, type DeadlineKey, type Span } from '../../domain/deadlines';
import { bucketStart } from '../../domain/period';
import type { Parsed, ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { deadlines } from '../metrics/deadlines';
import { kpiFigures } from '../metrics/kpis';
import { runIndicator, type ResultRow } from '../metrics/run';
import { forecastIndicator, type IndicatorForecast } from './forecast';
import { workloadWeights } from './weights';

const DAYS_PER_MONTH = 365.25 / 12;

export interface PlanBaseline {
	asOf: string;
	pending: number | null;
	pastLimit: number | null;
	/** Median age of the pending cases, in days. */
	ageMedian: number | null;
	judges: number | null;
	/** Cases decided per judge per month over the last twelve months. */
	productivity: number | null;
	incoming: IndicatorForecast;
	/** The statutory limit that applies to the scope, in months, and whose it is (null: the default). */
	limitMonths: number;
	limitKey: DeadlineKey | null;
	courts: CourtWorkload[];
	/** Categories with a weight other than 1. */
	weighted: number;
}

/** The limit of the instance (and, at first instance, the case type) the filters choose. */
export function scopeLimit(query: ViewQuery): { key: DeadlineKey | null; months: number } {
	const [instance, ...moreInstances] = query.filters.instance ?? [];
	const [caseType, ...moreTypes] = query.filters.case_type ?? [];
	let key: DeadlineKey | null = null;
	if (instance && !moreInstances.length && instance !== 'first') key = instance as DeadlineKey;
	else if (instance === 'first' && caseType && !moreTypes.length) key = `first.${caseType}` as DeadlineKey;
	const span: Span = key ? deadlines().statutory[key] : DEFAULT_DEADLINES.statutory['first.civil'];
	return { key, months: 'months' in span ? span.months : span.days / DAYS_PER_MONTH };
}

async function rows(db: Queryable, id: string, query: ViewQuery, access: Access): Promise<ResultRow[]> {
	const result = await runIndicator(db, indicatorById(id)!, query, access);
	return result.ok ? result.value.rows : [];
}

export async function planBaseline(db: Queryable, query: ViewQuery, access: Access): Promise<Parsed<PlanBaseline>> {
	const asOf = await dataAsOf(db);
	const flat: ViewQuery = { by: [], filters: query.filters };
	const now: ViewQuery = { ...flat, period: { kind: 'range', from: bucketStart(asOf, 'month'), to: asOf } };
	const year: ViewQuery = { ...flat, period: { kind: 'last12' } };
	const [incoming, stocks, workload, byCourt, resolvedMix, incomingMix] = await Promise.all([
		forecastIndicator(db, indicatorById('incoming')!, flat, access),
		kpiFigures(db, ['pending_end', 'pending_past_limit', 'pending_age_median'], now, access),
		rows(db, 'judge_workload', year, access),
		rows(db, 'judge_workload', { ...year, by: ['court'] }, access),
		rows(db, 'resolved', { ...year, by: ['court', 'category'] }, access),
		rows(db, 'incoming', { ...year, by: ['court', 'category'] }, access)
	]);
	if (!incoming.ok) return incoming;
	const [pending, pastLimit, ageMedian] = stocks.map((f) => f.value);

	const courts = new Map<string, CourtWorkloadInput>();
	const court = (id: string) => {
		if (!courts.has(id)) courts.set(id, { court: id, judges: 0, perJudge: null, resolvedByCategory: {}, incomingByCategory: {} });
		return courts.get(id)!;
	};
	for (const r of byCourt) Object.assign(court(String(r.court)), { judges: r.denominator ?? 0, perJudge: r.value });
	for (const r of resolvedMix) court(String(r.court)).resolvedByCategory[String(r.category)] = r.value ?? 0;
	for (const r of incomingMix) court(String(r.court)).incomingByCategory[String(r.category)] = r.value ?? 0;
	const forecast = incoming.value.rows.slice(0, 12);
	const perMonth = forecast.length ? forecast.reduce((s, r) => s + r.value, 0) / forecast.length : 0;
	const weights = workloadWeights();
	const limit = scopeLimit(query);
	return {
		ok: true,
		value: {
			asOf,
			pending,
			pastLimit,
			ageMedian,
			judges: workload[0]?.denominator ?? null,
			productivity: workload[0]?.value ?? null,
			incoming: incoming.value,
			limitMonths: limit.months,
			limitKey: limit.key,
			courts: courtWorkloads([...courts.values()], perMonth, weights),
			weighted: Object.values(weights).filter((w) => w !== 1).length
		}
	};
}
