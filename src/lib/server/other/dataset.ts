/**
 * The current version of an "other" dataset as its dashboard reads it: its columns as the user
 * reads them, how its numbers are written, and its typed copy (built on first use after an
 * import or a change of the columns' reading).
 */
import type { OtherColumn } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import { quoteIdent } from '../db/binder';
import type { Database, Queryable } from '../db/database';
import { otherColumns, otherTable } from '../ingest/commit';
import { applySettings, columnSettings, type ColumnSetting } from './settings';
import { buildTyped, typedExists, typedTable } from './typed';

export interface OtherDataset {
	datasetId: number;
	version: number;
	/** The stored text table, as the file had it. */
	table: string;
	/** The typed copy the dashboard reads. */
	typed: string;
	columns: OtherColumn[];
	/** Columns as recognised at import, before the user's settings. */
	recognised: OtherColumn[];
	settings: Map<string, ColumnSetting>;
	decimal: DecimalSeparator;
}

/** The dataset's current version, without building anything; null if it is not an "other" dataset. */
export async function describeOther(q: Queryable, datasetId: number): Promise<OtherDataset | null> {
	const [row] = await q.query<{ version: number; details: string | null }>(
		`SELECT d.current_version AS version, v.details FROM datasets d
		JOIN dataset_versions v ON v.dataset_id = d.dataset_id AND v.version = d.current_version
		WHERE d.dataset_id = $id AND d.kind = 'other'`,
		{ id: datasetId }
	);
	if (!row) return null;
	const decimal = JSON.parse(row.details ?? '{}').format?.decimal === ',' ? ',' : '.';
	const recognised = await otherColumns(q, datasetId, row.version);
	const settings = await columnSettings(q, datasetId);
	return {
		datasetId,
		version: row.version,
		table: otherTable(datasetId, row.version),
		typed: typedTable(datasetId, row.version),
		columns: applySettings(recognised, settings),
		recognised,
		settings,
		decimal
	};
}

/** Builds under way, by table: concurrent requests wait for the same one. */
const building = new Map<string, Promise<void>>();

/** Builds the typed copy of the dataset's current version unless it exists. */
export async function ensureTyped(db: Database, other: OtherDataset, rebuild = false): Promise<void> {
	const pending = building.get(other.typed);
	if (pending) return pending;
	if (!rebuild && (await typedExists(db, other.datasetId, other.version))) return;
	const job = db.transaction((tx) => buildTyped(tx, other)).finally(() => building.delete(other.typed));
	building.set(other.typed, job);
	return job;
}

/** The dataset ready for its dashboard: described, its typed copy built. */
export async function openOther(db: Database, datasetId: number): Promise<OtherDataset | null> {
	const other = await describeOther(db, datasetId);
	if (other) await ensureTyped(db, other);
	return other;
}

/** Drops the typed copies of a dataset's versions (after a change of its columns' reading or a rollback). */
export async function dropTyped(q: Queryable, datasetId: number, versions: readonly number[]): Promise<void> {
	for (const v of versions) await q.run(`DROP TABLE IF EXISTS ${quoteIdent(typedTable(datasetId, v))}`);
}
