/** Profile of each column of an "other" dataset: type, empty cells, distinct values, range, top values. */
import type { OtherColumn } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';
import { valueSql } from './columns';

export interface ColumnProfile extends OtherColumn {
	empty: number;
	distinct: number;
	min: string | null;
	max: string | null;
	top: { value: string; n: number }[];
}

const TOP = 5;

export async function profileColumns(
	q: Queryable,
	table: string,
	columns: readonly OtherColumn[],
	decimal: DecimalSeparator
): Promise<ColumnProfile[]> {
	const out: ColumnProfile[] = [];
	for (const column of columns) {
		const p = new Binder();
		const text = textSql(quoteIdent(columnName(column.position)));
		const value = valueSql(column.type, column.position, decimal, p);
		// Whole numbers read as DOUBLE are shown without their ".0".
		const shown = (agg: string) =>
			column.type === 'number' ? `regexp_replace(CAST(${agg} AS VARCHAR), '\\.0$', '')` : `CAST(${agg} AS VARCHAR)`;
		const [stats] = await q.query<{ empty: number; distinct: number; min: string | null; max: string | null }>(
			`SELECT count(*) - count(t) AS empty, count(DISTINCT t) AS distinct, ${shown('min(v)')} AS min, ${shown('max(v)')} AS max
			FROM (SELECT ${text} AS t, ${value} AS v FROM ${quoteIdent(table)})`,
			p.values
		);
		const top = await q.query<{ value: string; n: number }>(
			`SELECT ${text} AS value, count(*) AS n FROM ${quoteIdent(table)} WHERE ${text} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`
		);
		out.push({ ...column, ...stats, top });
	}
	return out;
}
