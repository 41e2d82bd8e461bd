/**
 * Column types of an "other" dataset, recognised from all of its values: a column is a date,
 * number or yes/no column when every non-empty cell reads as one, a region column when most of
 * its distinct values name a region.
 */
import type { ColumnType } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import { normalizeRegion } from '../../domain/regions';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { booleanSql, dateSql, numberSql, textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';

/** Region columns hold few distinct values; more than this and the column is text. */
const MAX_REGION_VALUES = 200;
const REGION_SHARE = 0.8;

/** The typed value of a stored cell for a column of this type. */
export function valueSql(type: ColumnType, position: number, decimal: DecimalSeparator, p: Binder): string {
	const text = textSql(quoteIdent(columnName(position)));
	switch (type) {
		case 'date':
			return dateSql(text, p);
		case 'number':
			return `CAST(${numberSql(text, decimal, false, p)} AS DOUBLE)`;
		case 'boolean':
			return booleanSql(text, p);
		case 'region':
		case 'text':
			return text;
	}
}

/** Columns counted per statement: DuckDB plans a statement of thousands of aggregates slowly. */
const COLUMNS_PER_QUERY = 50;

/** Per column of `positions`: non-empty cells, cells readable as each type, distinct values. */
async function countValues(q: Queryable, table: string, positions: number[], decimal: DecimalSeparator): Promise<Record<string, number>> {
	const p = new Binder();
	const counts = positions.flatMap((i) => [
		`count(${textSql(quoteIdent(columnName(i)))}) AS n${i}`,
		`count(${valueSql('date', i, decimal, p)}) AS date${i}`,
		`count(${valueSql('number', i, decimal, p)}) AS number${i}`,
		`count(${valueSql('boolean', i, decimal, p)}) AS boolean${i}`,
		`approx_count_distinct(${textSql(quoteIdent(columnName(i)))}) AS distinct${i}`
	]);
	const [row] = await q.query<Record<string, number>>(`SELECT ${counts.join(', ')} FROM ${quoteIdent(table)}`, p.values);
	return row;
}

export async function inferColumnTypes(q: Queryable, table: string, width: number, decimal: DecimalSeparator): Promise<ColumnType[]> {
	const positions = Array.from({ length: width }, (_, i) => i);
	const row: Record<string, number> = {};
	for (let start = 0; start < width; start += COLUMNS_PER_QUERY) {
		Object.assign(row, await countValues(q, table, positions.slice(start, start + COLUMNS_PER_QUERY), decimal));
	}
	const types: ColumnType[] = [];
	for (const i of positions) {
		const n = row[`n${i}`];
		const full = (type: 'date' | 'number' | 'boolean') => n > 0 && row[`${type}${i}`] === n;
		if (full('date')) types.push('date');
		else if (full('number')) types.push('number');
		else if (full('boolean')) types.push('boolean');
		else if (n > 0 && row[`distinct${i}`] <= MAX_REGION_VALUES && (await regionShare(q, table, i)) >= REGION_SHARE) types.push('region');
		else types.push('text');
	}
	return types;
}

async function regionShare(q: Queryable, table: string, position: number): Promise<number> {
	const text = textSql(quoteIdent(columnName(position)));
	const values = await q.query<{ v: string }>(
		`SELECT DISTINCT ${text} AS v FROM ${quoteIdent(table)} WHERE ${text} IS NOT NULL LIMIT ${MAX_REGION_VALUES + 1}`
	);
	return values.filter(({ v }) => normalizeRegion(v).ok).length / Math.max(values.length, 1);
}
