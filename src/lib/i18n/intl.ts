/**
 * Numbers and dates in each language's conventions, written the same on the server (Node, full
 * ICU) and in every browser. Chromium builds ship ICU without Kazakh data and silently fall back
 * to English patterns ("2026 M09 30", "1,234.5", "4.5K") while still claiming to support kk-KZ;
 * so Kazakh is formatted from Russian data, which has the same separators (space grouping,
 * decimal comma), with Kazakh words and CLDR's Kazakh date order ("2026 ж. 30 қыркүйек").
 * Relative imports only: CLI scripts load this through tsx, without SvelteKit's $lib alias.
 */
import { INTL_TAG, type Locale } from '../domain/l10n';

const tag = (locale: Locale) => (locale === 'kk' ? INTL_TAG.ru : INTL_TAG[locale]);

/** Formatters are costly to create and pages format hundreds of values: one per locale and options. */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
	let f = formats.get(key) as T | undefined;
	if (!f) formats.set(key, (f = create()));
	return f;
}
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
	formatter(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag(locale), { ...options, timeZone: 'UTC' }));

export function formatNumberIntl(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
	const text = formatter(`number ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag(locale), options)).format(value);
	// CLDR Kazakh: "50%" without a space, and "мың" for thousands where Russian has "тыс.".
	return locale === 'kk' ? text.replace(/[\u00a0\u202f ]%/, '%').replace('тыс.', 'мың') : text;
}

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];

/** A calendar date (in UTC) with the month in words: "30 сентября 2026 г.", "2026 ж. 30 қыркүйек". */
export function formatLongDate(date: Date, locale: Locale): string {
	if (locale === 'kk') return `${date.getUTCFullYear()} ж. ${date.getUTCDate()} ${KK_MONTHS[date.getUTCMonth()]}`;
	return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A month (in UTC), short: "сент. 2026 г.", "2026 ж. қыр.", "Sept 2026". */
export function formatMonthYear(date: Date, locale: Locale): string {
	if (locale === 'kk') return `${date.getUTCFullYear()} ж. ${KK_MONTHS_SHORT[date.getUTCMonth()]}`;
	return dateFormat(locale, { month: 'short', year: 'numeric' }).format(date);
}

/** A moment (in UTC) as short date and time: "01.12.2026, 13:20", "01/12/2026, 13:20". */
export function formatDateTime(date: Date, locale: Locale): string {
	return dateFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}
