/**
 * `npm run export:parquet -- [--out data/parquet]`: writes the case records, fraud incidents and
 * court statistics as Parquet, hive partitioned by dataset and year (see docs/operations.md,
 * "Beyond one server: Parquet"). Stop the server first: DuckDB lets one process open the database file.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { settings } from '../src/lib/server/config';
import { exportParquet } from '../src/lib/server/datasets/parquet';
import { Database } from '../src/lib/server/db/database';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'data/parquet' } } });
const s = settings();
const db = await Database.open(s.databasePath, { threads: s.duckdbThreads || undefined, memoryLimit: s.duckdbMemoryLimit, readOnly: true });
try {
	const started = Date.now();
	for (const { kind, folder, rows } of await exportParquet(db, path.resolve(values.out))) {
		console.log(`${kind}: ${rows.toLocaleString('en')} rows → ${folder}`);
	}
	console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
	db.close();
}
