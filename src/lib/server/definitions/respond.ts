/**
 * The definition editor's server side: what the page offers (datasets with their columns, the
 * definitions in force) and the JSON answers to saving and retiring, problems in the user's
 * language with the field each is in.
 */
import { json } from '@sveltejs/kit';
import type { Locale } from '../../domain/l10n';
import { problemText } from '../../i18n/definition-texts';
import { datasetName } from '../../i18n/data-texts';
import type { DatasetKind } from '../../domain/ingest/mapping';
import type { Database } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { currentDefinitions, datasetColumns, retireDefinition, saveDefinitions } from './store';

export async function definitionsPage(db: Database, locale: Locale) {
	const datasets = await db.query<{ dataset_id: number; kind: DatasetKind; name: string; is_demo: boolean }>(
		`SELECT dataset_id, kind, name, is_demo FROM datasets WHERE current_version > 0 ORDER BY dataset_id`
	);
	return {
		datasets: await Promise.all(
			datasets.map(async (d) => ({
				id: d.dataset_id,
				kind: d.kind,
				name: datasetName(d, locale),
				columns: await datasetColumns(db, d.dataset_id, d.kind)
			}))
		),
		definitions: await currentDefinitions(db)
	};
}

/**
 * Body: {mode: 'add'|'update', definition} (the editor: one; answers `saved` and `problems`) or
 * {mode, definitions: […]} (a file: all saved or none; answers `saved` and `failures`).
 */
export async function saveResponse(db: Database, body: unknown, author: string, locale: Locale): Promise<Response> {
	const { mode, definition, definitions } = (body ?? {}) as { mode?: unknown; definition?: unknown; definitions?: unknown };
	if (mode !== 'add' && mode !== 'update') return json({ error: { message: 'mode: add | update' } }, { status: 400 });
	const many = Array.isArray(definitions);
	const result = await saveDefinitions(db, many ? definitions : [definition], mode, author);
	// The indicators in force are compiled per data revision (definitions/indicators.ts).
	if (result.ok) bumpDataRevision();
	if (result.ok) return json({ saved: many ? result.saved : result.saved[0] });
	const failures = result.failures.map((f) => ({ ...f, problems: f.problems.map((p) => ({ ...p, text: problemText(p, locale) })) }));
	const message = failures.flatMap((f) => f.problems.map((p) => p.text)).join('\n');
	return json({ error: { message, ...(many ? { failures } : { problems: failures[0].problems }) } }, { status: 400 });
}

/** The definitions in force (with `all`, retired ones too), latest versions. */
export async function listResponse(db: Database, all: boolean): Promise<Response> {
	return json({ definitions: await currentDefinitions(db, { retired: all }) });
}

export async function retireResponse(db: Database, id: string, author: string): Promise<Response> {
	const retired = await retireDefinition(db, id, author);
	if (retired) bumpDataRevision();
	return retired ? json({ retired }) : json({ error: { message: id } }, { status: 404 });
}
