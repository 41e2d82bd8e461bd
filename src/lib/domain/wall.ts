/**
 * The wall (a situational center's screens): the panels an administrator chose, shown in turn
 * every `seconds`. Each panel mirrors a page, and a viewer sees only the panels whose page
 * route-access.ts lets their role open.
 */
import * as v from 'valibot';
import { indicatorById } from './catalog';
import type { Role } from './roles';
import { mayOpen } from './route-access';

export const PANEL_KINDS = ['kpis', 'map', 'alerts', 'trend', 'fraud', 'indicator'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Kinds that show one indicator, chosen with the panel. */
export const INDICATOR_PANELS: readonly PanelKind[] = ['map', 'indicator'];

export interface WallPanel {
	kind: PanelKind;
	/** The indicator of a map or indicator panel. */
	indicator?: string;
}

export interface WallConfig {
	panels: WallPanel[];
	/** How long each panel stays on screen. */
	seconds: number;
}

export const MIN_SECONDS = 5;
export const MAX_SECONDS = 600;
export const MAX_PANELS = 24;

export const DEFAULT_WALL: WallConfig = {
	panels: [{ kind: 'kpis' }, { kind: 'map', indicator: 'clearance_rate' }, { kind: 'alerts' }, { kind: 'trend' }, { kind: 'fraud' }],
	seconds: 20
};

/** The page each kind of panel shows a part of: its route decides who sees the panel. */
const PANEL_ROUTE: Record<PanelKind, string> = {
	kpis: '/',
	map: '/',
	alerts: '/',
	trend: '/',
	fraud: '/fraud',
	indicator: '/indicators/[id]'
};

export type WallProblem =
	| { code: 'shape' }
	| { code: 'no_panels' }
	| { code: 'too_many_panels'; max: number }
	| { code: 'seconds'; min: number; max: number }
	| { code: 'unknown_kind'; panel: number }
	| { code: 'needs_indicator'; panel: number }
	| { code: 'unknown_indicator'; panel: number; id: string };

const Shape = v.object({
	panels: v.array(v.object({ kind: v.string(), indicator: v.optional(v.string()) })),
	seconds: v.number()
});

/**
 * A wall configuration from untrusted JSON, or every problem with the panel it is in (1-based).
 * `known`: whether an id names an indicator a panel may show (the catalog's, and on the server
 * also those defined as data in force).
 */
export function parseWallConfig(
	input: unknown,
	known: (id: string) => boolean = (id) => indicatorById(id) !== undefined
): { ok: true; config: WallConfig } | { ok: false; problems: WallProblem[] } {
	const shaped = v.safeParse(Shape, input);
	if (!shaped.success) return { ok: false, problems: [{ code: 'shape' }] };
	const { panels, seconds } = shaped.output;
	const problems: WallProblem[] = [];
	if (!panels.length) problems.push({ code: 'no_panels' });
	if (panels.length > MAX_PANELS) problems.push({ code: 'too_many_panels', max: MAX_PANELS });
	if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS)
		problems.push({ code: 'seconds', min: MIN_SECONDS, max: MAX_SECONDS });
	const out: WallPanel[] = [];
	panels.forEach((p, i) => {
		const panel = i + 1;
		if (!(PANEL_KINDS as readonly string[]).includes(p.kind)) return void problems.push({ code: 'unknown_kind', panel });
		const kind = p.kind as PanelKind;
		if (!INDICATOR_PANELS.includes(kind)) return void out.push({ kind });
		if (!p.indicator) return void problems.push({ code: 'needs_indicator', panel });
		if (!known(p.indicator)) return void problems.push({ code: 'unknown_indicator', panel, id: p.indicator });
		out.push({ kind, indicator: p.indicator });
	});
	return problems.length ? { ok: false, problems } : { ok: true, config: { panels: out, seconds } };
}

export function panelRoute(panel: WallPanel): string {
	return PANEL_ROUTE[panel.kind];
}

/** The panels this role may see, in the administrator's order. */
export function visiblePanels(config: WallConfig, role: Role): WallPanel[] {
	return config.panels.filter((p) => mayOpen(role, panelRoute(p)));
}
