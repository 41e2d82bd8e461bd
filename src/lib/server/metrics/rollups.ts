/** Which monthly rollup columns the database holds (they are rebuilt with every import of cases). */
import type { Queryable } from '../db/database';
import { dataAsOf } from './as-of';
import type { RollupInfo } from './tables';
import { dataRevision } from '../db/revision';

const rollupCache = new WeakMap<Queryable, { revision: number; columns: Set<string> }>();

/** The rollup columns in the database, read once per data revision. */
export async function rollupColumns(db: Queryable): Promise<Set<string>> {
	const revision = dataRevision();
	const hit = rollupCache.get(db);
	if (hit?.revision === revision) return hit.columns;
	const rows = await db.query<{ t: string; c: string }>(
		`SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE table_name LIKE 'rollup%'`
	);
	const columns = new Set(rows.map((r) => `${r.t}.${r.c}`));
	rollupCache.set(db, { revision, columns });
	return columns;
}

/** What the compiler needs to use the rollups of this database. */
export async function rollupInfo(db: Queryable): Promise<RollupInfo> {
	const [columns, asOf] = await Promise.all([rollupColumns(db), dataAsOf(db)]);
	return { columns, asOf };
}
