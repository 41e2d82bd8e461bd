/**
 * Storage of import profiles (domain/ingest/profile.ts): saved under a name, found by name or
 * by the layout of a file's headers.
 */
import { layoutOf, type ImportProfile } from '../../domain/ingest/profile';
import type { Mapping } from '../../domain/ingest/mapping';
import { checkValueCodes, type ValueCodes } from '../../domain/ingest/value-codes';
import type { CanonicalKind } from '../../domain/schema';
import type { Queryable } from '../db/database';

interface Row {
	name: string;
	kind: string;
	headers: string;
	value_codes: string;
	updated_by: string | null;
	updated_at: string;
}

const SELECT = `SELECT name, kind, headers, value_codes, updated_by, strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at FROM import_profiles`;

function profileOf(row: Row): ImportProfile {
	return {
		name: row.name,
		kind: row.kind as CanonicalKind,
		headers: JSON.parse(row.headers),
		values: JSON.parse(row.value_codes),
		updatedBy: row.updated_by,
		updatedAt: row.updated_at
	};
}

export async function listProfiles(q: Queryable): Promise<ImportProfile[]> {
	return (await q.query<Row & Record<string, unknown>>(`${SELECT} ORDER BY updated_at DESC, name`)).map(profileOf);
}

export async function profileByName(q: Queryable, name: string): Promise<ImportProfile | null> {
	const [row] = await q.query<Row & Record<string, unknown>>(`${SELECT} WHERE name = $name`, { name });
	return row ? profileOf(row) : null;
}

/** The latest profile saved for files with these headers. */
export async function profileForLayout(q: Queryable, columns: readonly string[]): Promise<ImportProfile | null> {
	const [row] = await q.query<Row & Record<string, unknown>>(`${SELECT} WHERE layout = $layout ORDER BY updated_at DESC LIMIT 1`, {
		layout: layoutOf(columns)
	});
	return row ? profileOf(row) : null;
}

export async function saveProfile(
	q: Queryable,
	profile: { name: string; kind: CanonicalKind; columns: readonly string[]; mapping: Mapping; values: ValueCodes; actor: string }
): Promise<void> {
	if (!checkValueCodes(profile.values, profile.kind)) throw new Error('invalid value codes');
	await q.run(
		`INSERT OR REPLACE INTO import_profiles (name, kind, layout, headers, value_codes, updated_by, updated_at)
		VALUES ($name, $kind, $layout, $headers, $values, $actor, current_timestamp)`,
		{
			name: profile.name.trim(),
			kind: profile.kind,
			layout: layoutOf(profile.columns),
			headers: JSON.stringify(profile.columns.map((column, i) => ({ column, field: profile.mapping[i] ?? null }))),
			values: JSON.stringify(profile.values),
			actor: profile.actor
		}
	);
}
