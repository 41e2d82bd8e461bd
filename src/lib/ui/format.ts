/** Numbers and dates as each language writes them (Intl, see i18n/intl.ts), with the catalog's units. */
import type { Grain, Unit } from '$lib/domain/catalog';
import type { ChangeScale, Comparison } from '$lib/domain/comparison';
import type { Locale } from '$lib/domain/l10n';
import { bucketEnd, bucketStart, type Period } from '$lib/domain/period';
import { hiddenReason } from '$lib/i18n/hidden-texts';
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

/** The word of a unit said once beside bare numbers (a legend's classes), or null where the number says it (%, counts, ratios). */
export function unitWord(unit: Unit, locale: Locale): string | null {
	switch (unit) {
		case 'days':
			return m.unit_days({}, { locale });
		case 'kzt':
			return m.unit_kzt({}, { locale });
		case 'per100k':
			return m.unit_per100k({}, { locale });
		case 'per_judge_month':
			return m.unit_per_judge_month({}, { locale });
		default:
			return null;
	}
}

/** A value as a bare number with `digits` decimals: without its unit word (unitWord), a percent without its sign, amounts compact ("1,2 млн"). */
export function formatBare(value: number, unit: Unit, locale: Locale, digits: number): string {
	if (unit === 'kzt')
		return nf(locale, { notation: 'compact', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
	return formatNumber(value, locale, digits);
}

/** Short axis labels: compact numbers, percents without decimals unless `digits` asks for them. */
export function formatTick(value: number, unit: Unit, locale: Locale, digits?: number): string {
	if (unit === 'percent') return formatShare(value / 100, locale, digits ?? 0);
	return nf(locale, { notation: 'compact', maximumFractionDigits: digits ?? 1 }).format(value);
}

/** A bucket of a series by its first day: "сент. 2026 г." for a month, "III кв. 2026" for a quarter, "2026" for a year. */
export function formatBucket(iso: string, grain: Grain, locale: Locale): string {
	if (grain === 'year') return iso.slice(0, 4);
	if (grain === 'quarter') return m.ov_period_quarter({ year: iso.slice(0, 4), quarter: Math.floor(+iso.slice(5, 7) / 3) + 1 }, { locale });
	return formatMonth(iso, locale);
}

/** A signed change: "+1,2 п.п." for a rate or share, "+12,3 %" for a count or amount. */
export function formatChange(change: number, scale: ChangeScale, locale: Locale): string {
	if (scale === 'points') {
		const points = nf(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(change);
		return m.change_points({ points }, { locale });
	}
	return nf(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
		change / 100
	);
}

/**
 * A period named shortly: "2025", "3 кв. 2025", "сент. 2025 г.", "окт. 2024 г. – сент. 2025 г.";
 * days only when it does not start or end with a month.
 */
export function formatPeriod(p: Period, locale: Locale): string {
	const wholeMonths = p.from === bucketStart(p.from, 'month') && p.to === bucketEnd(p.to, 'month');
	if (!wholeMonths) return `${formatDate(p.from, locale)} – ${formatDate(p.to, locale)}`;
	for (const grain of ['year', 'quarter', 'month'] as const) {
		if (p.from === bucketStart(p.from, grain) && p.to === bucketEnd(p.from, grain)) return formatBucket(p.from, grain, locale);
	}
	return `${formatMonth(p.from, locale)} – ${formatMonth(p.to, locale)}`;
}

/** The comparison with the same period a year earlier in words: the change against that named period, or why none is shown. */
export function comparisonText(comparison: Comparison, previous: Period, locale: Locale): string {
	if (comparison.comparable) {
		return m.kpi_vs_period(
			{ change: formatChange(comparison.change, comparison.scale, locale), period: formatPeriod(previous, locale) },
			{ locale }
		);
	}
	switch (comparison.reason) {
		case 'no_data':
			return m.kpi_no_comparison_data({ period: formatPeriod(previous, locale) }, { locale });
		case 'hidden':
			return m.kpi_not_comparable_hidden({}, { locale });
		case 'provisional':
			return m.kpi_not_comparable_provisional({}, { locale });
		case 'before_data':
			return m.kpi_not_comparable_before_data({ month: formatMonth(comparison.dataFrom, locale) }, { locale });
		case 'incomplete':
			return m.kpi_not_comparable_incomplete({ month: formatMonth(comparison.dataFrom, locale) }, { locale });
		case 'small_base':
			return m.kpi_not_comparable_small_base({ n: comparison.min }, { locale });
	}
}

/** Why a figure is "no data", in words (the reasons of the metrics layer). */
export function missingText(reason: string, locale: Locale): string {
	return reason === 'form_periods' ? m.missing_form_periods({}, { locale }) : m.missing_no_data({}, { locale });
}

/** The state of one figure of a chart or table, as far as it is not a plain value. */
export interface FigureState {
	value: number | null;
	missing?: string | null;
	provisional?: boolean;
	suppressed?: boolean;
	/** Why a suppressed figure is hidden when not for resting on few records (domain/figures.ts HiddenReason). */
	hidden?: string | null;
	partial?: boolean;
}

export { hiddenReason };

/** How a figure hidden from the viewer reads: "<5", or why else it is hidden (one record's value, to protect another). */
export function hiddenText(f: { hidden?: string | null }, minCount: number, locale: Locale): string {
	return hiddenReason(f.hidden, locale) ?? m.suppressed_count({ min: minCount }, { locale });
}

/**
 * A figure of a table, a tooltip or a CSV in words: its value with what qualifies it
 * ("412 (предварительно)"), or why there is none ("нет данных: …", "скрыто: менее 5 записей").
 */
export function figureText(f: FigureState, unit: Unit, locale: Locale, minCount: number): string {
	if (f.suppressed) return hiddenText(f, minCount, locale);
	if (f.value === null) return f.missing ? missingText(f.missing, locale) : m.no_data({}, { locale });
	const notes = [f.provisional ? m.figure_provisional({}, { locale }) : null, f.partial ? m.chart_partial({}, { locale }) : null];
	const said = notes.filter((n) => n !== null);
	return said.length ? `${formatValue(f.value, unit, locale)} (${said.join(', ')})` : formatValue(f.value, unit, locale);
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
