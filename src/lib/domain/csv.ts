/**
 * CSV for exports (server and browser alike). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are neutralised by papaparse's escapeFormulae.
 */
import Papa from 'papaparse';

const OPTIONS = { escapeFormulae: true, newline: '\r\n' };

/**
 * `preamble`: lines said before the table (a chart's title, period, filters, source), one cell
 * each, then an empty line, so that a file opened on its own says what it holds.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], preamble: readonly string[] = []): string {
	const table = Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? '')) }, OPTIONS);
	if (!preamble.length) return table;
	return `${Papa.unparse(
		preamble.map((line) => [line]),
		OPTIONS
	)}\r\n\r\n${table}`;
}
