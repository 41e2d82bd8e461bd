/** Numbers and dates as each language writes them (Intl), with the catalog's units. */
import type { Unit } from '$lib/domain/catalog';
import { INTL_TAG, type Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let f = cache.get(key);
	if (!f) cache.set(key, (f = new Intl.NumberFormat(INTL_TAG[locale], options)));
	return f;
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
	return nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** A value in its unit; null (no data) is said in words, never shown as 0 or NaN. */
export function formatValue(value: number | null | undefined, unit: Unit, locale: Locale): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return m.no_data({}, { locale });
	switch (unit) {
		case 'count':
			return formatNumber(value, locale);
		case 'percent':
			return nf(locale, { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value / 100);
		case 'days':
			return `${formatNumber(value, locale)} ${m.unit_days({}, { locale })}`;
		case 'ratio':
			return formatNumber(value, locale, 2);
		case 'kzt':
			return `${nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)} ${m.unit_kzt({}, { locale })}`;
		case 'per100k':
			return formatNumber(value, locale, 1);
		case 'per_judge_month':
			return formatNumber(value, locale, 1);
	}
}

/** Short axis labels: compact numbers, percents without decimals. */
export function formatTick(value: number, unit: Unit, locale: Locale): string {
	if (unit === 'percent') return nf(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
	return nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Relative change as a signed percentage, or null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
	if (current === null || previous === null || previous === 0) return null;
	return ((current - previous) / Math.abs(previous)) * 100;
}

export function formatChange(change: number, locale: Locale): string {
	return nf(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(change) + '%';
}

export function formatDate(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${iso}T00:00:00Z`)
	);
}

export function formatMonth(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${iso}T00:00:00Z`)
	);
}
