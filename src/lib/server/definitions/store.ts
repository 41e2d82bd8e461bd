/**
 * Indicators defined as data, stored: every version of every definition with its author and
 * time (table indicator_definitions); the highest version of an id is in force unless it
 * retires the indicator. A file of definitions is checked whole (shape, dataset, columns) and
 * saved in one transaction, or nothing is saved.
 */
import { CANONICAL_TIMES, checkAgainstColumns, FIELD_COLUMN_TYPE, type DatasetColumn } from '../../domain/definitions/check';
import { parseDefinition, type DefinitionProblem, type IndicatorDefinition } from '../../domain/definitions/shape';
import { INDICATORS } from '../../domain/catalog';
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import type { Database, Queryable } from '../db/database';
import { insertRows } from '../db/directories';
import { describeOther } from '../other/dataset';

/** A definition in force: its dataset resolved to a number. */
export type SavedDefinition = IndicatorDefinition & { datasetId: number };

export interface StoredDefinition {
	id: string;
	version: number;
	definition: SavedDefinition;
	retired: boolean;
	author: string;
	createdAt: string;
}

const BUILT_IN = new Set(INDICATORS.map((i) => i.id));

interface DatasetRef {
	datasetId: number;
	columns: DatasetColumn[];
	/** A canonical dataset's date columns its rows may be counted by. */
	times?: string[];
}

/** The columns a definition may name: an uploaded dataset's as read now, a canonical one's fields. */
export async function datasetColumns(q: Queryable, datasetId: number, kind: string): Promise<DatasetColumn[]> {
	if (kind === 'other') {
		const other = await describeOther(q, datasetId);
		return (other?.columns ?? []).map((c) => ({ name: c.name, type: c.type }));
	}
	return CANONICAL_TABLES[kind as CanonicalKind].fields.map((f) => ({ name: f.name, type: FIELD_COLUMN_TYPE[f.type] }));
}

/** The dataset a definition names (by number or by name) with its columns, or the problem. */
async function resolveDataset(q: Queryable, ref: number | string): Promise<DatasetRef | DefinitionProblem> {
	const rows = await q.query<{ dataset_id: number; kind: string }>(
		typeof ref === 'number'
			? `SELECT dataset_id, kind FROM datasets WHERE dataset_id = $ref AND current_version > 0`
			: `SELECT dataset_id, kind FROM datasets WHERE name = $ref AND current_version > 0 ORDER BY dataset_id`,
		{ ref }
	);
	if (!rows.length) return { path: 'dataset', code: 'no_dataset', params: { dataset: String(ref) } };
	if (rows.length > 1)
		return { path: 'dataset', code: 'ambiguous_dataset', params: { dataset: String(ref), ids: rows.map((r) => r.dataset_id).join(', ') } };
	const [{ dataset_id: datasetId, kind }] = rows;
	const times = kind === 'other' ? undefined : Object.keys(CANONICAL_TIMES[kind as CanonicalKind]);
	return { datasetId, columns: await datasetColumns(q, datasetId, kind), ...(times ? { times } : {}) };
}

interface Row {
	id: string;
	version: number;
	definition: string;
	retired: boolean;
	author: string;
	created_at: string;
}

const SELECT = `SELECT d.id, d.version, d.definition, d.retired, d.author, strftime(d.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at FROM indicator_definitions d`;

function storedOf(r: Row): StoredDefinition {
	return {
		id: r.id,
		version: r.version,
		definition: JSON.parse(r.definition),
		retired: r.retired,
		author: r.author,
		createdAt: r.created_at
	};
}

/** The latest version of each definition (retired ones too when asked). */
export async function currentDefinitions(q: Queryable, options: { retired?: boolean } = {}): Promise<StoredDefinition[]> {
	const rows = await q.query<Row & Record<string, unknown>>(
		`${SELECT}
		JOIN (SELECT id, max(version) AS version FROM indicator_definitions GROUP BY id) latest USING (id, version)
		${options.retired ? '' : 'WHERE NOT d.retired'} ORDER BY d.id`
	);
	return rows.map(storedOf);
}

export interface Failure {
	/** Position of the definition in the file (0-based). */
	index: number;
	id: string | null;
	problems: DefinitionProblem[];
}

export type SaveResult = { ok: true; saved: { id: string; version: number }[] } | { ok: false; failures: Failure[] };

/**
 * Adds (new ids, or ids retired before) or updates (ids in force) definitions: all of them
 * checked first, then all saved as new versions in one transaction; any problem saves nothing.
 */
export async function saveDefinitions(
	db: Database,
	inputs: readonly unknown[],
	mode: 'add' | 'update',
	author: string
): Promise<SaveResult> {
	return db.transaction(async (tx) => {
		const current = new Map((await currentDefinitions(tx, { retired: true })).map((d) => [d.id, d]));
		const datasets = new Map<string, DatasetRef | DefinitionProblem>();
		const failures: Failure[] = [];
		const checked: SavedDefinition[] = [];
		const ids = new Map<string, number>();
		for (const [index, input] of inputs.entries()) {
			const parsed = parseDefinition(input);
			const rawId = (input as { id?: unknown } | null)?.id;
			const id = typeof rawId === 'string' ? rawId : null;
			if (!parsed.ok) {
				failures.push({ index, id, problems: parsed.problems });
				continue;
			}
			const definition = parsed.definition;
			const key = JSON.stringify(definition.dataset);
			if (!datasets.has(key)) datasets.set(key, await resolveDataset(tx, definition.dataset));
			const dataset = datasets.get(key)!;
			const problems = 'path' in dataset ? [dataset] : checkAgainstColumns(definition, dataset.columns, BUILT_IN, dataset.times);
			const existing = current.get(definition.id);
			if (ids.has(definition.id))
				problems.push({ path: 'id', code: 'repeated_in_file', params: { id: definition.id, first: String(ids.get(definition.id)! + 1) } });
			else if (mode === 'add' && existing && !existing.retired)
				problems.push({ path: 'id', code: 'exists', params: { id: definition.id } });
			else if (mode === 'update' && (!existing || existing.retired))
				problems.push({ path: 'id', code: 'not_found', params: { id: definition.id } });
			ids.set(definition.id, index);
			if (problems.length) failures.push({ index, id: definition.id, problems });
			else checked.push({ ...definition, datasetId: (dataset as DatasetRef).datasetId });
		}
		if (failures.length) return { ok: false, failures };
		const saved = checked.map((d) => ({ id: d.id, version: (current.get(d.id)?.version ?? 0) + 1 }));
		await insertRows(
			tx,
			'indicator_definitions',
			['id', 'version', 'definition', 'retired', 'author'],
			checked.map((d, i) => [d.id, saved[i].version, JSON.stringify(d), false, author])
		);
		return { ok: true, saved };
	});
}

/** Retires a definition in force (a new version marked retired); null when there is none. */
export async function retireDefinition(db: Database, id: string, author: string): Promise<{ id: string; version: number } | null> {
	return db.transaction(async (tx) => {
		const [latest] = await tx.query<{ version: number; definition: string; retired: boolean }>(
			`SELECT version, definition, retired FROM indicator_definitions WHERE id = $id ORDER BY version DESC LIMIT 1`,
			{ id }
		);
		if (!latest || latest.retired) return null;
		const version = latest.version + 1;
		await tx.run(
			`INSERT INTO indicator_definitions (id, version, definition, retired, author) VALUES ($id, $version, $definition, true, $author)`,
			{ id, version, definition: latest.definition, author }
		);
		return { id, version };
	});
}

/** Every version of a definition, newest first. */
export async function definitionHistory(q: Queryable, id: string): Promise<StoredDefinition[]> {
	const rows = await q.query<Row & Record<string, unknown>>(`${SELECT} WHERE d.id = $id ORDER BY d.version DESC`, { id });
	return rows.map(storedOf);
}
