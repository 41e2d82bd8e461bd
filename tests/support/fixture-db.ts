/**
 * A real DuckDB file holding the hand-computed fixture set (tests/fixtures), built exactly as the
 * application builds its database: migrations, directories, canonical load, derived tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../../src/lib/server/db/database';
import { loadCanonicalFiles } from '../../src/lib/server/startup';
import { syncDirectories } from '../../src/lib/server/db/directories';
import { migrate } from '../../src/lib/server/db/migrations';
import { parseQuery, type ViewQuery } from '../../src/lib/domain/query';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function tempDatabasePath(label = 'fixture'): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `court-${label}-`));
	return path.join(dir, 'court.duckdb');
}

export async function createFixtureDatabase(file = tempDatabasePath()): Promise<Database> {
	const db = await Database.open(file, { threads: 2 });
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	await loadCanonicalFiles(
		db,
		{
			cases: path.join(FIXTURES, 'cases.csv'),
			fraud: path.join(FIXTURES, 'fraud.csv'),
			court_stats: path.join(FIXTURES, 'court_stats.csv')
		},
		{
			names: { cases: 'Fixture cases', fraud: 'Fixture fraud', court_stats: 'Fixture forms' },
			isDemo: false,
			workDir: path.join(path.dirname(file), 'work')
		}
	);
	return db;
}

/** A view query from URL parameters that are known to be valid (tests only). */
export function viewQuery(params: string): ViewQuery {
	const parsed = parseQuery(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.value;
}
