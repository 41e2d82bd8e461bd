/**
 * The situational center's overview: key indicators in groups for the chosen period and filters
 * with the change on a year earlier and a monthly sparkline, the monthly trend of filed and
 * resolved cases and the alerts; then, streamed, one indicator by region (map) and ranked at the
 * next level of the drill-down, and each group's lead indicator at that level (where the group's
 * picture is worst). Everything is read through the metrics layer.
 */
import { indicatorById, indicatorDimensions, type DimensionId, type Indicator } from '../../domain/catalog';
import { OVERVIEW_GROUPS, OVERVIEW_KPIS, type OverviewGroupId } from '../../domain/overview';
import { resolvePeriod, type Period } from '../../domain/period';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { drillLevel } from './drill';
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { indicatorOf } from '../metrics/defined';
import { kpiFigures, type KpiFigure } from '../metrics/kpis';
import { runIndicator, type MissingReason, type ResultRow } from '../metrics/run';
import { overdueCassation, rankAlerts, watched, WATCHED, type Alert } from './alerts';

export { OVERVIEW_KPIS };

/** The indicator on the map and the bars unless the page says otherwise. */
export const DEFAULT_FOCUS = 'clearance_rate';

export interface TrendPoint {
	period: string;
	partial: boolean;
	incoming: number | null;
	resolved: number | null;
	/** Why a figure of the month is "no data" (the metrics layer's reason). */
	missing: { incoming: MissingReason | null; resolved: MissingReason | null };
}

export interface Breakdown {
	indicator: string;
	dimension: DimensionId;
	rows: ResultRow[];
	/** Filters of the page the indicator cannot take: its figures are for all their values. */
	ignored: DimensionId[];
}

export interface RegionalView {
	map: Breakdown;
	/** The focus indicator at the next level of the drill-down below the current filters. */
	bars: Breakdown | null;
	/** Each group's lead indicator at that level; absent where it has no such breakdown. */
	leads: Partial<Record<OverviewGroupId, Breakdown>>;
}

export interface OverviewView {
	asOf: string;
	period: Period;
	/** The indicator on the map and in the ranking. */
	focus: string;
	kpis: KpiFigure[];
	trend: TrendPoint[];
	alerts: Alert[];
	/** Streamed: the breakdowns come after the key indicators. */
	regional: Promise<RegionalView>;
	/** Indicators defined as data among the tiles and alerts (the page names them from here). */
	defined: Indicator[];
}

/** One indicator by one dimension for the view's period and filters (also the wall's map panels). */
/** `id`: an indicator of the catalog or one defined as data in force (a wall panel's). */
export async function breakdown(db: Queryable, id: string, dimension: DimensionId, query: ViewQuery, access: Access): Promise<Breakdown> {
	const result = await runIndicator(db, indicatorOf(id)!, { ...query, grain: undefined, by: [dimension] }, access);
	if (!result.ok) throw new Error(`overview breakdown of ${id} by ${dimension} is invalid: ${JSON.stringify(result.errors)}`);
	return { indicator: id, dimension, rows: result.value.rows, ignored: result.value.ignored };
}

/** The monthly trend of filed and resolved cases, from the key figures (which hold both). */
export function filedAndResolved(figures: readonly KpiFigure[]): TrendPoint[] {
	const incoming = figures.find((k) => k.id === 'incoming')!;
	const resolved = figures.find((k) => k.id === 'resolved')!;
	return incoming.months.map((m, i) => ({
		period: m.period,
		partial: m.partial,
		incoming: m.value,
		resolved: resolved.months[i]?.value ?? null,
		missing: { incoming: m.missing ?? null, resolved: resolved.months[i]?.missing ?? null }
	}));
}

/** `defined`: the indicators defined as data in force; those marked for the overview are tiles, those with thresholds raise alerts. */
export async function overviewView(
	db: Queryable,
	access: Access,
	query: ViewQuery,
	focus = DEFAULT_FOCUS,
	defined: readonly Indicator[] = []
): Promise<OverviewView> {
	const asOf = await dataAsOf(db);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	const flat = { ...query, grain: undefined, by: [] };
	const level = drillLevel(query, access);
	// The map shows every region whatever the region filter, so a region can be compared and switched.
	const { region: _, ...others } = query.filters;
	const regional = async (): Promise<RegionalView> => {
		const leads = OVERVIEW_GROUPS.filter((g) => level && indicatorDimensions(indicatorById(g.lead)!).some((d) => d.id === level));
		const [map, bars, ...leadRows] = await Promise.all([
			breakdown(db, focus, 'region', { ...flat, filters: others }, access),
			level && level !== 'region' ? breakdown(db, focus, level, flat, access) : null,
			...leads.map((g) => breakdown(db, g.lead, level!, flat, access))
		]);
		return { map, bars: level === 'region' ? map : bars, leads: Object.fromEntries(leads.map((g, i) => [g.id, leadRows[i]])) };
	};
	// The batch computes the watched indicators with the tiles; the alerts read them from it.
	const tiles = defined.filter((i) => i.defined?.overview);
	const shown = defined.filter((i) => i.defined?.overview || watched(i));
	const ids = [...new Set([...OVERVIEW_KPIS, ...WATCHED, ...shown.map((i) => i.id)])];
	const [figures, cassation] = await Promise.all([kpiFigures(db, ids, flat, access), overdueCassation(db, flat, access)]);
	const alerts = rankAlerts(figures, cassation, flat.filters, defined);
	const tileIds = [...OVERVIEW_KPIS, ...tiles.map((i) => i.id)] as readonly string[];
	const kpis = figures.filter((f) => tileIds.includes(f.id));
	const trend = filedAndResolved(kpis);
	// Started after the key indicators, so that their statements go first.
	return { asOf, period, focus, kpis, trend, alerts, regional: regional(), defined: shown };
}
