/**
 * The import pipeline shared by the web upload, the CLI and the demo load:
 * prepare (stream, hash, detect, transcode, number) → map → stage → validate → commit.
 * Everything before the commit works on a temporary copy and temporary tables, so a failure
 * or a kill at any point leaves the database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { OtherColumn } from '../../domain/explore';
import type { CsvFormat } from '../../domain/ingest/format';
import {
	checkMapping,
	detectKind,
	matchHeaders,
	missingRequired,
	suggestMapping,
	unplacedColumns,
	type DatasetKind,
	type Mapping
} from '../../domain/ingest/mapping';
import type { HeaderPlacement, ImportOutcome, Progress } from '../../domain/ingest/job';
import type { Reject } from '../../domain/ingest/reasons';
import { valueCodesProblem, type ValueCodes, type ValueInFile } from '../../domain/ingest/value-codes';
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import type { Database, Connection } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { inferColumnTypes } from '../other/columns';
import { commitCanonical, commitOther, type Mode, type Provenance, type Target } from './commit';
import { ImportError, isWriteFailure } from './errors';
import { faultPoint } from './fault-points';
import { placeStagedValues, unplacedRegions } from './place-values';
import { prepareFile, type PreparedFile } from './prepare';
import { profileMapping, type ImportProfile } from '../../domain/ingest/profile';
import { profileByName, profileForLayout, saveProfile } from './profiles';
import { dropStage, REJECTS, STAGE, stageCanonical, stageText, type FieldSource } from './stage';
import { validateStaged } from './validate';

export interface ImportRequest {
	/** Detected from the columns when absent. */
	kind?: DatasetKind;
	mode: Mode;
	/** Existing dataset to add to or replace; a new dataset otherwise. */
	datasetId?: number;
	/** Name of a new dataset (default: the file name). */
	name?: string;
	/** A new dataset holds the synthetic demo data. */
	isDemo?: boolean;
	/** Field of each column by position; suggested from the headers when absent. */
	mapping?: Mapping;
	/** Corrections of the suggested mapping by header text (the CLI's --map); '' unmaps. */
	mapHeaders?: Record<string, string>;
	/** The user's codes of cell values (the preview's confirmations, the CLI's --values). */
	values?: ValueCodes;
	/**
	 * An import profile: its mappings are applied under the request's own, and what the import
	 * used is saved under this name once it is committed. Without it, and without a mapping,
	 * the profile saved for files with these headers is applied.
	 */
	profile?: string;
	/** Corrections of the detected format. */
	format?: Partial<CsvFormat>;
	/** The columns the client previewed: the file must still have them. */
	expectedColumns?: string[];
	sourceName: string;
	actor: string;
}

export interface ImportSettings {
	workDir: string;
	rejectThreshold: number;
	maxBytes?: number;
	onProgress?: (progress: Progress) => void;
}

/** How many rejects an outcome carries along (the rest are in the database or counted). */
export const REJECTS_KEPT = 10_000;

interface Resolved {
	kind: DatasetKind;
	mapping: Mapping | null;
	sources: FieldSource[];
	headers: HeaderPlacement[];
	codes: ValueCodes;
	profile: ImportProfile | null;
}

function mergeCodes(...all: (ValueCodes | undefined)[]): ValueCodes {
	const out: ValueCodes = {};
	for (const codes of all) for (const [field, map] of Object.entries(codes ?? {})) out[field] = { ...out[field], ...map };
	return out;
}

/**
 * The kind, the column → field mapping and the value codes: the request's, over those of its
 * profile (or of the profile saved for these headers), over what the headers say. Refuses when a
 * required field has no column, naming the columns left out and the field each looks like.
 */
async function resolveMapping(db: Database, file: PreparedFile, request: ImportRequest): Promise<Resolved> {
	const columns = file.sample.columns;
	if (request.expectedColumns && JSON.stringify(request.expectedColumns) !== JSON.stringify(columns)) {
		throw new ImportError('header_mismatch', { columns: columns.join(', ') });
	}
	let profile = request.profile ? await profileByName(db, request.profile) : null;
	if (!request.profile && !request.mapping) profile = await profileForLayout(db, columns);
	const kind = request.kind ?? profile?.kind ?? detectKind(columns).kind;
	if (kind === 'other') return { kind, mapping: null, sources: [], headers: [], codes: {}, profile: null };
	if (profile?.kind !== kind) profile = null;
	const suggested = matchHeaders(columns, kind);
	const mapping = request.mapping ?? (profile && profileMapping(profile, columns)) ?? suggestMapping(columns, kind);
	for (const [header, field] of Object.entries(request.mapHeaders ?? {})) {
		const index = columns.indexOf(header);
		if (index < 0) throw new ImportError('bad_options', { detail: header });
		for (let i = 0; i < mapping.length; i++) if (field && mapping[i] === field) mapping[i] = null;
		mapping[index] = field || null;
	}
	if (!checkMapping(mapping, columns.length, kind)) throw new ImportError('bad_options', { detail: 'mapping' });
	const unplaced = unplacedColumns(columns, mapping, kind);
	const missing = missingRequired(mapping, kind);
	if (missing.length) {
		throw new ImportError('missing_fields', { kind, fields: missing.map((f) => f.name).join(', '), unplaced: JSON.stringify(unplaced) });
	}
	const codes = mergeCodes(profile?.values, request.values);
	const problem = valueCodesProblem(codes, kind);
	if (problem) throw new ImportError('bad_options', { detail: `--values ${problem}` });
	const fields = new Map(CANONICAL_TABLES[kind].fields.map((f) => [f.name, f]));
	const sources = mapping.flatMap((name, index) => (name ? [{ field: fields.get(name)!, index, header: columns[index] }] : []));
	const headers = columns.map((column, i) => ({
		column,
		field: mapping[i],
		how: !mapping[i] ? null : mapping[i] === suggested[i].field ? suggested[i].how : ('given' as const),
		suggestion: unplaced.find((u) => u.column === column)?.suggestion ?? null
	}));
	return { kind, mapping, sources, headers, codes, profile };
}

async function checkTarget(db: Database, kind: DatasetKind, request: ImportRequest): Promise<Target> {
	const name = request.name?.trim() || request.sourceName;
	if (request.datasetId === undefined) return { datasetId: null, name, mode: request.mode, isDemo: request.isDemo };
	const [dataset] = await db.query<{ kind: string; name: string }>(`SELECT kind, name FROM datasets WHERE dataset_id = $id`, {
		id: request.datasetId
	});
	if (!dataset) throw new ImportError('unknown_dataset', { id: request.datasetId });
	if (dataset.kind !== kind) throw new ImportError('kind_mismatch', { kind: dataset.kind });
	return { datasetId: request.datasetId, name: dataset.name, mode: request.mode };
}

/** Runs `step` while reporting DuckDB's progress on it as a share of `total` rows. */
async function withQueryProgress<T>(conn: Connection, total: number, report: (rows: number) => void, step: () => Promise<T>): Promise<T> {
	const timer = setInterval(() => {
		const percent = conn.progress();
		if (percent >= 0) report(Math.round((total * percent) / 100));
	}, 250);
	try {
		return await step();
	} finally {
		clearInterval(timer);
	}
}

async function summarise(conn: Connection): Promise<{ reasons: Record<string, number>; rejects: Reject[] }> {
	const counts = await conn.query<{ reason: string; n: number }>(
		`SELECT reason, count(*) AS n FROM ${REJECTS} GROUP BY reason ORDER BY n DESC`
	);
	const rejects = await conn.query<Reject & Record<string, unknown>>(
		`SELECT line, column_name AS column, value, reason, detail FROM ${REJECTS} ORDER BY line, column_name LIMIT ${REJECTS_KEPT}`
	);
	return { reasons: Object.fromEntries(counts.map((c) => [c.reason, c.n])), rejects };
}

/** Working files are named by a UUID; those left by an interrupted process are removed at start. */
const WORK_FILE = /^[0-9a-f-]{36}\.csv$/;

export function clearWorkFiles(dir: string): void {
	if (!fs.existsSync(dir)) return;
	for (const name of fs.readdirSync(dir)) if (WORK_FILE.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

export async function runImport(db: Database, input: Readable, request: ImportRequest, settings: ImportSettings): Promise<ImportOutcome> {
	fs.mkdirSync(settings.workDir, { recursive: true });
	const workFile = path.join(settings.workDir, `${randomUUID()}.csv`);
	const progress: Progress = { phase: 'receiving', bytes: 0, rows: 0, totalRows: null };
	const report = (change: Partial<Progress>) => settings.onProgress?.(Object.assign(progress, change));
	try {
		const file = await prepareFile(input, {
			path: workFile,
			maxBytes: settings.maxBytes,
			format: request.format,
			onBytes: (bytes) => report({ bytes })
		});
		const dataRows = file.records - (file.sample.format.header ? 1 : 0);
		await faultPoint('received');
		report({ phase: 'staging', totalRows: dataRows });
		const { kind, mapping, sources, headers, codes, profile } = await resolveMapping(db, file, request);
		const target = await checkTarget(db, kind, request);
		const source: Provenance = {
			sourceName: request.sourceName,
			sha256: file.sha256,
			bytes: file.bytes,
			actor: request.actor,
			details: JSON.stringify({
				format: file.sample.format,
				columns: file.sample.columns,
				mapping,
				values: codes,
				profile: profile?.name ?? null
			})
		};
		const outcome = await db.withConnection(async (conn) => {
			try {
				const staged = (rows: number) => report({ rows });
				let columns: OtherColumn[] = [];
				let values: ValueInFile[] = [];
				if (kind === 'other') {
					await withQueryProgress(conn, dataRows, staged, () => stageText(conn, file));
					await faultPoint('staged');
					report({ phase: 'validating', rows: dataRows });
					const types = await inferColumnTypes(conn, STAGE, file.sample.columns, file.sample.format.decimal);
					columns = file.sample.columns.map((name, position) => ({ position, name, type: types[position] }));
				} else {
					await withQueryProgress(conn, dataRows, staged, () => stageCanonical(conn, file, sources, codes));
					await faultPoint('staged');
					report({ phase: 'validating', rows: dataRows });
					values = await placeStagedValues(conn, sources, codes);
					await validateStaged(conn, kind as CanonicalKind, sources, codes.region);
					values.push(...(await unplacedRegions(conn, sources)));
				}
				await faultPoint('validated');
				report({ phase: 'committing' });
				const committed =
					kind === 'other'
						? await commitOther(db, conn, columns, target, source, settings.rejectThreshold)
						: await commitCanonical(db, conn, kind, sources, target, source, settings.rejectThreshold);
				return { committed, values, ...(await summarise(conn)) };
			} finally {
				await dropStage(conn);
			}
		});
		if (outcome.committed.status === 'committed') {
			bumpDataRevision();
			if (request.profile && kind !== 'other') {
				const name = request.profile;
				await db.transaction((tx) =>
					saveProfile(tx, { name, kind, columns: file.sample.columns, mapping: mapping!, values: codes, actor: request.actor })
				);
			}
		}
		await faultPoint('committed');
		report({ phase: 'done' });
		const c = outcome.committed;
		return {
			status: c.status,
			kind,
			datasetId: c.status === 'committed' ? c.datasetId : null,
			version: c.status === 'committed' ? c.version : null,
			rowsRead: c.read,
			rowsLoaded: c.status === 'committed' ? c.loaded : 0,
			rowsRejected: c.rejected,
			reasons: outcome.reasons,
			rejects: outcome.rejects,
			sha256: file.sha256,
			bytes: file.bytes,
			format: file.sample.format,
			columns: file.sample.columns,
			mapping,
			headers,
			values: outcome.values,
			profile: request.profile ?? profile?.name ?? null,
			threshold: settings.rejectThreshold
		};
	} catch (error) {
		// A full disk or an unwritable directory, whichever step met it, is said as such.
		throw isWriteFailure(error) ? new ImportError('write_failed') : error;
	} finally {
		fs.rmSync(workFile, { force: true });
	}
}
