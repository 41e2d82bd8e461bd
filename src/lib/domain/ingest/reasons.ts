/** Why a row of an uploaded file was rejected: codes stored with each reject, named in the UI. */
export const REJECT_REASONS = [
	'required',
	'bad_date',
	'date_out_of_range',
	'bad_number',
	'bad_integer',
	'negative',
	'bad_boolean',
	'bad_enum',
	'bad_region',
	'ambiguous_region',
	'decided_before_filed',
	'period_end_before_start',
	'stock_identity',
	'duplicate_in_file',
	'duplicate_existing',
	'missing_columns',
	'too_many_columns',
	'unquoted_value',
	'invalid_encoding',
	'line_too_long',
	'unreadable_row'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** One problem of one row; `line` is the line of the file where the row starts. */
export interface Reject {
	line: number | null;
	/** The file's own header text of the column, when the problem is in one cell. */
	column: string | null;
	value: string | null;
	reason: RejectReason;
	/** Allowed values, the first line of a duplicate, the expected field count… */
	detail: string | null;
}

/** Why a whole file or request was refused, before or instead of rows being checked. */
export const IMPORT_ERRORS = [
	'binary',
	'utf_16',
	'empty',
	'no_rows',
	'too_large',
	'missing_fields',
	'bad_options',
	'header_mismatch',
	'unknown_dataset',
	'kind_mismatch',
	'columns_mismatch',
	'unreadable',
	'rollback_invalid',
	'rollback_conflict',
	'interrupted',
	'write_failed',
	'no_parquet',
	'too_many_columns',
	'mixed_encoding',
	'no_content_type'
] as const;
export type ImportErrorCode = (typeof IMPORT_ERRORS)[number];
