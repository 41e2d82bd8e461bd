/** The wall's panels as the administrator chose them (app_settings 'wall'), the default until then. */
import { DEFAULT_WALL, parseWallConfig, type WallConfig, type WallProblem } from '../../domain/wall';
import { audit } from '../datasets/registry';
import type { Database } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { loadDefined } from '../definitions/indicators';
import { indicatorOf } from '../metrics/defined';
import { readSetting, writeSetting } from '../settings/store';

const KEY = 'wall';

/** An indicator of the catalog or one defined as data in force (loadDefined first). */
const inForce = (id: string) => indicatorOf(id) !== undefined;

/**
 * A panel whose indicator is no longer in force (a defined one retired) is left out; a stored
 * choice that no longer holds at all gives way to the default.
 */
export async function wallConfig(db: Database): Promise<WallConfig> {
	const stored = await readSetting(db, KEY);
	if (stored === undefined) return DEFAULT_WALL;
	const parsed = parseWallConfig(stored, () => true);
	if (!parsed.ok) return DEFAULT_WALL;
	await loadDefined(db);
	const panels = parsed.config.panels.filter((p) => p.indicator === undefined || inForce(p.indicator));
	return panels.length ? { ...parsed.config, panels } : DEFAULT_WALL;
}

/** Saves a checked configuration; open walls reload (the data revision changes). */
export async function saveWallConfig(
	db: Database,
	input: unknown,
	actor: string
): Promise<{ ok: true } | { ok: false; problems: WallProblem[] }> {
	await loadDefined(db);
	const parsed = parseWallConfig(input, inForce);
	if (!parsed.ok) return parsed;
	await db.transaction(async (tx) => {
		await writeSetting(tx, KEY, parsed.config, actor);
		await audit(tx, { actor, action: 'wall_settings', params: { panels: parsed.config.panels.length, seconds: parsed.config.seconds } });
	});
	bumpDataRevision();
	return { ok: true };
}
