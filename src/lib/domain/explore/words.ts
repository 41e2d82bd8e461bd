/**
 * Words real spreadsheets use around their figures: month names (Russian, Kazakh, English),
 * the labels of total rows, and headers that name a year, month or day column.
 */

/** Three-letter starts of month names, unique across the three languages, → month number. */
export const MONTH_PREFIXES: Readonly<Record<string, number>> = {
	// Russian (май and мая share "ма" + й/я)
	янв: 1,
	фев: 2,
	мар: 3,
	апр: 4,
	май: 5,
	мая: 5,
	июн: 6,
	июл: 7,
	авг: 8,
	сен: 9,
	окт: 10,
	ноя: 11,
	дек: 12,
	// Kazakh
	қаң: 1,
	ақп: 2,
	нау: 3,
	сәу: 4,
	мам: 5,
	мау: 6,
	шіл: 7,
	там: 8,
	қыр: 9,
	қаз: 10,
	қар: 11,
	жел: 12,
	// English
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	oct: 10,
	nov: 11,
	dec: 12
};

/** The month a word names ("янв", "Январь", "қаңтар", "Jan."), or null. */
export function monthOfName(word: string): number | null {
	const w = word.trim().toLowerCase().replace(/\.$/, '');
	if (w.length < 3 || w.length > 10 || !/^\p{L}+$/u.test(w)) return null;
	return MONTH_PREFIXES[w.slice(0, 3)] ?? null;
}

/** Cell text folded for comparing labels: lower case, ё as е, punctuation and spaces as one space. */
export function labelKey(text: string): string {
	return text
		.toLowerCase()
		.replaceAll('ё', 'е')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** Whole labels of a total row (after `labelKey`). */
export const TOTAL_LABELS: readonly string[] = [
	'итого',
	'всего',
	'total',
	'totals',
	'grand total',
	'all',
	'барлыгы',
	'барлығы',
	'жиыны',
	'барлык',
	'казахстан',
	'қазақстан',
	'kazakhstan',
	'рк',
	'по рк',
	'республика',
	'по республике',
	'республика казахстан',
	'республика бойынша',
	'қазақстан республикасы',
	'республика в целом',
	'republic of kazakhstan',
	'kazakhstan total'
];

/** Starts of labels that mark a total row ("Итого по области", "Всего:", "Total, all courts"). */
export const TOTAL_PREFIXES: readonly string[] = ['итого ', 'всего ', 'total ', 'барлығы ', 'барлыгы ', 'жиыны '];

export function isTotalLabel(text: string): boolean {
	const key = labelKey(text);
	return TOTAL_LABELS.includes(key) || TOTAL_PREFIXES.some((p) => key.startsWith(p));
}

export type TimePart = 'year' | 'month' | 'day';

const TIME_HEADERS: Record<TimePart, readonly string[]> = {
	year: ['year', 'yr', 'год', 'года', 'жыл', 'жылы', 'fiscal year', 'fy', 'отчетный год'],
	month: ['month', 'mon', 'месяц', 'мес', 'ай', 'айы', 'отчетный месяц'],
	day: ['day', 'день', 'число', 'күн', 'күні']
};

/** Which part of a date a column's header names, if any ("Год", "Month", "Жылы"). */
export function timePartOfHeader(header: string): TimePart | null {
	const key = labelKey(header);
	for (const part of ['year', 'month', 'day'] as const) if (TIME_HEADERS[part].includes(key)) return part;
	return null;
}
