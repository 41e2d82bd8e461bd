/** The dashboard read cache on a real DuckDB file: one execution per read until the data changes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, QueryStopped } from './database';
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
	cache = new ReadCache(db, { maxEntries: 100 });
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
		const small = new ReadCache(db, { maxEntries: 1 });
		const read = (region: string) => small.query('SELECT count(*) AS c FROM t WHERE region = $region', { region });
		await read('KZ-75');
		await read('KZ-71');
		const before = executed();
		await read('KZ-75');
		expect(executed() - before).toBe(1);
		const off = new ReadCache(db, { maxEntries: 0 });
		await off.query('SELECT 1 AS one');
		await off.query('SELECT 1 AS one');
		expect(executed() - before).toBe(3);
	});
});

/** A statement that would run for minutes: only an interrupt ends it in a test's time. */
const ENDLESS = 'SELECT count(*) AS n FROM range(10000000000) a, range(10) b WHERE a.range % 7 = b.range';

describe('stopping reads', () => {
	it('interrupts a statement when its signal aborts, and the connection serves the next one', async () => {
		const controller = new AbortController();
		const read = db.query(ENDLESS, undefined, { signal: controller.signal });
		setTimeout(() => controller.abort(), 100);
		await expect(read).rejects.toEqual(new QueryStopped('cancelled'));
		expect(await db.query('SELECT 1 AS one', undefined, { signal: new AbortController().signal })).toEqual([{ one: 1 }]);
	});

	it('interrupts a statement at its time limit', async () => {
		await expect(db.query(ENDLESS, undefined, { timeoutMs: 100 })).rejects.toMatchObject({ reason: 'timeout' });
	});

	it('keeps a shared read running while one of its callers waits, and stops it when the last one goes', async () => {
		let signal: AbortSignal | undefined;
		const shared = new ReadCache(db, { maxEntries: 10, stop: () => ({ signal }) });
		const first = new AbortController();
		const second = new AbortController();
		const slow = 'SELECT count(*) AS n FROM range(30000000) WHERE range % 3 = 0';
		signal = first.signal;
		const a = shared.query(slow);
		signal = second.signal;
		const b = shared.query(slow);
		first.abort();
		await expect(a).rejects.toBeInstanceOf(QueryStopped);
		expect(await b).toEqual([{ n: 10000000 }]);

		const third = new AbortController();
		const fourth = new AbortController();
		signal = third.signal;
		const c = shared.query(ENDLESS);
		signal = fourth.signal;
		const d = shared.query(ENDLESS);
		third.abort();
		fourth.abort();
		await expect(Promise.all([c, d])).rejects.toBeInstanceOf(QueryStopped);
		// Nothing was kept of the stopped read: asking again runs it again (and is stopped again).
		const fifth = new AbortController();
		signal = fifth.signal;
		const e = shared.query(ENDLESS);
		setTimeout(() => fifth.abort(), 50);
		await expect(e).rejects.toEqual(new QueryStopped('cancelled'));
	});

	it('keeps no more rows than its budget', async () => {
		const budget = new ReadCache(db, { maxEntries: 10, maxRows: 5 });
		const before = executed();
		const rows = (n: number) => budget.query('SELECT * FROM range($n::INTEGER) t(i)', { n });
		await rows(3);
		await rows(3);
		expect(executed() - before).toBe(1);
		await rows(4);
		await rows(3);
		// The 4 rows pushed the 3 out (3 + 4 > 5); reading the 3 again kept it and evicted the 4.
		expect(executed() - before).toBe(3);
		await rows(6);
		await rows(6);
		expect(executed() - before).toBe(5);
	});
});
