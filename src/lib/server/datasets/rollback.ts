/**
 * Rollback of a dataset to one of its earlier versions still in force, in one transaction:
 * rows added after it are deleted, rows retired after it come back from the archive, later
 * versions are marked rolled back. "Other" datasets keep a table per version: the current one
 * is switched and the later tables dropped.
 */
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import type { Database, Queryable } from '../db/database';
import { quoteIdent } from '../db/binder';
import { beginDataChange } from '../metrics/maintain';
import { dropTyped } from '../other/dataset';
import { ImportError } from '../ingest/errors';
import { otherTable } from '../ingest/commit';
import { bumpDataRevision } from '../db/revision';
import { audit } from './registry';

async function restoreCanonical(tx: Queryable, kind: CanonicalKind, datasetId: number, version: number): Promise<void> {
	const { table, key, fields } = CANONICAL_TABLES[kind];
	const ids = { id: datasetId, version };
	// A restored row may not take a key another dataset has loaded since.
	const same = key.map((k) => `c.${k} IS NOT DISTINCT FROM a.${k}`).join(' AND ');
	const [conflict] = await tx.query<{ n: number }>(
		`SELECT count(*) AS n FROM ${table}_archive a JOIN ${table} c ON ${same} AND c.dataset_id <> $id
		WHERE a.dataset_id = $id AND a.retired_in > $version AND a.dataset_version <= $version`,
		ids
	);
	if (conflict.n > 0) throw new ImportError('rollback_conflict', { count: conflict.n });
	const columns = [...fields.map((f) => f.name), 'dataset_id', 'dataset_version'].join(', ');
	// The cases whose rows go, and those whose rows come back.
	const derived = await beginDataChange(
		tx,
		kind,
		`SELECT case_number FROM ${table} WHERE dataset_id = $id AND dataset_version > $version
		UNION ALL SELECT case_number FROM ${table}_archive WHERE dataset_id = $id AND retired_in > $version AND dataset_version <= $version`,
		ids,
		0
	);
	await tx.run(`DELETE FROM ${table} WHERE dataset_id = $id AND dataset_version > $version`, ids);
	await tx.run(
		`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${table}_archive
		WHERE dataset_id = $id AND retired_in > $version AND dataset_version <= $version`,
		ids
	);
	await tx.run(`DELETE FROM ${table}_archive WHERE dataset_id = $id AND retired_in > $version`, ids);
	await derived.finish();
}

async function dropLaterOtherVersions(tx: Queryable, datasetId: number, version: number): Promise<void> {
	const later = await tx.query<{ version: number }>(
		`SELECT DISTINCT version FROM other_columns WHERE dataset_id = $id AND version > $version`,
		{ id: datasetId, version }
	);
	for (const v of later) await tx.run(`DROP TABLE IF EXISTS ${quoteIdent(otherTable(datasetId, v.version))}`);
	await dropTyped(
		tx,
		datasetId,
		later.map((v) => v.version)
	);
	await tx.run(`DELETE FROM other_columns WHERE dataset_id = $id AND version > $version`, { id: datasetId, version });
}

export async function rollbackDataset(db: Database, datasetId: number, version: number, actor: string): Promise<void> {
	await db.transaction(async (tx) => {
		const [dataset] = await tx.query<{ kind: string; current: number }>(
			`SELECT kind, current_version AS current FROM datasets WHERE dataset_id = $id`,
			{ id: datasetId }
		);
		if (!dataset) throw new ImportError('unknown_dataset', { id: datasetId });
		const [target] = await tx.query<{ status: string }>(
			`SELECT status FROM dataset_versions WHERE dataset_id = $id AND version = $version`,
			{ id: datasetId, version }
		);
		if (!target || target.status === 'rolled_back' || version >= dataset.current) {
			throw new ImportError('rollback_invalid', { version });
		}
		if (dataset.kind === 'other') await dropLaterOtherVersions(tx, datasetId, version);
		else await restoreCanonical(tx, dataset.kind as CanonicalKind, datasetId, version);
		const ids = { id: datasetId, version };
		await tx.run(`UPDATE dataset_versions SET status = 'rolled_back' WHERE dataset_id = $id AND version > $version`, ids);
		await tx.run(`UPDATE dataset_versions SET status = 'active' WHERE dataset_id = $id AND version = $version`, ids);
		await tx.run(`UPDATE datasets SET current_version = $version WHERE dataset_id = $id`, ids);
		await audit(tx, { actor, action: 'rollback', datasetId, version, params: { from: dataset.current } });
	});
	bumpDataRevision();
}
