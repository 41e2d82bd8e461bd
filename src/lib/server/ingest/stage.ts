/**
 * Staging: DuckDB reads the prepared file (all columns as text, explicit options, nothing
 * guessed) into a temporary table of the import's connection. Canonical imports get each mapped
 * field as a typed value plus the original text of cells that could not be read; "other"
 * imports keep the text as it is. Rows DuckDB cannot split into the header's columns land in
 * the rejects with their line.
 */
import type { FieldSpec } from '../../domain/schema';
import type { CsvFormat } from '../../domain/ingest/format';
import type { RejectReason } from '../../domain/ingest/reasons';
import type { ValueCodes } from '../../domain/ingest/value-codes';
import { listValue } from '@duckdb/node-api';
import { Binder } from '../db/binder';
import { insertRows } from '../db/directories';
import type { Connection } from '../db/database';
import { ImportError, isWriteFailure } from './errors';
import { PARSED_TYPES, textSql, typedSql } from './convert';
import { MAX_RECORD_BYTES, type PreparedFile } from './prepare';

/** Temporary tables of an import's connection; fixed names, as a connection runs one import at a time. */
export const STAGE = 'ingest_stage';
export const REJECTS = 'ingest_rejects';
const READ_ERRORS = 'ingest_read_errors';
const READ_SCANS = 'ingest_read_scans';

/** Physical name of the file's n-th column (0-based) in staging and in "other" tables. */
export const columnName = (index: number) => `c${index + 1}`;

/** A mapped field: which column of the file holds it. */
export interface FieldSource {
	field: FieldSpec;
	index: number;
	/** The file's header text for that column, as reported in rejects. */
	header: string;
}

const READ_ERROR_REASONS: Record<string, RejectReason> = {
	'MISSING COLUMNS': 'missing_columns',
	'TOO MANY COLUMNS': 'too_many_columns',
	'UNQUOTED VALUE': 'unquoted_value',
	'INVALID UNICODE': 'invalid_encoding',
	'INVALID ENCODING': 'invalid_encoding',
	'LINE SIZE OVER MAXIMUM': 'line_too_long'
};

function readCsvSql(file: PreparedFile, width: number, p: Binder): string {
	const columns = ['line', ...Array.from({ length: width }, (_, i) => columnName(i))]
		.map((name, i) => `'${name}': '${i === 0 ? 'BIGINT' : 'VARCHAR'}'`)
		.join(', ');
	const { delimiter, header } = file.sample.format;
	return `read_csv(${p.bind(file.path)}, header = ${header}, auto_detect = false, delim = ${p.bind(delimiter)},
		quote = '"', escape = '"', new_line = '\\n', allow_quoted_nulls = false, columns = {${columns}}, max_line_size = ${MAX_RECORD_BYTES},
		store_rejects = true, rejects_table = '${READ_ERRORS}', rejects_scan = '${READ_SCANS}')`;
}

async function createRejects(conn: Connection): Promise<void> {
	await conn.run(
		`CREATE OR REPLACE TEMP TABLE ${REJECTS} (line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR)`
	);
	await conn.run(`DROP TABLE IF EXISTS ${READ_ERRORS}`);
	await conn.run(`DROP TABLE IF EXISTS ${READ_SCANS}`);
}

/**
 * Rows DuckDB refused while reading (once per row and problem: it reports a missing column
 * each); the line comes from the number the prepare step put first.
 */
async function collectReadErrors(conn: Connection, format: CsvFormat, width: number): Promise<void> {
	const p = new Binder();
	const delim = p.bind(format.delimiter);
	const reasons = Object.entries(READ_ERROR_REASONS)
		.map(([type, reason]) => `WHEN ${p.bind(type)} THEN ${p.bind(reason)}`)
		.join(' ');
	await conn.run(
		`INSERT INTO ${REJECTS}
		SELECT DISTINCT coalesce(TRY_CAST(split_part(csv_line, ${delim}, 1) AS BIGINT), line), NULL,
			left(substr(csv_line, strpos(csv_line, ${delim}) + 1), 500),
			CASE error_type ${reasons} ELSE ${p.bind('unreadable_row')} END, ${p.bind(String(width))}
		FROM ${READ_ERRORS}`,
		p.values
	);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Records longer than the reader takes are refused with their line and length, whatever the
 * reader made of them (past its buffer it drops them without a word).
 */
async function rejectLongRecords(conn: Connection, file: PreparedFile): Promise<void> {
	if (!file.longRecords.length) return;
	const p = new Binder();
	const lines = p.bind(listValue(file.longRecords.map((r) => r.line)));
	await conn.run(`DELETE FROM ${STAGE} WHERE list_contains(${lines}, line)`, p.values);
	await conn.run(`DELETE FROM ${REJECTS} WHERE list_contains(${lines}, line)`, p.values);
	const rows = file.longRecords.map((r) => [r.line, null, null, 'line_too_long', `${megabytes(r.bytes)} > ${megabytes(MAX_RECORD_BYTES)}`]);
	await insertRows(conn, REJECTS, ['line', 'column_name', 'value', 'reason', 'detail'], rows);
}

async function read(conn: Connection, sql: string, params: Binder['values']): Promise<void> {
	try {
		await conn.run(sql, params);
	} catch (error) {
		// What DuckDB could not read even with rejects stored: reported whole, its text logged only.
		console.error('staging failed:', error);
		throw new ImportError(isWriteFailure(error) ? 'write_failed' : 'unreadable');
	}
}

/**
 * Stages a canonical import: `line`, then per mapped field its typed value and `bad_<field>`;
 * `codes` are the user's codes of values (value-codes.ts).
 */
export async function stageCanonical(
	conn: Connection,
	file: PreparedFile,
	sources: readonly FieldSource[],
	codes: ValueCodes = {}
): Promise<void> {
	await createRejects(conn);
	const p = new Binder();
	const width = file.sample.columns.length;
	const text = sources.map((s) => `${textSql(columnName(s.index))} AS t_${s.field.name}`);
	const typed = sources.map(
		(s) => `${typedSql(s.field.type, s.field, `t_${s.field.name}`, file.sample.format.decimal, p, codes[s.field.name])} AS ${s.field.name}`
	);
	const bad = sources
		.filter((s) => PARSED_TYPES.has(s.field.type))
		.map((s) => `CASE WHEN t_${s.field.name} IS NOT NULL AND ${s.field.name} IS NULL THEN t_${s.field.name} END AS bad_${s.field.name}`);
	const names = sources.map((s) => s.field.name);
	await read(
		conn,
		`CREATE OR REPLACE TEMP TABLE ${STAGE} AS
		SELECT line, ${[...names, ...bad].join(', ')} FROM (
			SELECT line, ${sources.map((s) => `t_${s.field.name}`).join(', ')}, ${typed.join(', ')}
			FROM (SELECT line, ${text.join(', ')} FROM ${readCsvSql(file, width, p)})
		)`,
		p.values
	);
	await collectReadErrors(conn, file.sample.format, width);
	await rejectLongRecords(conn, file);
}

/** Stages an "other" import: `line`, then every column's text exactly as in the file. */
export async function stageText(conn: Connection, file: PreparedFile): Promise<void> {
	await createRejects(conn);
	const p = new Binder();
	const width = file.sample.columns.length;
	await read(conn, `CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * FROM ${readCsvSql(file, width, p)}`, p.values);
	await collectReadErrors(conn, file.sample.format, width);
	await rejectLongRecords(conn, file);
}

/** Drops the connection's temporary tables once the import is over. */
export async function dropStage(conn: Connection): Promise<void> {
	for (const table of [STAGE, REJECTS, READ_ERRORS, READ_SCANS, 'ingest_region_map']) {
		await conn.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
	}
}
