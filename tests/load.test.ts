/**
 * Load on loopback at a small scale, against the built server on the fixture database: 50
 * concurrent clients cycling through the benchmark's dashboard views (scripts/bench/views.ts),
 * then the same while a file of case records is uploaded and imported. Every request must be
 * answered with success, and the import must commit. (Latencies are measured by `npm run
 * bench`, not asserted here.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../scripts/bench/load';
import { VIEWS } from '../scripts/bench/views';
import { createTestUsers, sessionCookie } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';
import { importFinished, postUpload, writeCasesCsv } from './support/uploads';

const SETTINGS = { connections: 50, seconds: 10 };
let server: RunningServer;
let admin: string;
let file: string;

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-load');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	file = path.join(path.dirname(databasePath), 'cases.csv');
	await writeCasesCsv(file, 200_000, 'L');
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(path.dirname(databasePath), 'uploads')
	});
	admin = await sessionCookie(server.url, 'admin');
});
afterAll(() => server?.stop());

describe('50 concurrent clients', () => {
	it('get every dashboard view answered', async () => {
		const result = await load(server.url, VIEWS, SETTINGS);
		expect(result.requests).toBeGreaterThan(VIEWS.length);
		expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
	});

	it('keep getting answers while an import runs, and the import commits', async () => {
		const upload = postUpload(server.url, admin, fs.createReadStream(file), { kind: 'cases', fileName: 'cases.csv' });
		const during = load(server.url, VIEWS, SETTINGS);
		const response = await upload;
		expect(response.status).toBe(202);
		const job = await importFinished(server.url, admin, (await response.json()).id);
		const result = await during;
		expect(job.outcome).toMatchObject({ status: 'committed', rowsLoaded: 200_000 });
		expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
	});
});
