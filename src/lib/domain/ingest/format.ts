/**
 * Detection of how a CSV file is written, from its first bytes: encoding, delimiter, header,
 * date layout and number layout. The browser runs it on a slice of the file for the preview;
 * the server runs it again on the head of the upload and trusts only its own result, except
 * where the user corrected it.
 */
import Papa from 'papaparse';
import { dateFormatOf, type DateFormatId, type DecimalSeparator } from './values';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'windows-1251'];
export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many leading bytes detection looks at. */
export const SAMPLE_BYTES = 64 * 1024;
/** How many rows of the sample are parsed for the preview and the layouts. */
export const SAMPLE_ROWS = 200;

export interface CsvFormat {
	encoding: Encoding;
	delimiter: Delimiter;
	header: boolean;
	decimal: DecimalSeparator;
	/** Informational: dates in every accepted layout are read whatever this says. */
	dateFormat: DateFormatId | null;
	thousands: 'space' | 'nbsp' | 'none';
}

export type EncodingGuess = Encoding | 'binary' | 'utf-16';

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Drops an incomplete UTF-8 sequence cut by the end of the sample. */
function completeUtf8(bytes: Uint8Array): Uint8Array {
	let end = bytes.length;
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const b = bytes[end - back];
		if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		if (need > back) end -= back;
		break;
	}
	return bytes.subarray(0, end);
}

/** Whether the bytes read as Windows-1251 text: high bytes are Cyrillic letters or its punctuation. */
function looksLikeCp1251(bytes: Uint8Array): boolean {
	let high = 0;
	let cyrillic = 0;
	for (const b of bytes) {
		if (b < 0x80) continue;
		high++;
		// А–я, Ё ё, no-break space, « », №, dashes, typographic quotes.
		if (b >= 0xc0 || [0xa8, 0xb8, 0xa0, 0xab, 0xbb, 0xb9, 0x96, 0x97, 0x93, 0x94, 0x84].includes(b)) cyrillic++;
	}
	return high > 0 && cyrillic / high > 0.9;
}

/**
 * The encoding of a file from its first bytes (`complete`: the whole file is in them). Files
 * with NUL or many control bytes are binary; UTF-16 is recognised only to be refused.
 */
export function detectEncoding(bytes: Uint8Array, complete = bytes.length < SAMPLE_BYTES): EncodingGuess {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf-16';
	if (hasBom(bytes)) return 'utf-8-bom';
	let control = 0;
	for (const b of bytes) {
		if (b === 0) return 'binary';
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
	}
	if (control > bytes.length / 100) return 'binary';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(complete ? bytes : completeUtf8(bytes));
		return 'utf-8';
	} catch {
		return looksLikeCp1251(bytes) ? 'windows-1251' : 'binary';
	}
}

/** The sample as text: the BOM dropped, and cut after its last full line unless complete. */
export function decodeSample(bytes: Uint8Array, encoding: Encoding, complete: boolean): string {
	const body = encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
	const text = new TextDecoder(encoding === 'windows-1251' ? 'windows-1251' : 'utf-8').decode(
		complete || encoding === 'windows-1251' ? body : completeUtf8(body)
	);
	if (complete) return text;
	const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
	return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text;
}

const looksLikeValue = (cell: string) => /^[-+]?[\d\s\u00a0.,/:%]+$/.test(cell.trim()) && /\d/.test(cell);

/**
 * Whether the first row names the columns: no cell of it is a number or a date, and it is
 * not blank. A file whose first row holds figures has no header.
 */
export function detectHeader(rows: readonly string[][]): boolean {
	const [first] = rows;
	if (!first || first.every((c) => c.trim() === '')) return false;
	return !first.some(looksLikeValue);
}

export function detectDelimiter(text: string): Delimiter {
	const guess = Papa.parse<string[]>(text, { preview: 50, skipEmptyLines: true, delimitersToGuess: [...DELIMITERS] }).meta.delimiter;
	return (DELIMITERS as readonly string[]).includes(guess) ? (guess as Delimiter) : ',';
}

/** The most frequent date layout among the sample cells, if any. */
export function detectDateFormat(cells: Iterable<string>): DateFormatId | null {
	const counts = new Map<DateFormatId, number>();
	for (const cell of cells) {
		const id = dateFormatOf(cell);
		if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Decimal separator and thousands spacing from number-like cells: "1 234,5" or "12,50" mean a
 * decimal comma; "1,234.5" or "12.50" a decimal point. Without evidence, a `;` delimiter (the
 * Russian Excel export) implies a comma.
 */
export function detectNumberFormat(cells: Iterable<string>, delimiter: Delimiter): Pick<CsvFormat, 'decimal' | 'thousands'> {
	let comma = 0;
	let point = 0;
	let space = 0;
	let nbsp = 0;
	for (const raw of cells) {
		const cell = raw.trim();
		if (!/^-?[\d\s\u00a0\u202f\u2009.,]+$/.test(cell) || !/\d/.test(cell) || dateFormatOf(cell)) continue;
		if (/\d[\u00a0\u202f\u2009]\d/.test(cell)) nbsp++;
		else if (/\d \d/.test(cell)) space++;
		if (/,\d{1,2}$/.test(cell) || /\.\d{3}.*,/.test(cell)) comma++;
		else if (/\.\d{1,2}$/.test(cell) || /,\d{3}.*\./.test(cell)) point++;
	}
	const decimal: DecimalSeparator = comma > point ? ',' : point > comma ? '.' : delimiter === ';' ? ',' : '.';
	return { decimal, thousands: nbsp ? 'nbsp' : space ? 'space' : 'none' };
}

export interface Sample {
	format: CsvFormat;
	/** Column names (from the header, or "1", "2"… without one). */
	columns: string[];
	/** The first data rows, each padded or cut to the column count. */
	rows: string[][];
	/** Rows whose field count differs from the header's, by their index in `rows` order. */
	ragged: number;
}

export type SampleResult = { ok: true; sample: Sample } | { ok: false; reason: 'binary' | 'utf-16' | 'empty' };

/** Detects everything from the first bytes of a file; `override` holds the user's corrections. */
export function sampleFile(bytes: Uint8Array, complete: boolean, override: Partial<CsvFormat> = {}): SampleResult {
	const guess = override.encoding ?? detectEncoding(bytes, complete);
	if (guess === 'binary' || guess === 'utf-16') return { ok: false, reason: guess };
	const text = decodeSample(bytes, guess, complete);
	if (text.trim() === '') return { ok: false, reason: 'empty' };
	const delimiter = override.delimiter ?? detectDelimiter(text);
	const parsed = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS + 1, skipEmptyLines: 'greedy' }).data;
	const header = override.header ?? detectHeader(parsed);
	const width = parsed[0]?.length ?? 0;
	const columns = header ? parsed[0].map((c, i) => c.trim() || String(i + 1)) : parsed[0].map((_, i) => String(i + 1));
	const body = header ? parsed.slice(1) : parsed;
	const cells = body.flat();
	const numbers = detectNumberFormat(cells, delimiter);
	const format: CsvFormat = {
		encoding: guess,
		delimiter,
		header,
		decimal: override.decimal ?? numbers.decimal,
		thousands: override.thousands ?? numbers.thousands,
		dateFormat: override.dateFormat ?? detectDateFormat(cells)
	};
	const rows = body.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
	return { ok: true, sample: { format, columns, rows, ragged: body.filter((r) => r.length !== width).length } };
}
