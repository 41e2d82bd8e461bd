/**
 * The practice explorer's view model: everything /practice and /api/practice show for one URL
 * state. Indicator figures come from the catalog (run.ts); the rest from queries.ts.
 */
import type { DimensionId } from '../../domain/catalog';
import type { PracticeState } from '../../domain/practice/params';
import type {
	Comparable,
	Description,
	FunnelView,
	OutlookRow,
	PracticeView,
	ReformView,
	UnitFigures
} from '../../domain/practice/view-model';
import { resolvePeriod, type Period, type PeriodClip } from '../../domain/period';
import type { Filters, Parsed, QueryError } from '../../domain/query';
import { maySeeJudges, type Access } from '../../domain/roles';
import { wilson } from '../../domain/stats/wilson';
import type { Queryable } from '../db/database';
import { boundPeriod } from '../limits/period';
import { dataAsOf } from '../metrics/as-of';
import { personalDataErrors, type ResultRow } from '../metrics/run';
import { caseIndicator } from './indicator';
import { funnelView } from './funnel';
import { caseTimeline, claimsByOutcome, comparableOutcomes, daysHistogram, describeCase, lifeCycle, similarCases } from './queries';
import { reformView, SERIES_START } from './reform';

export const SIMILAR_PAGE_SIZE = 10;
/** Courts listed in the breakdown: the busiest ones under the filters. */
export const TOP_COURTS = 20;

/** Decided cases, median days, appeal rate and stability by one dimension, keyed by its value. */
async function figuresBy(db: Queryable, access: Access, by: DimensionId, period: Period, filters: Filters): Promise<UnitFigures[]> {
	const q = { period: { kind: 'range' as const, ...period }, by: [by], filters };
	const [decided, median, appeal, stability] = await Promise.all(
		['resolved', 'median_days', 'appeal_rate', 'stability'].map((id) => caseIndicator(db, access, id, q))
	);
	const valueOf = (list: ResultRow[]) => new Map(list.map((r) => [String(r[by]), r.value]));
	const [m, a, s] = [valueOf(median), valueOf(appeal), valueOf(stability)];
	return decided
		.filter((r) => (r.value ?? 0) > 0)
		.map((r) => {
			const key = String(r[by]);
			return { key, decided: r.value, medianDays: m.get(key) ?? null, appealRate: a.get(key) ?? null, stability: s.get(key) ?? null };
		})
		.sort((x, y) => (y.decided ?? 0) - (x.decided ?? 0) || x.key.localeCompare(y.key));
}

async function overview(db: Queryable, access: Access, period: Period, filters: Filters): Promise<PracticeView['overview']> {
	const q = { period: { kind: 'range' as const, ...period }, by: [] as DimensionId[], filters };
	const [byOutcome, median, p90, decided, appeal, stability, histogram, claims, byRegion, byCourt] = await Promise.all([
		caseIndicator(db, access, 'resolved', { ...q, by: ['outcome'], grain: 'quarter' }),
		caseIndicator(db, access, 'median_days', q),
		caseIndicator(db, access, 'p90_days', q),
		caseIndicator(db, access, 'resolved', q),
		caseIndicator(db, access, 'appeal_rate', q),
		caseIndicator(db, access, 'stability', q),
		daysHistogram(db, period, filters),
		claimsByOutcome(db, period, filters),
		figuresBy(db, access, 'region', period, filters),
		figuresBy(db, access, 'court', period, filters)
	]);
	const totals = new Map<string, number>();
	for (const r of byOutcome) totals.set(String(r.period), (totals.get(String(r.period)) ?? 0) + (r.value ?? 0));
	const outcomes = byOutcome
		.filter((r) => r.outcome !== '' && (totals.get(String(r.period)) ?? 0) > 0)
		.map((r) => ({
			period: String(r.period),
			partial: Boolean(r.partial),
			outcome: String(r.outcome),
			n: r.value ?? 0,
			share: (100 * (r.value ?? 0)) / totals.get(String(r.period))!
		}));
	return {
		outcomes,
		medianDays: median[0]?.value ?? null,
		p90Days: p90[0]?.value ?? null,
		decided: decided[0]?.value ?? null,
		histogram,
		claims,
		appealRate: appeal[0]?.value ?? null,
		stability: stability[0]?.value ?? null,
		byRegion,
		byCourt: byCourt.slice(0, TOP_COURTS)
	};
}

/** A claim described by the filters: one category, and at most one instance, article and region. */
function describeFromFilters(state: PracticeState): Description | null {
	const f = state.query.filters;
	const one = (id: DimensionId) => (f[id]?.length === 1 ? f[id]![0] : undefined);
	const category = one('category');
	if (!category) return null;
	return {
		category,
		instance: one('instance') ?? 'first',
		...(one('article') ? { article: one('article') } : {}),
		...(one('region') ? { region: one('region') } : {}),
		...(state.amount ? { amount: state.amount } : {})
	};
}

function outlookRows(c: Comparable): OutlookRow[] {
	return c.outcomes.map((o) => {
		const w = wilson(o.n, c.n);
		return { outcome: o.outcome, n: o.n, share: 100 * w.p!, lo: 100 * w.lo!, hi: 100 * w.hi! };
	});
}

/** Filters, breakdowns and funnels by individual judges need the role allowed to see them. */
function personalErrors(state: PracticeState, access: Access): QueryError[] {
	const errors = personalDataErrors(state.query, access);
	if (state.unit === 'judge' && !maySeeJudges(access)) errors.push({ param: 'unit', code: 'forbidden', value: 'judge' });
	return errors;
}

/**
 * The explorer's figures as separate promises, one per section, so that the page can show each
 * as soon as it is ready (streamed) while the API awaits them all. Only the access check and
 * what the filter bar needs are settled first.
 */
export interface PracticeSections {
	asOf: string;
	period: Period;
	/** Set when the period asked for reaches beyond the data's dates and was cut to them. */
	clip: PeriodClip | null;
	mayCompareJudges: boolean;
	description: Description | null;
	overview: Promise<PracticeView['overview']>;
	lifeCycle: Promise<Pick<PracticeView, 'lifeCycle' | 'timeline'>>;
	reform: Promise<ReformView>;
	funnel: Promise<Parsed<FunnelView>>;
	similar: Promise<Pick<PracticeView, 'similar' | 'outlook'>>;
}

export async function practiceSections(db: Queryable, access: Access, state: PracticeState): Promise<Parsed<PracticeSections>> {
	const forbidden = personalErrors(state, access);
	if (forbidden.length) return { ok: false, errors: forbidden };
	const asOf = await dataAsOf(db);
	const bounded = state.query.period ? await boundPeriod(db, state.query, access) : null;
	if (bounded && !bounded.ok) return bounded;
	const period = bounded ? resolvePeriod(bounded.value.query.period!, asOf) : { from: SERIES_START, to: asOf };
	const filters = state.query.filters;
	// Courts are compared at first instance unless another is chosen: reviews of appeal courts are another population.
	const funnelFilters: Filters = { instance: ['first'], ...filters };
	// Cassation courts are interregional: the reform is followed by category and article only.
	const reformFilters: Filters = Object.fromEntries(Object.entries(filters).filter(([id]) => id === 'category' || id === 'article'));
	// A case describes the claim; an amount typed beside it replaces the case's own.
	const ofCase = state.caseNumber ? await describeCase(db, state.caseNumber) : null;
	const description = state.caseNumber
		? ofCase && { ...ofCase, ...(state.amount ? { amount: state.amount } : {}) }
		: describeFromFilters(state);
	const similar = async () => {
		const [list, comparable] = await Promise.all([
			description
				? similarCases(db, description, asOf, {
						offset: (state.page - 1) * SIMILAR_PAGE_SIZE,
						limit: SIMILAR_PAGE_SIZE,
						exclude: state.caseNumber
					})
				: null,
			description ? comparableOutcomes(db, description) : null
		]);
		return {
			similar: list && { ...list, page: state.page, pageSize: SIMILAR_PAGE_SIZE },
			outlook: comparable && { ...comparable, outcomes: outlookRows(comparable) }
		};
	};
	const lifeCycleOf = async () => {
		const [flows, timeline] = await Promise.all([
			lifeCycle(db, period, filters),
			state.caseNumber ? caseTimeline(db, state.caseNumber) : null
		]);
		return { lifeCycle: flows, timeline };
	};
	return {
		ok: true,
		value: {
			asOf,
			period,
			clip: bounded?.value.clip ?? null,
			mayCompareJudges: maySeeJudges(access),
			description,
			overview: overview(db, access, period, filters),
			lifeCycle: lifeCycleOf(),
			reform: reformView(db, access, asOf, reformFilters),
			funnel: funnelView(db, access, { rate: state.rate, unit: state.unit, period, filters: funnelFilters }),
			similar: similar()
		}
	};
}

/** All of the explorer's figures at once (the API). */
export async function practiceView(db: Queryable, access: Access, state: PracticeState): Promise<Parsed<PracticeView>> {
	const sections = await practiceSections(db, access, state);
	if (!sections.ok) return sections;
	const { overview: ov, lifeCycle: lc, reform, funnel, similar, ...frame } = sections.value;
	const [o, l, r, f, s] = await Promise.all([ov, lc, reform, funnel, similar]);
	if (!f.ok) return f;
	return { ok: true, value: { ...frame, overview: o, ...l, reform: r, funnel: f.value, ...s } };
}
