/**
 * The cassation reform of 1 July 2025 (DOMAIN.md §2): monthly complaints and the share heard on
 * the merits as interrupted time series, outcomes and days to decision before and after, and
 * compliance with the six-month limit. Figures come from catalog indicators.
 */
import { indicatorById } from '../../domain/catalog';
import { CASSATION_REFORM_DATE } from '../../domain/courts';
import { addDays, addMonths, daysInPeriod, type Period } from '../../domain/period';
import type { MonthPoint, PendingComplaint, ReformView, SideFigures } from '../../domain/practice/view-model';
import type { Filters } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { segmentedRegression, type Segmented } from '../../domain/stats/segmented';
import type { Queryable } from '../db/database';
import { compileRecords } from '../metrics/compile';
import { deadlines } from '../metrics/deadlines';
import { caseIndicator } from './indicator';
/** Monthly series start here: the demo data and the reporting history begin in 2019. */
export const SERIES_START = '2019-01-01';
export const PENDING_LIST_LIMIT = 200;

function fit(points: MonthPoint[], pick: (p: MonthPoint) => number | null): Segmented | null {
	const complete = points.filter((p) => !p.partial && pick(p) !== null);
	const t0 = complete.findIndex((p) => p.period >= CASSATION_REFORM_DATE);
	if (t0 < 2 || complete.length - t0 < 2) return null;
	// Months without a value are left out; time is the month's index, so gaps keep their place.
	const index = (p: MonthPoint) => monthIndex(p.period) - monthIndex(complete[0].period);
	const y = complete.map((p) => pick(p)!);
	const t = complete.map(index);
	if (t.some((v, i) => v !== i)) return null;
	return segmentedRegression(y, t0);
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

export async function reformView(db: Queryable, access: Access, asOf: string, filters: Filters): Promise<ReformView> {
	const cassation: Filters = { ...filters, instance: ['cassation'] };
	const series = (id: string) =>
		caseIndicator(db, access, id, { period: { kind: 'range', from: SERIES_START, to: asOf }, grain: 'month', by: [], filters: cassation });
	const [incoming, merits, median] = await Promise.all([series('incoming'), series('merits_share'), series('median_days')]);
	const months = incoming.map((r, i) => ({
		period: String(r.period),
		partial: Boolean(r.partial),
		complaints: r.value,
		merits: merits[i]?.value ?? null,
		medianDays: median[i]?.value ?? null
	}));
	const afterPeriod = { from: CASSATION_REFORM_DATE, to: asOf };
	// The same number of months just before the reform.
	const span = monthIndex(asOf) - monthIndex(CASSATION_REFORM_DATE) + 1;
	const beforePeriod = { from: addMonths(CASSATION_REFORM_DATE, -span), to: addDays(CASSATION_REFORM_DATE, -1) };
	const side = async (period: Period): Promise<SideFigures> => {
		const q = { period: { kind: 'range' as const, ...period }, by: [], filters: cassation };
		const [outcomes, med, within] = await Promise.all([
			caseIndicator(db, access, 'resolved', { ...q, by: ['outcome'] }),
			caseIndicator(db, access, 'median_days', q),
			caseIndicator(db, access, 'within_limit_share', q)
		]);
		const list = outcomes.filter((r) => (r.value ?? 0) > 0).map((r) => ({ outcome: String(r.outcome), n: r.value! }));
		return {
			period,
			decided: list.reduce((s, r) => s + r.n, 0),
			outcomes: list.sort((a, b) => b.n - a.n),
			medianDays: med[0]?.value ?? null,
			withinLimit: within[0]?.value ?? null
		};
	};
	const limit = deadlines().statutory.cassation;
	const [before, after, pending] = await Promise.all([
		side(beforePeriod),
		side(afterPeriod),
		pendingPastLimit(db, asOf, filters, PENDING_LIST_LIMIT)
	]);
	return {
		date: CASSATION_REFORM_DATE,
		months,
		complaints: fit(months, (p) => p.complaints),
		merits: fit(months, (p) => p.merits),
		before,
		after,
		limit,
		pending
	};
}

/**
 * Cassation complaints under the filters still pending on `asOf` past their statutory limit,
 * oldest first: the records of the catalog's `pending_past_limit` on that day.
 */
export async function pendingPastLimit(
	db: Queryable,
	asOf: string,
	filters: Filters,
	limit: number
): Promise<{ total: number; rows: PendingComplaint[] }> {
	const compiled = compileRecords({
		measure: indicatorById('pending_past_limit')!.measure,
		from: asOf,
		to: asOf,
		filters: { ...filters, instance: ['cassation'] },
		deadlines: deadlines(),
		sort: 'filed_date',
		descending: false,
		limit,
		offset: 0
	});
	const rows = await db.query<PendingComplaint & { total: number }>(compiled.sql, compiled.params);
	return {
		total: rows[0]?.total ?? 0,
		rows: rows.map((r) => ({
			case_id: r.case_id,
			case_number: r.case_number,
			court_id: r.court_id,
			filed_date: r.filed_date,
			days: daysInPeriod({ from: r.filed_date, to: asOf }) - 1
		}))
	};
}
