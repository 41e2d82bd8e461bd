/** Profile of each column of an "other" dataset: type, empty cells, distinct values, range, top values. */
import type { OtherColumn } from '../../domain/explore';
import { quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';
import type { OtherDataset } from './dataset';
import { typedColumn } from './typed';

export interface ColumnProfile extends OtherColumn {
	/** The type recognised at import, when the user chose another. */
	recognised: OtherColumn['type'];
	empty: number;
	distinct: number;
	min: string | null;
	max: string | null;
	top: { value: string; n: number }[];
}

const TOP = 5;
const COLUMNS_PER_QUERY = 40;

export async function profileColumns(q: Queryable, other: OtherDataset): Promise<ColumnProfile[]> {
	const out: ColumnProfile[] = [];
	const stats: Record<string, string | number | null> = {};
	for (let start = 0; start < other.columns.length; start += COLUMNS_PER_QUERY) {
		const parts = other.columns.slice(start, start + COLUMNS_PER_QUERY).flatMap((c) => {
			const v = quoteIdent(typedColumn(c.position));
			const i = c.position;
			// Whole numbers read as DOUBLE are shown without their ".0".
			const shown = (agg: string) =>
				c.type === 'number' || c.type === 'percent' ? `regexp_replace(CAST(${agg} AS VARCHAR), '\\.0$', '')` : `CAST(${agg} AS VARCHAR)`;
			return [
				`count(*) - count(${v}) AS e${i}`,
				`count(DISTINCT ${v}) AS d${i}`,
				`${shown(`min(${v})`)} AS lo${i}`,
				`${shown(`max(${v})`)} AS hi${i}`
			];
		});
		Object.assign(
			stats,
			(await q.query<Record<string, string | number | null>>(`SELECT ${parts.join(', ')} FROM ${quoteIdent(other.typed)}`))[0]
		);
	}
	const recognised = new Map(other.recognised.map((c) => [c.position, c.type]));
	for (const column of other.columns) {
		const text = textSql(quoteIdent(columnName(column.position)));
		const top = await q.query<{ value: string; n: number }>(
			`SELECT ${text} AS value, count(*) AS n FROM ${quoteIdent(other.table)} WHERE ${text} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`
		);
		const i = column.position;
		out.push({
			...column,
			recognised: recognised.get(i) ?? column.type,
			empty: Number(stats[`e${i}`]),
			distinct: Number(stats[`d${i}`]),
			min: stats[`lo${i}`] as string | null,
			max: stats[`hi${i}`] as string | null,
			top: top.map((t) => ({ value: t.value, n: Number(t.n) }))
		});
	}
	return out;
}
