/** The wall's panels as the administrator chose them (app_settings 'wall'), the default until then. */
import { DEFAULT_WALL, parseWallConfig, type WallConfig, type WallProblem } from '../../domain/wall';
import { audit } from '../datasets/registry';
import type { Database, Queryable } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { readSetting, writeSetting } from '../settings/store';

const KEY = 'wall';

/** A stored choice that no longer holds (an indicator taken out of the catalog) gives way to the default. */
export async function wallConfig(q: Queryable): Promise<WallConfig> {
	const stored = await readSetting(q, KEY);
	if (stored === undefined) return DEFAULT_WALL;
	const parsed = parseWallConfig(stored);
	return parsed.ok ? parsed.config : DEFAULT_WALL;
}

/** Saves a checked configuration; open walls reload (the data revision changes). */
export async function saveWallConfig(
	db: Database,
	input: unknown,
	actor: string
): Promise<{ ok: true } | { ok: false; problems: WallProblem[] }> {
	const parsed = parseWallConfig(input);
	if (!parsed.ok) return parsed;
	await db.transaction(async (tx) => {
		await writeSetting(tx, KEY, parsed.config, actor);
		await audit(tx, { actor, action: 'wall_settings', params: { panels: parsed.config.panels.length, seconds: parsed.config.seconds } });
	});
	bumpDataRevision();
	return { ok: true };
}
