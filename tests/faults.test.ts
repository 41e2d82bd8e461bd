/**
 * Crashes and write failures during an import, against the built server on a database of its
 * own: a kill -9 at each named point of the pipeline (IMPORT_PAUSE_AT holds the import there),
 * then a restart — the database opens, the previous data is intact and the import is wholly
 * there (killed after its commit) or wholly absent (killed before). A full disk, simulated by a
 * file-size limit on the server process, ends in a clean localised error with the data intact.
 * Every test works on its own copy of the fixture database, so each stands alone in any order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS, type FaultPoint } from '../src/lib/server/ingest/fault-points';
import { createTestUsers, sessionCookie } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer, type StartOptions } from './support/server';
import { databaseSnapshot } from './support/snapshot';
import { importFinished, postUpload, writeCasesCsv } from './support/uploads';

const ROWS = 20_000;
/** The fixture database every test copies; the CSV file imported. */
let template: string;
let file: string;
/** The current test's own database and work folder (set by `freshDatabase`). */
let databasePath: string;
let uploadsDir: string;

/** A copy of the fixture database for one test, and its snapshot before anything happens. */
async function freshDatabase(label: string) {
	databasePath = tempDatabasePath(`e2e-faults-${label}`);
	uploadsDir = path.join(path.dirname(databasePath), 'uploads');
	fs.copyFileSync(template, databasePath);
	return databaseSnapshot(databasePath);
}

async function start(env: Record<string, string> = {}, options: StartOptions = {}): Promise<{ server: RunningServer; admin: string }> {
	const server = await startServer({ DATABASE_PATH: databasePath, DEMO_SCALE: '0', UPLOADS_DIR: uploadsDir, ...env }, 120_000, options);
	return { server, admin: await sessionCookie(server.url, 'admin') };
}

async function kill(server: RunningServer): Promise<void> {
	server.process.kill('SIGKILL');
	if (server.process.exitCode === null && server.process.signalCode === null)
		await new Promise((resolve) => server.process.once('exit', resolve));
}

async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Restarts the server once (it recovers the database and clears the work files), then reads the database. */
async function recoveredSnapshot() {
	const { server } = await start();
	const workFiles = fs.readdirSync(uploadsDir).filter((f) => f.endsWith('.csv'));
	// The restarted server answers from the recovered database.
	const incoming = await fetch(`${server.url}/api/indicators/incoming?from=2024-01-01&to=2024-12-31`);
	await server.stop();
	return { workFiles, status: incoming.status, snapshot: await databaseSnapshot(databasePath) };
}

beforeAll(async () => {
	template = tempDatabasePath('e2e-faults');
	const db = await createFixtureDatabase(template);
	await createTestUsers(db);
	db.close();
	file = path.join(path.dirname(template), 'cases.csv');
	await writeCasesCsv(file, ROWS, 'F');
});

describe('kill -9 during an import', () => {
	it('while the file is being received: the import is absent', async () => {
		const before = await freshDatabase('receiving');
		const { server, admin } = await start();
		// Half the file is sent, then the client waits: the server holds a partial working file.
		const content = fs.readFileSync(file);
		const body = new Readable({ read() {} });
		body.push(content.subarray(0, content.length / 2));
		postUpload(server.url, admin, body, { kind: 'cases', fileName: 'cases.csv' }).catch(() => undefined);
		await until(() => fs.existsSync(uploadsDir) && fs.readdirSync(uploadsDir).some((f) => fs.statSync(path.join(uploadsDir, f)).size > 0));
		await kill(server);
		body.destroy();
		const after = await recoveredSnapshot();
		expect(after).toEqual({ workFiles: [], status: 200, snapshot: before });
	});

	const before_commit = FAULT_POINTS.filter((p): p is Exclude<FaultPoint, 'committed'> => p !== 'committed');
	it.each(before_commit)('at "%s": the database opens and the import is wholly absent', async (point) => {
		const before = await freshDatabase(point);
		const { server, admin } = await start({ IMPORT_PAUSE_AT: point });
		postUpload(server.url, admin, fs.createReadStream(file), { kind: 'cases', fileName: 'cases.csv' }).catch(() => undefined);
		await until(() => server.output().includes(`import paused at ${point}`));
		await kill(server);
		const after = await recoveredSnapshot();
		expect(after).toEqual({ workFiles: [], status: 200, snapshot: before });
	});

	it('after the commit: the import is wholly there, the earlier data untouched', async () => {
		const before = await freshDatabase('committed');
		const { server, admin } = await start({ IMPORT_PAUSE_AT: 'committed' });
		postUpload(server.url, admin, fs.createReadStream(file), { kind: 'cases', fileName: 'cases.csv' }).catch(() => undefined);
		await until(() => server.output().includes('import paused at committed'));
		await kill(server);
		const { workFiles, status, snapshot } = await recoveredSnapshot();
		expect({ workFiles, status }).toEqual({ workFiles: [], status: 200 });
		const added = snapshot.datasets.filter((d) => !before.datasets.some((b) => b.dataset_id === d.dataset_id));
		expect(added).toHaveLength(1);
		const id = added[0].dataset_id;
		expect(snapshot.cases).toEqual([...before.cases, { dataset_id: id, n: ROWS }]);
		expect(snapshot.versions.filter((v) => v.dataset_id === id)).toMatchObject([{ version: 1, rows_loaded: ROWS, rows_rejected: 0 }]);
		expect(snapshot.datasets.filter((d) => d.dataset_id !== id)).toEqual(before.datasets);
		expect(snapshot.versions.filter((v) => v.dataset_id !== id)).toEqual(before.versions);
	});
});

describe('a full disk', () => {
	let server: RunningServer;
	let admin: string;
	afterAll(() => server?.stop());

	it('ends the upload in a clean localised error, and the data and the server stay as they were', async () => {
		const before = await freshDatabase('full-disk');
		// Room for the database and its log, not for a working file of the size uploaded.
		const limitKb = Math.ceil(fs.statSync(databasePath).size / 1024) + 4096;
		const big = path.join(path.dirname(databasePath), 'big.csv');
		await writeCasesCsv(big, Math.ceil((2 * limitKb * 1024) / 80), 'D');
		expect(fs.statSync(big).size).toBeGreaterThan(limitKb * 1024);
		({ server, admin } = await start({}, { fileSizeLimitKb: limitKb }));

		const response = await postUpload(
			server.url,
			admin,
			fs.createReadStream(big),
			{ kind: 'cases', fileName: 'big.csv' },
			{ 'accept-language': 'en' }
		);
		expect(response.status).toBe(507);
		expect((await response.json()).error).toEqual({
			code: 'write_failed',
			message: 'The server could not write the file (the disk is full or not writable). Nothing was loaded; tell the administrator.'
		});
		// The server keeps serving, and a file that fits is still imported.
		expect((await fetch(`${server.url}/api/indicators/incoming?from=2024-01-01&to=2024-12-31`)).status).toBe(200);
		const ok = await postUpload(server.url, admin, fs.createReadStream(file), { kind: 'cases', fileName: 'cases.csv' });
		expect(ok.status).toBe(202);
		const done = await importFinished(server.url, admin, (await ok.json()).id);
		await server.stop();
		const after = await databaseSnapshot(databasePath);
		expect(after.datasets.slice(0, before.datasets.length)).toEqual(before.datasets);
		expect(after.cases.slice(0, before.cases.length)).toEqual(before.cases);
		expect(done.outcome).toMatchObject({ status: 'committed', rowsLoaded: ROWS });
		expect(after.cases.slice(before.cases.length)).toEqual([{ dataset_id: done.outcome.datasetId, n: ROWS }]);
		expect(fs.readdirSync(uploadsDir).filter((f) => f.endsWith('.csv'))).toEqual([]);
	});
});
