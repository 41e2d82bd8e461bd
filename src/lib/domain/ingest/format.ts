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
/** A header line longer than the sample is read on to its end, up to this many bytes. */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;
/**
 * Widest file accepted. Typing and storing a column costs a few statements, so a file of
 * thousands of columns would hold the import queue for minutes; tables that wide are exports
 * gone wrong rather than datasets.
 */
export const MAX_COLUMNS = 1000;
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

export type EncodingGuess = Encoding | 'binary' | 'utf-16' | 'mixed';

/** Whether the bytes hold a line break: a header line is complete once they do. */
export function hasLineBreak(bytes: Uint8Array): boolean {
	return bytes.includes(0x0a) || bytes.includes(0x0d);
}

/**
 * Where UTF-8 reading of the bytes fails (an index, or null when it does not) and how many
 * well-formed multi-byte characters come before: text in two encodings has both.
 */
export function utf8Check(bytes: Uint8Array): { invalidAt: number | null; multibyte: number } {
	let multibyte = 0;
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (need < 0) return { invalidAt: i, multibyte };
		if (i + need >= bytes.length && need > 0) return { invalidAt: null, multibyte }; // cut by the end of the sample
		for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return { invalidAt: i, multibyte };
		if (need) multibyte++;
		i += need + 1;
	}
	return { invalidAt: null, multibyte };
}

/** The 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

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
	const { invalidAt, multibyte } = utf8Check(complete ? bytes : completeUtf8(bytes));
	if (invalidAt === null) return 'utf-8';
	if (looksLikeCp1251(bytes)) return 'windows-1251';
	// Well-formed UTF-8 letters before a byte that is not: lines saved in two encodings.
	return multibyte > 0 ? 'mixed' : 'binary';
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

export type SampleResult =
	| { ok: true; sample: Sample }
	| { ok: false; reason: 'binary' | 'utf-16' | 'empty' }
	| { ok: false; reason: 'mixed_encoding'; line: number };

/** Detects everything from the first bytes of a file; `override` holds the user's corrections. */
export function sampleFile(bytes: Uint8Array, complete: boolean, override: Partial<CsvFormat> = {}): SampleResult {
	const guess = override.encoding ?? detectEncoding(bytes, complete);
	if (guess === 'binary' || guess === 'utf-16') return { ok: false, reason: guess };
	if (guess === 'mixed') return { ok: false, reason: 'mixed_encoding', line: lineAt(bytes, utf8Check(bytes).invalidAt ?? 0) };
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
