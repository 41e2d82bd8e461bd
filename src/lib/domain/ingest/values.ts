/**
 * How cell text becomes typed values: the date formats, yes/no words, number layouts and enum
 * spellings accepted in uploaded files. The server turns these into SQL (ingest/convert.ts);
 * the browser uses the same rules to check a preview before sending.
 */
import type { EnumValue } from '../schema';

/** Accepted date layouts, as strptime patterns (DuckDB) and as regular expressions (preview). */
export const DATE_FORMATS = [
	{ id: 'dd.mm.yyyy', strptime: '%d.%m.%Y', pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
	{ id: 'yyyy-mm-dd', strptime: '%Y-%m-%d', pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
	{ id: 'dd/mm/yyyy', strptime: '%d/%m/%Y', pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' }
] as const;
export type DateFormatId = (typeof DATE_FORMATS)[number]['id'];

/** Excel often appends a midnight time to dates: "15.03.2024 0:00:00". */
export const DATE_TIME_SUFFIX = { strptime: ' %H:%M:%S', pattern: /\s+\d{1,2}:\d{2}(:\d{2})?$/ } as const;

/** Dates outside this range are refused as typing errors. */
export const DATE_RANGE = { from: '1990-01-01', to: `${new Date().getFullYear() + 1}-12-31` } as const;

export const TRUE_WORDS = ['true', '1', 'yes', 'y', 't', 'да', 'д', 'иә', 'ия', '+'] as const;
export const FALSE_WORDS = ['false', '0', 'no', 'n', 'f', 'нет', 'н', 'жоқ', '-'] as const;

export type DecimalSeparator = ',' | '.';

/** Spaces a spreadsheet may put between thousands: space, no-break space, narrow and thin ones. */
export const THOUSANDS_SPACES = ' \u00a0\u202f\u2009';
const SPACES_RE = new RegExp(`[${THOUSANDS_SPACES}]`, 'g');

/** Number text after spaces are removed: digits grouped by the other separator, or plain. */
export function numberPattern(decimal: DecimalSeparator, integer: boolean): string {
	const group = decimal === ',' ? '\\.' : ',';
	const fraction = integer ? '' : `(${decimal === ',' ? ',' : '\\.'}\\d+)?`;
	return `-?(\\d{1,3}(${group}\\d{3})+|\\d+)${fraction}`;
}

/** Parses number text as a spreadsheet in this layout writes it; null when it is not one. */
export function parseNumber(text: string, decimal: DecimalSeparator, integer = false): number | null {
	const compact = text.trim().replace(SPACES_RE, '');
	if (!new RegExp(`^${numberPattern(decimal, integer)}$`).test(compact)) return null;
	const group = decimal === ',' ? '.' : ',';
	const value = Number(compact.replaceAll(group, '').replace(',', '.'));
	return Number.isFinite(value) ? value : null;
}

/** ISO date (YYYY-MM-DD) of a cell in any accepted layout, or null. */
export function parseDate(text: string): string | null {
	const core = text.trim().replace(DATE_TIME_SUFFIX.pattern, '');
	for (const format of DATE_FORMATS) {
		const m = format.pattern.exec(core);
		if (!m) continue;
		const [y, mo, d] = format.order === 'ymd' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
		const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
		const date = new Date(`${iso}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
	}
	return null;
}

export function dateFormatOf(text: string): DateFormatId | null {
	const core = text.trim().replace(DATE_TIME_SUFFIX.pattern, '');
	return DATE_FORMATS.find((f) => f.pattern.test(core))?.id ?? null;
}

export function parseBoolean(text: string): boolean | null {
	const key = text.trim().toLowerCase();
	if ((TRUE_WORDS as readonly string[]).includes(key)) return true;
	if ((FALSE_WORDS as readonly string[]).includes(key)) return false;
	return null;
}

/**
 * The key enum values and their labels are compared on. SQL applies the same folding
 * (ingest/convert.ts `enumKeySql`): lower case, ё as е, runs of spaces as one.
 */
export function enumKey(text: string): string {
	return text.trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');
}

/** Every spelling an enum value is recognised by (its code and its labels) → the code. */
export function enumSpellings(values: readonly EnumValue[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const v of values) {
		for (const text of [v.value, v.label.ru, v.label.kk, v.label.en]) out.set(enumKey(text), v.value);
	}
	return out;
}
