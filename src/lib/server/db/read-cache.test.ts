/** The dashboard read cache on a real DuckDB file: one execution per read until the data changes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database';
import { ReadCache } from './read-cache';
import { bumpDataRevision } from './revision';

let dir: string;
let db: Database;
let cache: ReadCache;
const log = () => path.join(dir, 'queries.jsonl');
/** Statements executed so far (the database's query log). */
const executed = () => (fs.existsSync(log()) ? fs.readFileSync(log(), 'utf8').trim().split('\n').filter(Boolean).length : 0);

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-cache-'));
	process.env.QUERY_LOG = log();
	db = await Database.open(path.join(dir, 'court.duckdb'), { threads: 2 });
	await db.run('CREATE TABLE t (region VARCHAR, n INTEGER)');
	await db.run(`INSERT INTO t VALUES ('KZ-75', 1), ('KZ-71', 2)`);
	cache = new ReadCache(db, 100);
});
afterAll(() => {
	delete process.env.QUERY_LOG;
	db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const total = (region: string) => cache.query<{ n: number }>('SELECT sum(n) AS n FROM t WHERE region = $region', { region });

describe('ReadCache', () => {
	it('runs a read once, also when asked concurrently, and per distinct parameters', async () => {
		const before = executed();
		const results = await Promise.all([total('KZ-75'), total('KZ-75'), total('KZ-71')]);
		expect(await total('KZ-75')).toEqual([{ n: 1 }]);
		expect(results).toEqual([[{ n: 1 }], [{ n: 1 }], [{ n: 2 }]]);
		expect(executed() - before).toBe(2);
	});

	it('gives each caller its own rows', async () => {
		const [first] = await total('KZ-75');
		first.n = 999;
		expect(await total('KZ-75')).toEqual([{ n: 1 }]);
	});

	it('forgets everything when the data changes (an import or rollback bumps the revision)', async () => {
		await db.run(`INSERT INTO t VALUES ('KZ-75', 10)`);
		bumpDataRevision();
		expect(await total('KZ-75')).toEqual([{ n: 11 }]);
		await db.transaction((tx) => tx.run(`UPDATE t SET n = n + 1 WHERE region = 'KZ-71'`));
		bumpDataRevision();
		expect(await total('KZ-71')).toEqual([{ n: 3 }]);
	});

	it('keeps its results through writes that leave the data alone (sign-ins, sessions, the audit log)', async () => {
		await db.run('CREATE TABLE sessions (token VARCHAR)');
		expect(await total('KZ-71')).toEqual([{ n: 3 }]);
		const before = executed();
		await db.run(`INSERT INTO sessions VALUES ('a')`);
		await db.transaction((tx) => tx.run(`INSERT INTO sessions VALUES ('b')`));
		expect(await total('KZ-71')).toEqual([{ n: 3 }]);
		expect(executed() - before).toBe(0);
	});

	it('keeps at most its number of entries, and none at size 0', async () => {
		const small = new ReadCache(db, 1);
		const read = (region: string) => small.query('SELECT count(*) AS c FROM t WHERE region = $region', { region });
		await read('KZ-75');
		await read('KZ-71');
		const before = executed();
		await read('KZ-75');
		expect(executed() - before).toBe(1);
		const off = new ReadCache(db, 0);
		await off.query('SELECT 1 AS one');
		await off.query('SELECT 1 AS one');
		expect(executed() - before).toBe(3);
	});
});
