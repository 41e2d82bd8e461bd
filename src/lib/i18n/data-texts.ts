/**
 * Words of the upload pipeline in the user's language: reject reasons, whole-file errors,
 * phases and dataset kinds. Used by the server (API errors, the rejects CSV, the CLI) and by
 * the pages alike, so that each thing is named the same way everywhere.
 */
import type { DatasetKind } from '../domain/ingest/mapping';
import type { ImportErrorCode, RejectReason } from '../domain/ingest/reasons';
import type { Locale } from '../domain/l10n';
import { CANONICAL_TABLES, type CanonicalKind } from '../domain/schema';
import * as m from '../paraglide/messages.js';
import { formatNumberIntl } from './intl';
import { unplacedColumnsText } from './mapping-texts';

type Options = { locale?: Locale };
type Detail = { detail: string };

const REASONS: Record<RejectReason, (inputs: Detail, options: Options) => string> = {
	required: m.rej_required,
	bad_date: m.rej_bad_date,
	date_out_of_range: m.rej_date_out_of_range,
	bad_number: m.rej_bad_number,
	bad_integer: m.rej_bad_integer,
	negative: m.rej_negative,
	bad_boolean: m.rej_bad_boolean,
	bad_enum: m.rej_bad_enum,
	bad_region: m.rej_bad_region,
	ambiguous_region: m.rej_ambiguous_region,
	decided_before_filed: m.rej_decided_before_filed,
	period_end_before_start: m.rej_period_end_before_start,
	stock_identity: m.rej_stock_identity,
	duplicate_in_file: m.rej_duplicate_in_file,
	duplicate_existing: m.rej_duplicate_existing,
	missing_columns: m.rej_missing_columns,
	too_many_columns: m.rej_too_many_columns,
	unquoted_value: m.rej_unquoted_value,
	invalid_encoding: m.rej_invalid_encoding,
	line_too_long: m.rej_line_too_long,
	unreadable_row: m.rej_unreadable_row
};

export function rejectText(reason: RejectReason, detail: string | null, locale?: Locale): string {
	return REASONS[reason]({ detail: detail ?? '' }, { locale });
}

export function formatBytes(bytes: number, locale: Locale): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	const power = Math.min(units.length - 1, Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)));
	return formatNumberIntl(bytes / 1024 ** power, locale, { style: 'unit', unit: units[power], maximumFractionDigits: 1 });
}

type Params = Record<string, string | number>;

/** The message for a refused file or request; `params` as the pipeline gave them. */
export function importErrorText(code: ImportErrorCode | 'origin' | 'unknown_job', params: Params, locale: Locale): string {
	const o = { locale };
	const s = (key: string) => String(params[key] ?? '');
	switch (code) {
		case 'binary':
			return params.line ? m.imp_err_binary_at({ line: s('line') }, o) : m.imp_err_binary({}, o);
		case 'utf_16':
			return m.imp_err_utf_16({}, o);
		case 'mixed_encoding':
			return m.imp_err_mixed_encoding({ line: s('line') }, o);
		case 'no_content_type':
			return m.imp_err_no_content_type({}, o);
		case 'empty':
			return m.imp_err_empty({}, o);
		case 'no_rows':
			return m.imp_err_no_rows({}, o);
		case 'too_large':
			return m.imp_err_too_large({ limit: formatBytes(Number(params.limit), locale) }, o);
		case 'missing_fields': {
			const fields = CANONICAL_TABLES[params.kind as CanonicalKind]?.fields ?? [];
			const names = s('fields')
				.split(', ')
				.map((name) => fields.find((f) => f.name === name)?.label[locale] ?? name);
			const unplaced = params.unplaced ? unplacedColumnsText(JSON.parse(s('unplaced')), params.kind as CanonicalKind, locale) : '';
			return [m.imp_err_missing_fields({ fields: names.join(', ') }, o), unplaced].filter(Boolean).join(' ');
		}
		case 'bad_options':
			return m.imp_err_bad_options({ detail: s('detail') }, o);
		case 'header_mismatch':
			return m.imp_err_header_mismatch({ columns: s('columns') }, o);
		case 'unknown_dataset':
			return m.imp_err_unknown_dataset({ id: s('id') }, o);
		case 'kind_mismatch':
			return m.imp_err_kind_mismatch({ kind: kindText(params.kind as DatasetKind, locale) }, o);
		case 'columns_mismatch':
			return m.imp_err_columns_mismatch({ columns: s('columns') }, o);
		case 'unreadable':
			return m.imp_err_unreadable({}, o);
		case 'rollback_invalid':
			return m.imp_err_rollback_invalid({ version: s('version') }, o);
		case 'rollback_conflict':
			return m.imp_err_rollback_conflict({ count: s('count') }, o);
		case 'interrupted':
			return m.imp_err_interrupted({}, o);
		case 'write_failed':
			return m.imp_err_write_failed({}, o);
		case 'too_many_columns':
			return m.imp_err_too_many_columns({ count: s('count'), max: s('max') }, o);
		case 'no_parquet':
			return m.imp_err_no_parquet({ folder: s('folder') }, o);
		case 'origin':
			return m.imp_err_origin({}, o);
		case 'unknown_job':
			return m.imp_err_unknown_job({}, o);
	}
}

export function kindText(kind: DatasetKind, locale?: Locale): string {
	const o = { locale };
	return { cases: m.kind_cases, fraud: m.kind_fraud, court_stats: m.kind_court_stats, other: m.kind_other }[kind]({}, o);
}

/**
 * A dataset's name to show. The demo datasets are named by the program, so they are named in
 * the reader's language; names given by people are shown as they were given.
 */
export function datasetName(dataset: { kind: DatasetKind; name: string; is_demo: boolean }, locale?: Locale): string {
	return dataset.is_demo ? m.demo_dataset_name({ kind: kindText(dataset.kind, locale) }, { locale }) : dataset.name;
}

export function phaseText(phase: 'receiving' | 'staging' | 'validating' | 'committing' | 'done', locale?: Locale): string {
	const o = { locale };
	return {
		receiving: m.phase_receiving,
		staging: m.phase_staging,
		validating: m.phase_validating,
		committing: m.phase_committing,
		done: m.phase_done
	}[phase]({}, o);
}
