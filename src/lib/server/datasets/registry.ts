/** The list of datasets, their versions and the audit trail of every change to them. */
import type { DatasetKind } from '../../domain/ingest/mapping';
import type { Queryable } from '../db/database';

export type { DatasetKind };

export async function createDataset(tx: Queryable, dataset: { kind: DatasetKind; name: string; isDemo?: boolean }): Promise<number> {
	const [row] = await tx.query<{ dataset_id: number }>(
		`INSERT INTO datasets (kind, name, is_demo) VALUES ($kind, $name, $demo) RETURNING dataset_id`,
		{ kind: dataset.kind, name: dataset.name, demo: dataset.isDemo ?? false }
	);
	return row.dataset_id;
}

export interface VersionRecord {
	datasetId: number;
	version: number;
	mode: 'append' | 'replace';
	rowsLoaded: number;
	rowsRejected: number;
	sourceName: string | null;
	sha256: string | null;
	bytes: number | null;
	uploadedBy: string;
	/** How the file was read (format, columns, mapping), as JSON. */
	details?: string | null;
}

/** Makes `version` the dataset's current one; the previous current version becomes superseded. */
export async function recordVersion(tx: Queryable, v: VersionRecord): Promise<void> {
	await tx.run(`UPDATE dataset_versions SET status = 'superseded' WHERE dataset_id = $id AND status = 'active'`, {
		id: v.datasetId
	});
	await tx.run(
		`INSERT INTO dataset_versions (dataset_id, version, mode, status, rows_loaded, rows_rejected, source_name, source_sha256, source_bytes, uploaded_by, details)
		VALUES ($id, $version, $mode, 'active', $loaded, $rejected, $name, $sha, $bytes, $by, $details)`,
		{
			id: v.datasetId,
			version: v.version,
			mode: v.mode,
			loaded: v.rowsLoaded,
			rejected: v.rowsRejected,
			name: v.sourceName,
			sha: v.sha256,
			bytes: v.bytes,
			by: v.uploadedBy,
			details: v.details ?? null
		}
	);
	await tx.run(`UPDATE datasets SET current_version = $version WHERE dataset_id = $id`, {
		id: v.datasetId,
		version: v.version
	});
}

/** The facts of a change-log entry, written as a sentence in the reader's language (ui/audit.ts). */
export type AuditParams = Record<string, string | number | boolean>;

export async function audit(
	tx: Queryable,
	entry: { actor: string; action: string; datasetId?: number; version?: number; params?: AuditParams }
): Promise<void> {
	await tx.run(`INSERT INTO audit_log (actor, action, dataset_id, version, params) VALUES ($actor, $action, $dataset, $version, $params)`, {
		actor: entry.actor,
		action: entry.action,
		dataset: entry.datasetId ?? null,
		version: entry.version ?? null,
		params: entry.params ? JSON.stringify(entry.params) : null
	});
}
