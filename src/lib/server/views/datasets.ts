/**
 * What the data pages show: datasets with their current version, the version history, the
 * audit log, the rejects of a version, and what an "other" dataset holds.
 */
import type { AuditEntry } from '../../i18n/audit-texts';
import type { DatasetKind } from '../../domain/ingest/mapping';
import type { Reject } from '../../domain/ingest/reasons';
import { datasetName } from '../../i18n/data-texts';
import type { Queryable } from '../db/database';
import { quoteIdent } from '../db/binder';
import { otherTable } from '../ingest/commit';
import { listProfiles } from '../ingest/profiles';
import type { Database } from '../db/database';
import { unrecognisedRegions } from '../other/dashboard';
import { profileColumns } from '../other/profile';
import { openDashboard } from '../other/respond';
import { otherRows } from '../other/rows';

export interface DatasetRow {
	dataset_id: number;
	kind: DatasetKind;
	name: string;
	is_demo: boolean;
	current_version: number;
	created_at: string;
	/** Rows now in force. */
	rows: number;
}

export interface VersionRow {
	dataset_id: number;
	version: number;
	mode: string;
	status: 'active' | 'superseded' | 'rolled_back';
	rows_loaded: number;
	rows_rejected: number;
	source_name: string | null;
	source_sha256: string | null;
	source_bytes: number | null;
	uploaded_by: string;
	uploaded_at: string;
}

/** An entry of the change log, written as a sentence by i18n/audit-texts.ts. */
export interface AuditRow extends AuditEntry {
	id: number;
	occurred_at: string;
	actor: string;
	dataset_id: number | null;
}

/** Rows in force per dataset: canonical tables by lineage, "other" datasets in their current table. */
async function rowCounts(q: Queryable): Promise<Map<number, number>> {
	const canonical = await q.query<{ id: number; n: number }>(
		`SELECT dataset_id AS id, count(*) AS n FROM (
			SELECT dataset_id FROM cases UNION ALL SELECT dataset_id FROM fraud UNION ALL SELECT dataset_id FROM court_stats
		) GROUP BY 1`
	);
	const counts = new Map(canonical.map((r) => [r.id, r.n]));
	const others = await q.query<{ id: number; version: number }>(
		`SELECT dataset_id AS id, current_version AS version FROM datasets WHERE kind = 'other' AND current_version > 0`
	);
	for (const { id, version } of others) {
		const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(otherTable(id, version))}`);
		counts.set(id, row.n);
	}
	return counts;
}
export async function listDatasets(q: Queryable): Promise<DatasetRow[]> {
	const rows = await q.query<Omit<DatasetRow, 'rows'>>(
		`SELECT dataset_id, kind, name, is_demo, current_version, created_at FROM datasets ORDER BY dataset_id`
	);
	const counts = await rowCounts(q);
	return rows.map((r) => ({ ...r, name: datasetName(r), rows: counts.get(r.dataset_id) ?? 0 }));
}

export async function listVersions(q: Queryable, datasetId?: number): Promise<VersionRow[]> {
	return q.query<VersionRow>(
		`SELECT dataset_id, version, mode, status, rows_loaded, rows_rejected, source_name, source_sha256, source_bytes, uploaded_by, uploaded_at
		FROM dataset_versions ${datasetId === undefined ? '' : 'WHERE dataset_id = $id'} ORDER BY dataset_id, version DESC`,
		datasetId === undefined ? undefined : { id: datasetId }
	);
}

/** The change log; `withAccounts`: also the changes of user accounts (logins and roles), for administrators only. */
export async function auditLog(q: Queryable, limit = 100, withAccounts = false): Promise<AuditRow[]> {
	return q.query<AuditRow>(
		`SELECT a.id, a.occurred_at, a.actor, a.action, a.dataset_id, a.version, a.params,
			d.name AS dataset_name, d.kind AS dataset_kind, d.is_demo AS dataset_demo
		FROM audit_log a LEFT JOIN datasets d USING (dataset_id)
		${withAccounts ? '' : `WHERE a.action NOT LIKE 'user!_%' ESCAPE '!'`} ORDER BY a.id DESC LIMIT $limit`,
		{ limit }
	);
}

export async function versionRejects(q: Queryable, datasetId: number, version: number, limit?: number): Promise<Reject[]> {
	return q.query<Reject & Record<string, unknown>>(
		`SELECT line, column_name AS column, value, reason, detail FROM import_rejects
		WHERE dataset_id = $id AND version = $version ORDER BY line, column_name ${limit ? 'LIMIT ' + Math.floor(limit) : ''}`,
		{ id: datasetId, version }
	);
}

async function datasetDetail(q: Queryable, datasetId: number): Promise<{ dataset: DatasetRow; versions: VersionRow[] } | null> {
	const dataset = (await listDatasets(q)).find((d) => d.dataset_id === datasetId);
	return dataset ? { dataset, versions: await listVersions(q, datasetId) } : null;
}

/** The /data page: datasets with their versions, the change log, and what an upload may be. */
export async function dataPage(q: Queryable, canUpload: boolean, limits: { maxBytes: number; threshold: number }) {
	return {
		datasets: await listDatasets(q),
		versions: await listVersions(q),
		// Administrators (who alone upload) also see the changes of accounts.
		audit: await auditLog(q, 50, canUpload),
		profiles: canUpload ? await listProfiles(q) : [],
		canUpload,
		limits
	};
}

/**
 * The /data/[id] page: the dataset, its versions, the rejects of its current version and, for
 * "other" datasets, its automatic dashboard's model, the profile of its columns, the region
 * values not recognised, and its first rows.
 */
export async function datasetPage(db: Database, datasetId: number, canEdit: boolean) {
	const detail = await datasetDetail(db, datasetId);
	if (!detail) return null;
	const { dataset } = detail;
	const rejects = dataset.current_version > 0 ? await versionRejects(db, datasetId, dataset.current_version, 200) : [];
	const [{ n: rejectsTotal }] = await db.query<{ n: number }>(
		`SELECT count(*) AS n FROM import_rejects WHERE dataset_id = $id AND version = $version`,
		{ id: datasetId, version: dataset.current_version }
	);
	const opened = dataset.kind === 'other' && dataset.current_version > 0 ? await openDashboard(db, String(datasetId)) : null;
	const explore = opened && {
		model: opened.model,
		profile: await profileColumns(db, opened.other),
		unrecognised: await unrecognisedRegions(db, opened.other),
		preview: await otherRows(db, datasetId, opened.other.version, 20)
	};
	return { ...detail, rejects, rejectsTotal, explore, canRollback: canEdit, canEdit };
}
