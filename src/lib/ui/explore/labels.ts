/** Names on the dashboard of an "other" dataset: column types, aggregates, grains, group keys, figures. */
import type { Aggregate, ColumnType, Grain, OtherColumn } from '$lib/domain/explore';
import type { MeasureOption, TimeOption } from '$lib/domain/explore/model';
import { EMPTY_KEY } from '$lib/domain/explore/request';
import type { Locale } from '$lib/domain/l10n';
import { regionByCode } from '$lib/domain/regions';
import { formatNumberIntl } from '$lib/i18n/intl';
import * as m from '$lib/paraglide/messages';
import { formatMonth, formatValue } from '$lib/ui/format';

export const TYPE_NAMES: Record<ColumnType, () => string> = {
	date: m.type_date,
	period: m.type_period,
	year: m.type_year,
	month: m.type_month,
	day: m.type_day,
	number: m.type_number,
	percent: m.type_percent,
	boolean: m.type_boolean,
	region: m.type_region,
	text: m.type_text
};

export const AGGREGATE_NAMES: Record<Aggregate, () => string> = {
	count: m.measure_count,
	sum: m.measure_sum,
	avg: m.measure_avg,
	median: m.measure_median,
	min: m.measure_min,
	max: m.measure_max
};

export const GRAIN_NAMES: Record<Grain, () => string> = { month: m.grain_month, quarter: m.grain_quarter, year: m.grain_year };

const monthName = (month: number, locale: Locale) =>
	new Intl.DateTimeFormat(locale === 'kk' ? 'kk-KZ' : locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

/** A period (its first day, ISO) as its grain names it: "2024", "I кв. 2024", "март 2024". */
export function periodLabel(iso: string, grain: Grain, locale: Locale): string {
	const year = iso.slice(0, 4);
	if (grain === 'year') return year;
	if (grain === 'quarter') return `Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1} ${year}`;
	return formatMonth(iso.slice(0, 10), locale);
}

/** A group's key (as the API gives it) in words for a column of this type. */
export function groupLabel(key: string, type: ColumnType, locale: Locale): string {
	if (key === EMPTY_KEY) return type === 'region' ? m.dash_unrecognised_value() : m.dash_empty_value();
	switch (type) {
		case 'region':
			return regionByCode(key)?.name[locale] ?? key;
		case 'boolean':
			return key === 'true' ? m.dash_yes() : m.dash_no();
		case 'month':
			return monthName(Number(key), locale);
		case 'date':
		case 'period':
			return key.slice(0, 10);
		case 'number':
		case 'percent':
		case 'day':
			return formatNumberIntl(Number(key), locale, { maximumFractionDigits: 6 });
		default:
			return key;
	}
}

/** A measure's name: "Сумма «Поступило»", "Число строк". */
export function measureName(measure: MeasureOption, aggregate: Aggregate, columns: readonly OtherColumn[]): string {
	if (measure.column === null) return m.dash_rows();
	const column = columns.find((c) => c.position === measure.column)?.name ?? '';
	return `${AGGREGATE_NAMES[aggregate]()} «${column}»`;
}

export function timeName(time: TimeOption, columns: readonly OtherColumn[]): string {
	return time.columns.map((p) => columns.find((c) => c.position === p)?.name ?? '').join(' + ');
}

/** A figure in the measure's unit: whole sums without decimals, averages with up to two, percents as such. */
export function figure(value: number | null, unit: 'count' | 'percent' | 'ratio', locale: Locale): string {
	if (unit === 'ratio' && value !== null && Number.isFinite(value)) {
		return formatNumberIntl(value, locale, { maximumFractionDigits: 2 });
	}
	return formatValue(value, unit, locale);
}

/** The change from the period before: relative for amounts, in percentage points for percents. */
export function changeText(
	current: number | null,
	previous: number | null,
	percent: boolean,
	period: string,
	locale: Locale
): string | null {
	if (current === null || previous === null) return null;
	const signed = (x: number, digits: number) =>
		formatNumberIntl(x, locale, { signDisplay: 'exceptZero', maximumFractionDigits: digits, minimumFractionDigits: digits });
	if (percent) return m.dash_change_pp({ change: signed(current - previous, 1), period });
	if (previous === 0) return null;
	return m.dash_change({ change: `${signed(((current - previous) / Math.abs(previous)) * 100, 1)}%`, period });
}
