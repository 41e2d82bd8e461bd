/**
 * The one transaction that makes an import visible: the last checks that need the committed
 * state, the reject threshold, then the dataset, its new version, the rows (replaced rows moved
 * to the archive, so that a rollback can bring them back), the rejects and the audit entry.
 * Until it commits nothing of the import is visible; if it fails, nothing of it remains.
 */
import type { OtherColumn } from '../../domain/explore';
import type { DatasetKind } from '../../domain/ingest/mapping';
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import { quoteIdent } from '../db/binder';
import type { Database, Queryable, Connection } from '../db/database';
import { insertRows } from '../db/directories';
import { beginDataChange } from '../metrics/maintain';
import { audit, createDataset, recordVersion } from '../datasets/registry';
import { ImportError } from './errors';
import { faultPoint } from './fault-points';
import { columnName, REJECTS, STAGE, type FieldSource } from './stage';
import { REGION_MAP, rejectCounts, rejectExistingKeys } from './validate';

export type Mode = 'append' | 'replace';

export interface Target {
	/** An existing dataset, or null for a new one named `name`. */
	datasetId: number | null;
	name: string;
	mode: Mode;
	isDemo?: boolean;
}

export interface Provenance {
	sourceName: string;
	sha256: string;
	bytes: number;
	actor: string;
	/** How the file was read, as JSON. */
	details: string;
}

export interface Counts {
	read: number;
	loaded: number;
	rejected: number;
}

export type CommitOutcome = ({ status: 'committed'; datasetId: number; version: number } & Counts) | ({ status: 'refused' } & Counts);

/** Physical table of an "other" dataset version; both parts are integers. */
export function otherTable(datasetId: number, version: number): string {
	if (!Number.isInteger(datasetId) || !Number.isInteger(version)) throw new Error('bad dataset version');
	return `other_${datasetId}_v${version}`;
}

const NOT_REJECTED = `NOT EXISTS (SELECT 1 FROM ${REJECTS} r WHERE r.line = s.line)`;

/** Whether too many rows were rejected for the import to be taken (or none is left). */
function refused(counts: { read: number; rejected: number }, threshold: number): boolean {
	return counts.read === counts.rejected || counts.rejected > counts.read * threshold;
}

async function openVersion(tx: Queryable, kind: DatasetKind, target: Target): Promise<{ datasetId: number; version: number }> {
	const datasetId = target.datasetId ?? (await createDataset(tx, { kind, name: target.name, isDemo: target.isDemo }));
	const [row] = await tx.query<{ next: number }>(
		`SELECT coalesce(max(version), 0) + 1 AS next FROM dataset_versions WHERE dataset_id = $id`,
		{ id: datasetId }
	);
	return { datasetId, version: row.next };
}

/** Keeps the rejects with the version, and records the version and the audit entry. */
async function finish(tx: Queryable, datasetId: number, version: number, target: Target, counts: Counts, source: Provenance) {
	await tx.run(`INSERT INTO import_rejects SELECT $id, $version, line, column_name, value, reason, detail FROM ${REJECTS}`, {
		id: datasetId,
		version
	});
	await recordVersion(tx, {
		datasetId,
		version,
		mode: target.mode,
		rowsLoaded: counts.loaded,
		rowsRejected: counts.rejected,
		sourceName: source.sourceName,
		sha256: source.sha256,
		bytes: source.bytes,
		uploadedBy: source.actor,
		details: source.details
	});
	await audit(tx, {
		actor: source.actor,
		action: target.mode === 'replace' ? 'import_replace' : 'import_append',
		datasetId,
		version,
		params: { file: source.sourceName, loaded: counts.loaded, rejected: counts.rejected }
	});
}

async function auditRefusal(tx: Queryable, target: Target, counts: Counts, source: Provenance) {
	await audit(tx, {
		actor: source.actor,
		action: 'import_refused',
		datasetId: target.datasetId ?? undefined,
		params: { file: source.sourceName, rejected: counts.rejected, read: counts.read }
	});
}

export async function commitCanonical(
	db: Database,
	conn: Connection,
	kind: CanonicalKind,
	sources: readonly FieldSource[],
	target: Target,
	source: Provenance,
	threshold: number
): Promise<CommitOutcome> {
	const table = CANONICAL_TABLES[kind].table;
	return db.transaction(async (tx) => {
		await rejectExistingKeys(tx, kind, sources, { datasetId: target.datasetId, replace: target.mode === 'replace' });
		const { read, rejected } = await rejectCounts(tx);
		const counts = { read, rejected, loaded: read - rejected };
		if (refused(counts, threshold)) {
			await auditRefusal(tx, target, counts, source);
			return { status: 'refused', ...counts };
		}
		const { datasetId, version } = await openVersion(tx, kind, target);
		const ids = { id: datasetId, version };
		// The cases whose derived rows change: those of the file, and those it replaces.
		const replaced = target.mode === 'replace' ? ` UNION ALL SELECT case_number FROM ${table} WHERE dataset_id = $id` : '';
		const derived = await beginDataChange(
			tx,
			kind,
			`SELECT case_number FROM ${STAGE}${replaced}`,
			replaced ? { id: datasetId } : {},
			counts.loaded
		);
		if (target.mode === 'replace') {
			await tx.run(`INSERT INTO ${table}_archive SELECT *, $version FROM ${table} WHERE dataset_id = $id`, ids);
			await tx.run(`DELETE FROM ${table} WHERE dataset_id = $id`, { id: datasetId });
		}
		const fields = sources.map((s) => s.field.name);
		const values = fields.map((f) => (f === 'region' ? 'm.code' : `s.${f}`));
		counts.loaded = await tx.run(
			`INSERT INTO ${table} (${fields.join(', ')}, dataset_id, dataset_version)
			SELECT ${values.join(', ')}, $id::INTEGER, $version::INTEGER
			FROM ${STAGE} s LEFT JOIN ${REGION_MAP} m ON m.raw = s.region
			WHERE ${NOT_REJECTED}`,
			ids
		);
		await finish(tx, datasetId, version, target, counts, source);
		// The staged rows are loaded: their memory goes to the derived tables.
		await tx.run(`DROP TABLE ${STAGE}`);
		await derived.finish();
		await faultPoint('commit');
		return { status: 'committed', datasetId, version, ...counts };
	}, conn);
}

/** Columns of the current version of an "other" dataset (none for a new or emptied one). */
export async function otherColumns(q: Queryable, datasetId: number, version: number): Promise<OtherColumn[]> {
	return q.query<OtherColumn & Record<string, unknown>>(
		`SELECT position, name, type FROM other_columns WHERE dataset_id = $id AND version = $version ORDER BY position`,
		{ id: datasetId, version }
	);
}

/**
 * An "other" import: a new table for the new version holding the whole dataset (the previous
 * version's rows first when appending), its columns as data, the version made current.
 */
export async function commitOther(
	db: Database,
	conn: Connection,
	columns: readonly OtherColumn[],
	target: Target,
	source: Provenance,
	threshold: number
): Promise<CommitOutcome> {
	return db.transaction(async (tx) => {
		const { read, rejected } = await rejectCounts(tx);
		const counts = { read, rejected, loaded: read - rejected };
		if (refused(counts, threshold)) {
			await auditRefusal(tx, target, counts, source);
			return { status: 'refused', ...counts };
		}
		const { datasetId, version } = await openVersion(tx, 'other', target);
		const names = columns.map((c) => quoteIdent(columnName(c.position)));
		const parts = [`SELECT 1 AS part, line, ${names.join(', ')} FROM ${STAGE} s WHERE ${NOT_REJECTED}`];
		if (target.datasetId !== null && target.mode === 'append') {
			const [current] = await tx.query<{ v: number }>(`SELECT current_version AS v FROM datasets WHERE dataset_id = $id`, {
				id: datasetId
			});
			if (current.v > 0) {
				// Appended rows must have the columns of the rows they join.
				const previous = (await otherColumns(tx, datasetId, current.v)).map((c) => c.name);
				if (JSON.stringify(previous) !== JSON.stringify(columns.map((c) => c.name))) {
					throw new ImportError('columns_mismatch', { columns: previous.join(', ') });
				}
				parts.unshift(`SELECT 0 AS part, line, ${names.join(', ')} FROM ${quoteIdent(otherTable(datasetId, current.v))}`);
			}
		}
		await tx.run(
			`CREATE TABLE ${quoteIdent(otherTable(datasetId, version))} AS
			SELECT line, ${names.join(', ')} FROM (${parts.join(' UNION ALL ')}) ORDER BY part, line`
		);
		await insertRows(
			tx,
			'other_columns',
			['dataset_id', 'version', 'position', 'name', 'type'],
			columns.map((c) => [datasetId, version, c.position, c.name, c.type])
		);
		await finish(tx, datasetId, version, target, counts, source);
		await faultPoint('commit');
		return { status: 'committed', datasetId, version, ...counts };
	}, conn);
}
