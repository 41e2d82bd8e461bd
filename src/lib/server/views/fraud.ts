/**
 * The fraud page: scale by month against the published reference figures, breakdowns, the
 * investigation funnel, art. 190 against art. 232-1, and what courts do with fraud (verdicts,
 * time to verdict, appeal results, victims' civil claims). Everything is read through the
 * metrics layer, under the page's period and filters.
 */
import { indicatorById, type DimensionId } from '../../domain/catalog';
import { DROPPERS_IN_FORCE, FRAUD_FUNNEL, FRAUD_REFERENCES, funnelSteps, type FunnelStep } from '../../domain/fraud';
import { bucketStart, resolvePeriod, type Period } from '../../domain/period';
import type { Filters, ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { kpiFigures, type KpiFigure } from '../metrics/kpis';
import { runIndicator, type IndicatorResult, type MissingReason, type ResultRow } from '../metrics/run';
import { demoScale } from './demo-scale';

/** Key figures of the page: scale, damage (total and median), recovery, court outcome and speed. */
export const FRAUD_KPIS = [
	'fraud_incidents',
	'fraud_damage',
	'fraud_damage_median',
	'fraud_recovered_share',
	'fraud_court_share',
	'fraud_days_to_verdict'
] as const;

/** Breakdowns of incidents shown as bars; each is also a cross-filter of the page. */
export const FRAUD_BREAKDOWNS = ['scheme', 'channel', 'victim_age_group'] as const satisfies readonly DimensionId[];

export interface Slice {
	key: string;
	value: number | null;
	/** Records behind the figure; null when hidden. */
	n: number | null;
	suppressed: boolean;
	/** Why the value is "no data" (the metrics layer's reason). */
	missing?: MissingReason;
}

export interface MonthPoint {
	period: string;
	partial: boolean;
	incidents: number | null;
	damage: number | null;
	art190: number | null;
	/** Null before the month art. 232-1 came into force: the article did not exist. */
	art232: number | null;
	/** Figures of the month hidden from this viewer (shown as "<5", never as 0). */
	hidden: MonthFigure[];
	/** Those of them hidden to protect another hidden figure (complementary suppression: they may be large). */
	protecting: MonthFigure[];
}

export type MonthFigure = 'incidents' | 'damage' | 'art190' | 'art232';

export interface FraudView {
	asOf: string;
	/** Scale of demo fraud data (10 = national), null for real data: the published figures are compared at that scale. */
	demoScale: number | null;
	period: Period;
	/** The monthly charts reach back to the first reference period so the figures can be compared. */
	monthlyPeriod: Period;
	kpis: KpiFigure[];
	monthly: MonthPoint[];
	/** Filters of the page that incidents cannot take (court, instance…): the incident figures are for all their values. */
	ignored: DimensionId[];
	breakdowns: Record<(typeof FRAUD_BREAKDOWNS)[number], Slice[]>;
	/** Incidents per 100,000 inhabitants by region. */
	regions: Slice[];
	funnel: FunnelStep<{ id: string; value: number | null; suppressed: boolean }>[];
	articles: Slice[];
	court: {
		verdicts: Slice[];
		appeals: Slice[];
		civilClaims: Slice[];
		/** Filters of the page that civil claims (case records, not incidents) cannot take. */
		civilIgnored: DimensionId[];
	};
}

async function run(db: Queryable, id: string, query: ViewQuery, access: Access): Promise<IndicatorResult> {
	const result = await runIndicator(db, indicatorById(id)!, query, access);
	if (!result.ok) throw new Error(`fraud view query for ${id} is invalid: ${JSON.stringify(result.errors)}`);
	return result.value;
}

/** One indicator by one dimension, largest first. */
async function slices(db: Queryable, id: string, dimension: DimensionId, query: ViewQuery, access: Access): Promise<Slice[]> {
	const { rows } = await run(db, id, { ...query, by: [dimension] }, access);
	return rows
		.map((r) => ({
			key: String(r[dimension]),
			value: r.value,
			n: r.n,
			suppressed: Boolean(r.suppressed),
			...(r.missing ? { missing: r.missing } : {})
		}))
		.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key));
}

async function stageCount(db: Queryable, stage: (typeof FRAUD_FUNNEL)[number], query: ViewQuery, access: Access) {
	const [row] = (await run(db, stage.indicator, query, access)).rows;
	return { id: stage.status, value: row?.value ?? null, suppressed: Boolean(row?.suppressed) };
}

const range = (p: Period): ViewQuery['period'] => ({ kind: 'range', ...p });

/** The filters without one dimension: a breakdown by it shows every value, the chosen ones marked. */
function without(filters: Filters, dimension: DimensionId): Filters {
	const { [dimension]: _, ...rest } = filters;
	return rest;
}

async function monthly(
	db: Queryable,
	period: Period,
	filters: Filters,
	access: Access
): Promise<{ points: MonthPoint[]; ignored: DimensionId[] }> {
	const query: ViewQuery = { period: range(period), grain: 'month', by: [], filters };
	const [incidents, damage, articles] = await Promise.all([
		run(db, 'fraud_incidents', query, access),
		run(db, 'fraud_damage', query, access),
		run(db, 'fraud_incidents', { ...query, by: ['article'] }, access)
	]);
	const byArticle = new Map(articles.rows.map((r) => [`${r.article}|${r.period}`, r]));
	const droppersFrom = bucketStart(DROPPERS_IN_FORCE, 'month');
	const points = incidents.rows.map((r, i) => {
		const period = String(r.period);
		const art190 = byArticle.get(`190|${period}`);
		const art232 = period < droppersFrom ? undefined : byArticle.get(`232-1|${period}`);
		const cells: [MonthFigure, ResultRow | undefined][] = [
			['incidents', r],
			['damage', damage.rows[i]],
			['art190', art190],
			['art232', art232]
		];
		// A month with no data has no count by article either; an article absent from the breakdown counted 0.
		const article = (row: ResultRow | undefined) => (r.missing ? null : row ? row.value : 0);
		return {
			period,
			partial: Boolean(r.partial),
			incidents: r.value,
			damage: damage.rows[i]?.value ?? null,
			art190: article(art190),
			art232: period < droppersFrom ? null : article(art232),
			hidden: cells.filter(([, row]) => row?.suppressed).map(([figure]) => figure),
			protecting: cells.filter(([, row]) => row?.hidden === 'protects_other').map(([figure]) => figure)
		};
	});
	return { points, ignored: incidents.ignored };
}

export async function fraudView(db: Queryable, access: Access, query: ViewQuery): Promise<FraudView> {
	const asOf = await dataAsOf(db);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	const firstReference = FRAUD_REFERENCES.reduce((a, r) => (r.from < a ? r.from : a), period.from);
	const monthlyPeriod = { from: firstReference, to: period.to };
	const flat: ViewQuery = { period: range(period), by: [], filters: query.filters };
	const [scale, kpis, months, breakdowns, regions, funnel, articles, verdicts, appeals, civil] = await Promise.all([
		demoScale(db, 'fraud'),
		kpiFigures(db, FRAUD_KPIS, flat, access),
		monthly(db, monthlyPeriod, query.filters, access),
		Promise.all(FRAUD_BREAKDOWNS.map((d) => slices(db, 'fraud_incidents', d, { ...flat, filters: without(query.filters, d) }, access))),
		slices(db, 'fraud_per_100k', 'region', { ...flat, filters: without(query.filters, 'region') }, access),
		Promise.all(FRAUD_FUNNEL.map(async (stage) => stageCount(db, stage, flat, access))),
		slices(db, 'fraud_incidents', 'article', { ...flat, filters: without(query.filters, 'article') }, access),
		slices(db, 'fraud_verdicts', 'outcome', { ...flat, filters: without(query.filters, 'outcome') }, access),
		slices(db, 'fraud_appeal_results', 'review_outcome', { ...flat, filters: without(query.filters, 'review_outcome') }, access),
		run(db, 'fraud_civil_claims', { ...flat, filters: without(query.filters, 'category'), by: ['category'] }, access)
	]);
	return {
		asOf,
		demoScale: scale,
		period,
		monthlyPeriod,
		kpis,
		monthly: months.points,
		ignored: months.ignored,
		breakdowns: Object.fromEntries(FRAUD_BREAKDOWNS.map((d, i) => [d, breakdowns[i]])) as FraudView['breakdowns'],
		regions,
		funnel: funnelSteps(funnel),
		articles,
		court: {
			verdicts,
			appeals,
			civilClaims: civil.rows.map((r) => ({ key: String(r.category), value: r.value, n: r.n, suppressed: Boolean(r.suppressed) })),
			civilIgnored: civil.ignored
		}
	};
}
