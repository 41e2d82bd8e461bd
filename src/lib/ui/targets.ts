/** The indicator's aim in a view as shown everywhere (tiles, rankings, summaries): "≥ 100.0%", "≤ 60 days". */
import { indicatorTarget, type Indicator } from '$lib/domain/catalog';
import type { Filters } from '$lib/domain/query';
import type { Locale } from '$lib/domain/l10n';
import { formatValue } from './format';

export function targetText(indicator: Indicator, locale: Locale, filters: Filters = {}): string | null {
	const target = indicatorTarget(indicator, filters);
	return target && `${target.atMost ? '≤' : '≥'} ${formatValue(target.value, indicator.unit, locale)}`;
}
