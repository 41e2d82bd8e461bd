/**
 * What the scale of synthetic demo data means for a reader: scale 10 is the national volume, so
 * counts and amounts at scale S are S/10 of national figures.
 */
import type { Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';
import { formatNumber, formatValue } from './format';

/** Share of the national volume the demo's counts stand for. */
export const volumeShare = (scale: number): number => scale / 10;

/** The share in words a reader checks at a glance: "1/10", "1/200", "×2", or a percentage. */
export function shareLabel(scale: number, locale: Locale): string {
	const share = volumeShare(scale);
	if (share < 1 && Number.isInteger(1 / share)) return `1/${1 / share}`;
	if (share > 1 && Number.isInteger(share)) return `×${share}`;
	return formatValue(share * 100, 'percent', locale);
}

/** The banner's sentence on the scale. */
export function scaleNote(scale: number, locale: Locale): string {
	const value = formatNumber(scale, locale, Number.isInteger(scale) ? 0 : 2);
	return volumeShare(scale) === 1
		? m.demo_scale_national({ scale: value }, { locale })
		: m.demo_scale_share({ scale: value, share: shareLabel(scale, locale) }, { locale });
}
