/**
 * The wall's figures: those of every panel the viewer may see (domain/wall.ts), for the period
 * and filters of its address (the overview's defaults: the last 12 months, everything). Read
 * through the metrics layer like the pages the panels mirror; the key figures of all panels
 * are computed in one batch, so a wall of many panels costs about what the overview costs.
 */
import { indicatorDimensions, type Indicator } from '../../domain/catalog';
import { resolvePeriod, type Period } from '../../domain/period';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { visiblePanels, type WallConfig, type WallPanel } from '../../domain/wall';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { dataAsOf } from '../metrics/as-of';
import { indicatorOf } from '../metrics/defined';
import { kpiFigures, type KpiFigure } from '../metrics/kpis';
import type { ResultRow } from '../metrics/run';
import { overdueCassation, rankAlerts, WATCHED, watched, type Alert } from './alerts';
import { FRAUD_KPIS } from './fraud';
import { breakdown, filedAndResolved, OVERVIEW_KPIS, type TrendPoint } from './overview';

export type PanelData =
	| { kind: 'kpis'; kpis: KpiFigure[] }
	| { kind: 'map'; indicator: string; rows: ResultRow[] }
	| { kind: 'alerts'; alerts: Alert[] }
	| { kind: 'trend'; trend: TrendPoint[] }
	| { kind: 'fraud'; kpis: KpiFigure[]; schemes: ResultRow[] }
	| { kind: 'indicator'; indicator: string; figure: KpiFigure; regions: ResultRow[] | null };

export interface WallView {
	/** The data revision the figures were read at: the wall reloads when the server's moves on. */
	revision: number;
	asOf: string;
	period: Period;
	seconds: number;
	panels: PanelData[];
	/** Indicators defined as data that panels show or whose alerts the alerts panel may show (the page names them from here). */
	defined: Indicator[];
}

/** The key figures a panel needs from the batch. */
function figuresOf(panel: WallPanel, watchedDefined: readonly Indicator[]): readonly string[] {
	switch (panel.kind) {
		case 'kpis':
			return OVERVIEW_KPIS;
		case 'alerts':
			return [...WATCHED, ...watchedDefined.map((i) => i.id)];
		case 'trend':
			return ['incoming', 'resolved'];
		case 'fraud':
			return FRAUD_KPIS;
		case 'indicator':
			return [panel.indicator!];
		case 'map':
			return [];
	}
}

/**
 * `defined`: the indicators defined as data in force; those with thresholds raise alerts, as on
 * the overview, and a map or indicator panel may show any of them.
 */
export async function wallView(
	db: Queryable,
	access: Access,
	config: WallConfig,
	query: ViewQuery,
	defined: readonly Indicator[] = []
): Promise<WallView> {
	// Read before the figures: a change committed meanwhile leaves the wall one revision behind, so it reloads again.
	const revision = dataRevision();
	const asOf = await dataAsOf(db);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	const flat = { ...query, grain: undefined, by: [] };
	const panels = visiblePanels(config, access.role);
	const alerting = panels.some((p) => p.kind === 'alerts') ? defined.filter(watched) : [];
	const ids = [...new Set(panels.flatMap((p) => figuresOf(p, alerting)))];
	const { region: _, ...others } = query.filters;
	const [figures, cassation] = await Promise.all([
		ids.length ? kpiFigures(db, ids, flat, access) : [],
		panels.some((p) => p.kind === 'alerts') ? overdueCassation(db, flat, access) : null
	]);
	const byId = new Map(figures.map((f) => [f.id, f]));
	const pick = (list: readonly string[]) => list.map((id) => byId.get(id)!);
	const regions = async (id: string) => (await breakdown(db, id, 'region', { ...flat, filters: others }, access)).rows;

	const data = await Promise.all(
		panels.map(async (panel): Promise<PanelData> => {
			switch (panel.kind) {
				case 'kpis':
					return { kind: 'kpis', kpis: pick(OVERVIEW_KPIS) };
				case 'alerts':
					return { kind: 'alerts', alerts: rankAlerts(figures, cassation, flat.filters, alerting) };
				case 'trend':
					return { kind: 'trend', trend: filedAndResolved(figures) };
				case 'fraud':
					return { kind: 'fraud', kpis: pick(FRAUD_KPIS), schemes: (await breakdown(db, 'fraud_incidents', 'scheme', flat, access)).rows };
				case 'map':
					return { kind: 'map', indicator: panel.indicator!, rows: await regions(panel.indicator!) };
				case 'indicator': {
					const indicator = indicatorOf(panel.indicator!)!;
					const byRegion = indicatorDimensions(indicator).some((d) => d.id === 'region');
					return {
						kind: 'indicator',
						indicator: indicator.id,
						figure: byId.get(indicator.id)!,
						regions: byRegion ? await regions(indicator.id) : null
					};
				}
			}
		})
	);
	const named = defined.filter((i) => alerting.includes(i) || panels.some((p) => p.indicator === i.id));
	return { revision, asOf, period, seconds: config.seconds, panels: data, defined: named };
}
