/**
 * One indicator explored: its headline figure with the year-earlier comparison, the trend at the
 * chosen grain beside the same buckets a year earlier, a breakdown by any dimension it allows,
 * and the map by region. All through the metrics layer.
 */
import type { HiddenReason } from '../../domain/figures';
import { indicatorDimensions, measureFacts, type DimensionId, type Grain, type Indicator } from '../../domain/catalog';
import { addYears, previousYear, resolvePeriod, type Period } from '../../domain/period';
import type { QueryError, ViewQuery } from '../../domain/query';
import { maySeeJudges, type Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { indicatorRange } from '../metrics/as-of';
import { completeFrom } from '../metrics/complete';
import { kpiFigures, type KpiFigure } from '../metrics/kpis';
import { runIndicator, type IndicatorResult, type MissingReason, type ResultRow } from '../metrics/run';
import { drillLevel } from './drill';

export interface ExplorerPoint {
	period: string;
	partial: boolean;
	value: number | null;
	suppressed: boolean;
	/** Why a suppressed value (and a suppressed previous one) is hidden when not for few records. */
	hidden: HiddenReason | null;
	/** Why the value is "no data" (the metrics layer's reason); null when it has one. */
	missing: MissingReason | null;
	/** The value may still grow (indicator.maturesIn). */
	provisional: boolean;
	/** The same bucket a year earlier; null when that bucket starts before the data is complete. */
	previous: number | null;
	/** Why `previous` is null: the metrics layer's reason, or `before_data` when it precedes complete data. */
	previousMissing: MissingReason | 'before_data' | null;
	previousSuppressed: boolean;
}

export interface ExplorerView {
	indicator: string;
	period: Period;
	grain: Grain;
	headline: KpiFigure;
	trend: ExplorerPoint[];
	/** Breakdowns this viewer may choose (judges only for roles that may see them). */
	dimensions: DimensionId[];
	breakdown: { dimension: DimensionId; rows: ResultRow[] };
	/** By region, whatever the region filter; null when the indicator has no regional breakdown. */
	map: ResultRow[] | null;
	/** Filters of the page that do not apply to this indicator. */
	ignored: DimensionId[];
	/** First day of complete data: year-earlier buckets before it are not compared. */
	dataFrom: string | null;
}

export function explorerDimensions(indicator: Indicator, access: Access): DimensionId[] {
	return indicatorDimensions(indicator)
		.filter((d) => !d.personal || maySeeJudges(access))
		.map((d) => d.id);
}

export type Explored = { ok: true; value: ExplorerView } | { ok: false; errors: QueryError[] };

export async function explorerView(db: Queryable, indicator: Indicator, query: ViewQuery, access: Access): Promise<Explored> {
	const dimensions = explorerDimensions(indicator, access);
	// By default the level below the filters (courts of a chosen region), where the indicator has it.
	const below = drillLevel(query, access);
	const dimension = query.by[0] ?? (below && dimensions.includes(below) ? below : dimensions[0]);
	if (query.by.length > 1 || !dimensions.includes(dimension)) {
		return { ok: false, errors: [{ param: 'by', code: 'bad_by', value: query.by.join(','), allowed: dimensions }] };
	}
	const grain = query.grain ?? 'month';
	const { asOf } = await indicatorRange(db, indicator);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	// The period resolved by the indicator's own data (a defined one's dataset may end earlier).
	const flat: ViewQuery = { ...query, period: { kind: 'range', ...period }, by: [], grain: undefined };
	const { region: _, ...others } = query.filters;
	const run = (q: ViewQuery) => runIndicator(db, indicator, q, access);
	const [from, headline, current, previous, breakdown, map] = await Promise.all([
		completeFrom(db, measureFacts(indicator.measure)),
		kpiFigures(db, [indicator.id], flat, access),
		run({ ...flat, grain }),
		run({ ...flat, grain, period: { kind: 'range', ...previousYear(period) } }),
		run({ ...flat, by: [dimension] }),
		dimensions.includes('region') ? run({ ...flat, by: ['region'], filters: others }) : null
	]);
	const failed = [current, previous, breakdown, map].find((r): r is { ok: false; errors: QueryError[] } => r !== null && !r.ok);
	if (failed) return failed;
	const ok = (r: typeof current) => (r as { value: IndicatorResult }).value;
	// A year-earlier bucket that starts before the data is complete holds only a remnant (the backlog of the first day): not a base.
	const comparable = (period: string) => from === null || addYears(period, -1) >= from;
	const trend = ok(current).rows.map((row, i): ExplorerPoint => {
		const before = ok(previous).rows[i];
		const base = comparable(String(row.period));
		return {
			period: String(row.period),
			partial: Boolean(row.partial),
			value: row.value,
			suppressed: Boolean(row.suppressed),
			hidden: row.hidden ?? before?.hidden ?? null,
			missing: row.missing ?? null,
			provisional: Boolean(row.provisional),
			previous: base ? (before?.value ?? null) : null,
			previousMissing: base ? (before?.missing ?? null) : 'before_data',
			previousSuppressed: base && Boolean(before?.suppressed)
		};
	});
	return {
		ok: true,
		value: {
			indicator: indicator.id,
			period,
			grain,
			headline: headline[0],
			trend,
			dimensions,
			breakdown: { dimension, rows: ok(breakdown).rows },
			map: map ? ok(map).rows : null,
			ignored: ok(current).ignored,
			dataFrom: from
		}
	};
}
