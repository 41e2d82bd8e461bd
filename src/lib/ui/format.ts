/** Numbers and dates as each language writes them (Intl, see i18n/intl.ts), with the catalog's units. */
import type { Unit } from '$lib/domain/catalog';
import type { Locale } from '$lib/domain/l10n';
import { formatLongDate, formatMonthYear, formatNumberIntl } from '$lib/i18n/intl';
import * as m from '$lib/paraglide/messages';

const nf = (locale: Locale, options: Intl.NumberFormatOptions) => ({
	format: (value: number) => formatNumberIntl(value, locale, options)
});

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
			return formatShare(value / 100, locale, 1);
		case 'days':
			return `${formatNumber(value, locale)} ${m.unit_days({}, { locale })}`;
		case 'ratio':
			return formatNumber(value, locale, 2);
		case 'kzt':
			return `${nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)} ${m.unit_kzt({}, { locale })}`;
		case 'per100k':
			return `${formatNumber(value, locale, 1)} ${m.unit_per100k({}, { locale })}`;
		case 'per_judge_month':
			return `${formatNumber(value, locale, 1)} ${m.unit_per_judge_month({}, { locale })}`;
	}
}

/** Short axis labels: compact numbers, percents without decimals. */
export function formatTick(value: number, unit: Unit, locale: Locale): string {
	if (unit === 'percent') return formatShare(value / 100, locale);
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

/** A share (0.25) as a percentage ("25 %", "25%"). */
export function formatShare(fraction: number, locale: Locale, digits = 0): string {
	return nf(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction);
}

export function formatDate(iso: string, locale: Locale): string {
	return formatLongDate(new Date(`${iso}T00:00:00Z`), locale);
}

export function formatMonth(iso: string, locale: Locale): string {
	return formatMonthYear(new Date(`${iso}T00:00:00Z`), locale);
}
