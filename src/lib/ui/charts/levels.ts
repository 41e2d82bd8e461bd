/** An indicator's target and thresholds as level lines of its charts, labelled with the status words of the tiles. */
import type { Indicator } from '$lib/domain/catalog';
import type { Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';
import { formatValue } from '../format';
import type { LevelLine } from './LineChartSvg.svelte';

export function thresholdLevels(indicator: Indicator, locale: Locale): LevelLine[] {
	const t = indicator.thresholds;
	if (!t) return [];
	const value = (v: number) => formatValue(v, indicator.unit, locale);
	const levels: LevelLine[] = [];
	if (t.target !== undefined)
		levels.push({ id: 'target', y: t.target, kind: 'target', label: m.status_target({ target: value(t.target) }, { locale }) });
	// A warning threshold equal to the target is the same line.
	if (t.warn !== t.target)
		levels.push({ id: 'watch', y: t.warn, kind: 'watch', label: `${m.status_watch({}, { locale })} ${value(t.warn)}` });
	levels.push({ id: 'alert', y: t.bad, kind: 'alert', label: `${m.status_alert({}, { locale })} ${value(t.bad)}` });
	return levels;
}
