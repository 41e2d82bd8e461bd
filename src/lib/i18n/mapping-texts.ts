/**
 * What an import says about the headers and values it read loosely or could not place, each
 * with the CLI flag that fixes it. Shared by the refusal message, the CLI and the upload page.
 */
import { valueFlag, codesOf, type ValueInFile } from '../domain/ingest/value-codes';
import type { Locale } from '../domain/l10n';
import { CANONICAL_TABLES, type CanonicalKind } from '../domain/schema';
import * as m from '../paraglide/messages.js';
import { formatNumberIntl } from './intl';

const mapFlag = (column: string, field: string) => `--map ${JSON.stringify(`${column}=${field}`)}`;

export function fieldLabel(kind: CanonicalKind, name: string, locale: Locale): string {
	return CANONICAL_TABLES[kind].fields.find((f) => f.name === name)?.label[locale] ?? name;
}

/** The name of a field's code in the reader's language ("Удовлетворено", "Да", "Жамбылская область"). */
export function codeLabel(kind: CanonicalKind, fieldName: string, code: string, locale: Locale): string {
	const field = CANONICAL_TABLES[kind].fields.find((f) => f.name === fieldName);
	if (field?.type === 'boolean') return code === 'true' ? m.map_yes({}, { locale }) : m.map_no({}, { locale });
	return (field && codesOf(field).find((c) => c.code === code)?.label[locale]) ?? code;
}

/** Columns without a field, for a refusal that names the missing fields: "«X» looks like «Y»: --map …". */
export function unplacedColumnsText(
	unplaced: { column: string; suggestion: string | null }[],
	kind: CanonicalKind,
	locale: Locale
): string {
	if (!unplaced.length) return '';
	const o = { locale };
	const list = unplaced.map((u) =>
		u.suggestion
			? m.map_column_looks_like(
					{ column: u.column, field: fieldLabel(kind, u.suggestion, locale), flag: mapFlag(u.column, u.suggestion) },
					o
				)
			: m.map_column_free({ column: u.column, flag: mapFlag(u.column, 'FIELD') }, o)
	);
	return m.map_unplaced_columns({ list: list.join('; ') }, o);
}

export interface HeaderLine {
	column: string;
	field: string | null;
	how: string | null;
	suggestion: string | null;
}

/** Lines on the columns read by a variant of their name and those left out. */
export function headerLines(headers: readonly HeaderLine[], kind: CanonicalKind, locale: Locale): string[] {
	const o = { locale };
	return headers.flatMap((h) => {
		if (h.field && h.how === 'variant')
			return [m.map_header_variant({ column: h.column, field: fieldLabel(kind, h.field, locale), flag: mapFlag(h.column, 'FIELD') }, o)];
		if (!h.field && h.suggestion)
			return [
				m.map_header_skipped_like(
					{ column: h.column, field: fieldLabel(kind, h.suggestion, locale), flag: mapFlag(h.column, h.suggestion) },
					o
				)
			];
		if (!h.field) return [m.map_header_skipped({ column: h.column }, o)];
		return [];
	});
}

/** Lines on the values read as variants and those not recognised, with the --values flag for each. */
export function valueLines(values: readonly ValueInFile[], kind: CanonicalKind, locale: Locale, max = 50): string[] {
	const o = { locale };
	const lines = values.map((v) => {
		const count = formatNumberIntl(v.count, locale);
		if (v.code !== null)
			return m.map_value_variant(
				{ column: v.column, text: v.text, count, label: codeLabel(kind, v.field, v.code, locale), code: v.code },
				o
			);
		if (v.suggestion)
			return m.map_value_unplaced_like(
				{
					column: v.column,
					text: v.text,
					count,
					label: codeLabel(kind, v.field, v.suggestion, locale),
					flag: valueFlag(v.field, v.text, v.suggestion)
				},
				o
			);
		return m.map_value_unplaced({ column: v.column, text: v.text, count, flag: valueFlag(v.field, v.text, 'CODE') }, o);
	});
	return lines.length > max ? [...lines.slice(0, max), m.map_values_more({ count: lines.length - max, n: lines.length - max }, o)] : lines;
}

/** Everything an import outcome says about its headers and values, for the CLI. */
export function mappingLines(
	outcome: { kind: string; headers: readonly HeaderLine[]; values: readonly ValueInFile[] },
	locale: Locale
): string[] {
	if (outcome.kind === 'other') return [];
	const kind = outcome.kind as CanonicalKind;
	return [...headerLines(outcome.headers, kind, locale), ...valueLines(outcome.values, kind, locale)];
}
