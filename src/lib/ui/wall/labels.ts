/** Names of the kinds of wall panels, in the reader's language. */
import type { PanelKind } from '$lib/domain/wall';
import * as m from '$lib/paraglide/messages';

const KIND: Record<PanelKind, () => string> = {
	kpis: m.wall_kind_kpis,
	map: m.wall_kind_map,
	alerts: m.wall_kind_alerts,
	trend: m.wall_kind_trend,
	fraud: m.wall_kind_fraud,
	indicator: m.wall_kind_indicator
};

export const kindLabel = (kind: PanelKind) => KIND[kind]();
