/**
 * The checks of the server (ingest/validate.ts, in SQL over the whole file) run in the browser
 * on the preview rows, so that a wrong mapping or layout shows before anything is sent.
 */
import { normalizeRegion } from '../regions';
import { CANONICAL_TABLES, type CanonicalKind } from '../schema';
import type { Mapping } from './mapping';
import type { Reject } from './reasons';
import { placeValue, type ValueCodes } from './value-codes';
import { DATE_RANGE, enumKey, parseDate, parseNumber, type DecimalSeparator } from './values';

/**
 * `firstLine`: the line of the first preview row in the file (2 after a header); `codes`: the
 * user's codes of values, which with the variants of labels are read as the server reads them.
 */
export function checkPreview(
	rows: readonly string[][],
	columns: readonly string[],
	mapping: Mapping,
	kind: CanonicalKind,
	decimal: DecimalSeparator,
	firstLine: number,
	codes: ValueCodes = {}
): Reject[] {
	const table = CANONICAL_TABLES[kind];
	const fields = new Map(table.fields.map((f) => [f.name, f]));
	const seen = new Map<string, number>();
	const out: Reject[] = [];
	rows.forEach((row, i) => {
		const line = firstLine + i;
		const typed: Record<string, string | number | null> = {};
		const problem = (column: string, value: string | null, reason: Reject['reason'], detail: string | null = null) =>
			out.push({ line, column, value, reason, detail });
		mapping.forEach((name, index) => {
			if (!name) return;
			const field = fields.get(name)!;
			const text = (row[index] ?? '').trim();
			const column = columns[index];
			if (!text) {
				if (field.required) problem(column, null, 'required');
				return;
			}
			switch (field.type) {
				case 'date': {
					const date = parseDate(text);
					if (!date) problem(column, text, 'bad_date');
					else if (date < DATE_RANGE.from || date > DATE_RANGE.to)
						problem(column, date, 'date_out_of_range', `${DATE_RANGE.from} – ${DATE_RANGE.to}`);
					typed[name] = date;
					break;
				}
				case 'decimal':
				case 'integer': {
					const value = parseNumber(text, decimal, field.type === 'integer');
					if (value === null) problem(column, text, field.type === 'integer' ? 'bad_integer' : 'bad_number');
					else if (value < 0) problem(column, text, 'negative');
					break;
				}
				case 'boolean':
					if (placeValue(field, text, codes[name]).code === null) problem(column, text, 'bad_boolean');
					break;
				case 'enum': {
					const value = placeValue(field, text, codes[name]).code;
					if (!value) problem(column, text, 'bad_enum', field.values!.map((v) => v.value).join(', '));
					typed[name] = value;
					break;
				}
				case 'region': {
					const given = codes.region?.[enumKey(text)];
					if (given) {
						typed[name] = given;
						break;
					}
					const match = normalizeRegion(text);
					if (!match.ok) problem(column, text, match.reason === 'ambiguous' ? 'ambiguous_region' : 'bad_region');
					typed[name] = match.ok ? match.code : null;
					break;
				}
				case 'string':
					typed[name] = text;
			}
		});
		const order = kind === 'cases' ? ['filed_date', 'decided_date'] : kind === 'court_stats' ? ['period_start', 'period_end'] : null;
		if (order && typed[order[0]] && typed[order[1]] && String(typed[order[1]]) < String(typed[order[0]])) {
			const column = columns[mapping.indexOf(order[1])];
			problem(
				column,
				String(typed[order[1]]),
				kind === 'cases' ? 'decided_before_filed' : 'period_end_before_start',
				String(typed[order[0]])
			);
		}
		const key = table.key.map((k) => typed[k] ?? '').join(' / ');
		if (table.key.every((k) => mapping.includes(k) || !fields.get(k)!.required) && typed[table.key[0]]) {
			const first = seen.get(key);
			if (first !== undefined)
				problem(
					table.key
						.map((k) => columns[mapping.indexOf(k)])
						.filter(Boolean)
						.join(' + '),
					key,
					'duplicate_in_file',
					String(first)
				);
			else seen.set(key, line);
		}
	});
	return out;
}
