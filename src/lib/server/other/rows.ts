/** Rows of an "other" dataset's current version, as the file had them (empty cells as ""). */
import type { OtherColumn } from '../../domain/explore';
import { quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { otherColumns, otherTable } from '../ingest/commit';
import { columnName } from '../ingest/stage';

export interface OtherRows {
	columns: OtherColumn[];
	total: number;
	/** Source line of each row, then its cells in column order. */
	rows: { line: number; cells: string[] }[];
}

export async function otherRows(q: Queryable, datasetId: number, version: number, limit: number, offset = 0): Promise<OtherRows> {
	const columns = await otherColumns(q, datasetId, version);
	const table = quoteIdent(otherTable(datasetId, version));
	const cells = columns.map((c) => `coalesce(${quoteIdent(columnName(c.position))}, '') AS ${quoteIdent(columnName(c.position))}`);
	const [{ total }] = await q.query<{ total: number }>(`SELECT count(*) AS total FROM ${table}`);
	const rows = await q.query<Record<string, string | number>>(
		`SELECT line${cells.length ? ', ' + cells.join(', ') : ''} FROM ${table} ORDER BY rowid LIMIT $limit OFFSET $offset`,
		{ limit, offset }
	);
	return {
		columns,
		total,
		rows: rows.map((r) => ({ line: Number(r.line), cells: columns.map((c) => String(r[columnName(c.position)])) }))
	};
}
