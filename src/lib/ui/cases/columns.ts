/** Headers and cell text of record lists: field names from the schema, values by their dimension. */
import type { DimensionId } from '$lib/domain/catalog';
import { tr, type Locale } from '$lib/domain/l10n';
import { valueLabel } from '$lib/domain/labels';
import { CASE_FIELDS, FRAUD_FIELDS } from '$lib/domain/schema';
import * as m from '$lib/paraglide/messages';
import { formatDate, formatNumber } from '../format';

/** Columns whose codes are values of a dimension (court_id is the court dimension's column). */
const DIMENSION_OF: Record<string, DimensionId> = {
	region: 'region',
	court_id: 'court',
	instance: 'instance',
	case_type: 'case_type',
	category: 'category',
	outcome: 'outcome',
	review_outcome: 'outcome',
	scheme: 'scheme',
	channel: 'channel',
	status: 'status',
	victim_age_group: 'victim_age_group'
};

export function columnLabel(column: string, locale: Locale): string {
	if (column === 'review_decided_date') return m.ov_col_review_decided();
	if (column === 'review_outcome') return m.ov_col_review_outcome();
	const field = [...CASE_FIELDS, ...FRAUD_FIELDS].find((f) => f.name === column);
	return field ? tr(field.label, locale) : column;
}

export function cellText(column: string, value: unknown, locale: Locale): string {
	if (value === null || value === undefined || value === '') return '—';
	if (column.endsWith('_date')) return formatDate(String(value), locale);
	if (typeof value === 'number') return formatNumber(value, locale);
	const dim = DIMENSION_OF[column];
	return dim ? valueLabel(dim, String(value), locale) : String(value);
}
