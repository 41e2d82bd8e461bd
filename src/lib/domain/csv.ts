/**
 * CSV for exports (server and browser alike). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are neutralised by papaparse's escapeFormulae.
 */
import Papa from 'papaparse';

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
	return Papa.unparse(
		{ fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? '')) },
		{ escapeFormulae: true, newline: '\r\n' }
	);
}
