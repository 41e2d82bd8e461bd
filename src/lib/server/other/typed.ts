/**
 * The typed copy of an "other" dataset version that its dashboard reads: each column as its
 * type's value (numbers as DOUBLE, dates and periods as DATE, regions as their code), and
 * whether the row is a total row ("Итого", "Всего", "Kazakhstan"…), which groups leave out.
 * Built once per version and reading of its columns; the stored text stays as the file had it.
 */
import { listValue } from '@duckdb/node-api';
import type { OtherColumn } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import { normalizeRegion } from '../../domain/regions';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { textSql } from '../ingest/convert';
import { otherTable } from '../ingest/commit';
import { columnName } from '../ingest/stage';
import { totalLabelSql, valueSql } from './columns';
import type { ColumnSetting } from './settings';

/** Name of the typed copy of a version; both parts are integers. */
export const typedTable = (datasetId: number, version: number) => `${otherTable(datasetId, version)}_typed`;

/** Typed column of the file's n-th column (0-based). */
export const typedColumn = (position: number) => `v${position + 1}`;

/** Columns whose cells may label a total row: all but the figures. */
const FIGURE_TYPES = new Set(['number', 'percent']);

/** Region code of each distinct text of a region column: the user's codes first, then recognition. */
async function regionCodes(
	q: Queryable,
	table: string,
	position: number,
	codes: Record<string, string>
): Promise<[string, string | null][]> {
	const text = textSql(quoteIdent(columnName(position)));
	const rows = await q.query<{ v: string }>(`SELECT DISTINCT ${text} AS v FROM ${quoteIdent(table)} WHERE ${text} IS NOT NULL ORDER BY 1`);
	return rows.map(({ v }) => {
		if (v in codes) return [v, codes[v] || null];
		const match = normalizeRegion(v);
		return [v, match.ok ? match.code : null];
	});
}

export interface TypedSource {
	datasetId: number;
	version: number;
	columns: readonly OtherColumn[];
	decimal: DecimalSeparator;
	settings: Map<string, ColumnSetting>;
}

/** Creates the typed copy of a version (replacing one built for another reading of its columns). */
export async function buildTyped(q: Queryable, source: TypedSource): Promise<void> {
	const table = otherTable(source.datasetId, source.version);
	const p = new Binder();
	const totals: string[] = [];
	const values: string[] = [];
	for (const c of source.columns) {
		const text = textSql(quoteIdent(columnName(c.position)));
		if (!FIGURE_TYPES.has(c.type)) totals.push(totalLabelSql(text, p));
		if (c.type === 'region') {
			const pairs = await regionCodes(q, table, c.position, source.settings.get(c.name)?.valueCodes ?? {});
			if (!pairs.length) {
				values.push(`CAST(NULL AS VARCHAR) AS ${typedColumn(c.position)}`);
				continue;
			}
			const raw = p.bind(listValue(pairs.map(([v]) => v)));
			// '' stands for "no region": a bound list takes its type from its first item, so a
			// leading NULL would make every code NULL.
			const codes = p.bind(listValue(pairs.map(([, code]) => code ?? '')));
			values.push(`NULLIF(${codes}[list_position(${raw}, ${text})], '') AS ${typedColumn(c.position)}`);
		} else {
			values.push(`${valueSql(c.type, c.position, source.decimal, p)} AS ${typedColumn(c.position)}`);
		}
	}
	const isTotal = totals.length ? totals.join(' OR ') : 'false';
	await q.run(
		`CREATE OR REPLACE TABLE ${quoteIdent(typedTable(source.datasetId, source.version))} AS
		SELECT rowid AS row_id, ${isTotal} AS is_total${values.length ? ', ' + values.join(', ') : ''} FROM ${quoteIdent(table)}`,
		p.values
	);
}

export async function typedExists(q: Queryable, datasetId: number, version: number): Promise<boolean> {
	const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $name`, {
		name: typedTable(datasetId, version)
	});
	return row.n > 0;
}
