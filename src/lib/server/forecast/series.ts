/**
 * The monthly history of an indicator for a view's filters, read through the metrics layer like
 * every other figure (so indicators defined as data are forecast the same way), and whether the
 * cassation reform breaks it.
 */
import type { Indicator } from '../../domain/catalog';
import { REFORM_BREAK } from '../../domain/forecast/breaks';
import { shiftMonth, type MonthPoint } from '../../domain/forecast/series';
import { addDays } from '../../domain/period';
import type { Parsed, ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { indicatorRange } from '../metrics/as-of';
import { runIndicator, type DataSource, type IndicatorResult } from '../metrics/run';

/** Years of history read: enough for seasonal models and a backtest, short enough to stay relevant. */
export const HISTORY_MONTHS = 96;

export interface History {
	points: MonthPoint[];
	source: DataSource;
	ignored: string[];
	asOf: string;
	/** Share of the series from the reformed instances around the reform (null: not by instance). */
	reformShare: number | null;
}

/** The view's filters and source only: forecasts always read the whole history, monthly. */
function filtersOnly(query: ViewQuery): ViewQuery {
	return { by: [], filters: query.filters, ...(query.source ? { source: query.source } : {}) };
}

/**
 * The reformed instances' share of the history in the year either side of the reform: their
 * count in those months over the history's. Reading their count alone (the view's filters and
 * those instances) costs one small statement, where a breakdown by instance listed every
 * instance ever recorded. Null when the count cannot be split by instance.
 */
function shareAround(
	history: IndicatorResult,
	reformed: Parsed<IndicatorResult>[] | null,
	around: { from: string; to: string }
): number | null {
	if (reformed === null) return 0;
	if (reformed.some((r) => !r.ok || r.value.ignored.includes('instance'))) return null;
	const total = history.rows
		.filter((row) => String(row.period) >= around.from && String(row.period) <= around.to)
		.reduce((s, row) => s + (row.value ?? 0), 0);
	const count = reformed.reduce((s, r) => s + ((r.ok && r.value.rows[0]?.value) || 0), 0);
	return total > 0 ? count / total : 0;
}

export async function monthlyHistory(db: Queryable, indicator: Indicator, query: ViewQuery, access: Access): Promise<Parsed<History>> {
	const { asOf } = await indicatorRange(db, indicator);
	const from = shiftMonth(asOf, 1 - HISTORY_MONTHS);
	const base = filtersOnly(query);
	const reform = REFORM_BREAK.date;
	const aroundFrom = shiftMonth(reform, -12);
	const aroundTo = addDays(shiftMonth(reform, 12), -1);
	const around = { from: aroundFrom > from ? aroundFrom : from, to: aroundTo < asOf ? aroundTo : asOf };
	const chosen = query.filters.instance;
	const instances = REFORM_BREAK.instances.filter((i) => !chosen || chosen.includes(i));
	// The count of the reformed instances from the source the history is read from. Left to choose
	// it, the metrics layer would look for their case records in the view, and where there are none
	// (a region's courts, in the demo data) that search reads every record: the case records are
	// taken as the likely source, and the count read again in the rare other case.
	// One instance per statement: the public filters by one value at a time (disclosure/protect.ts).
	const reformedFrom = (source: DataSource) =>
		instances.length && around.from <= around.to
			? Promise.all(
					instances.map((instance) =>
						runIndicator(
							db,
							indicator,
							{ ...base, source, filters: { ...base.filters, instance: [instance] }, period: { kind: 'range', ...around } },
							access
						)
					)
				)
			: null;
	// Both read the monthly rollups (metrics/README.md: a flow over whole months); they run side by side.
	const [history, first] = await Promise.all([
		runIndicator(db, indicator, { ...base, grain: 'month', period: { kind: 'range', from, to: asOf } }, access),
		reformedFrom(query.source === 'court_stats' ? 'court_stats' : 'cases')
	]);
	if (!history.ok) return history;
	const reformed = first?.[0].ok && first[0].value.source !== history.value.source ? await reformedFrom(history.value.source) : first;
	const points = history.value.rows.map((row): MonthPoint => ({
		period: String(row.period),
		value: row.value,
		partial: Boolean(row.partial),
		suppressed: Boolean(row.suppressed)
	}));
	return {
		ok: true,
		value: {
			points,
			source: history.value.source,
			ignored: history.value.ignored,
			asOf,
			reformShare: shareAround(history.value, reformed, around)
		}
	};
}
