/** The current version of an "other" dataset: its table, columns and how its numbers are written. */
import type { OtherColumn } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import type { Queryable } from '../db/database';
import { otherColumns, otherTable } from '../ingest/commit';

export interface OtherDataset {
	datasetId: number;
	version: number;
	table: string;
	columns: OtherColumn[];
	decimal: DecimalSeparator;
}

export async function openOther(q: Queryable, datasetId: number): Promise<OtherDataset | null> {
	const [row] = await q.query<{ version: number; details: string | null }>(
		`SELECT d.current_version AS version, v.details FROM datasets d
		JOIN dataset_versions v ON v.dataset_id = d.dataset_id AND v.version = d.current_version
		WHERE d.dataset_id = $id AND d.kind = 'other'`,
		{ id: datasetId }
	);
	if (!row) return null;
	const decimal = JSON.parse(row.details ?? '{}').format?.decimal === ',' ? ',' : '.';
	return {
		datasetId,
		version: row.version,
		table: otherTable(datasetId, row.version),
		columns: await otherColumns(q, datasetId, row.version),
		decimal
	};
}
