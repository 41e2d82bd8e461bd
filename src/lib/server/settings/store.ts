/** Settings an administrator edits in the UI, stored as JSON by key (table app_settings), with who changed them last. */
import type { Queryable } from '../db/database';

export async function readSetting(q: Queryable, key: string): Promise<unknown> {
	const [row] = await q.query<{ value: string }>(`SELECT value FROM app_settings WHERE key = $key`, { key });
	return row ? JSON.parse(row.value) : undefined;
}

export async function writeSetting(q: Queryable, key: string, value: unknown, actor: string): Promise<void> {
	await q.run(
		`INSERT INTO app_settings (key, value, updated_by) VALUES ($key, $value, $actor)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
		{ key, value: JSON.stringify(value), actor }
	);
}
