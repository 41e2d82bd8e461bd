/**
 * Uploads over real HTTP against the built server, on a database of their own: court statistics
 * reaching the indicators, the size limit, the origin check, and a kill -9 in the middle of an
 * import leaving the database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, sessionCookie } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';
import { databaseSnapshot } from './support/snapshot';
import { importFinished, jobState, postUpload, writeCasesCsv, type UploadOptions } from './support/uploads';

let databasePath: string;
let server: RunningServer;
let admin: string;

async function start(env: Record<string, string> = {}) {
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(path.dirname(databasePath), 'uploads'),
		...env
	});
	admin = await sessionCookie(server.url, 'admin');
}

beforeAll(async () => {
	databasePath = tempDatabasePath('e2e-upload');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	await start({ UPLOAD_MAX_BYTES: String(40 * 1024 * 1024) });
});
afterAll(() => server?.stop());

function upload(body: Buffer | Readable, options: UploadOptions, headers: Record<string, string> = {}) {
	return postUpload(server.url, admin, body, options, headers);
}

const job = (id: string) => jobState(server.url, admin, id);
const finished = (id: string) => importFinished(server.url, admin, id);

describe('court statistics upload', () => {
	it('feeds the indicators that aggregates can give, and the API names them as their source', async () => {
		// A Russian Excel export for 2025, where the fixture has no case records.
		const rows = [
			'Начало периода;Конец периода;Регион;Инстанция;Вид судопроизводства;Остаток на начало;Поступило;Окончено;Остаток на конец',
			'01.01.2025;31.03.2025;Жамбылская обл.;Первая инстанция;Гражданские;100;1\u00a0200;1\u00a0100;200',
			'01.04.2025;30.06.2025;KZ-ZHA;Первая инстанция;Гражданские;200;900;1\u00a0000;100'
		];
		const response = await upload(iconv.encode(rows.join('\r\n'), 'win1251'), { fileName: 'формы-2025.csv' });
		expect(response.status).toBe(202);
		const done = await finished((await response.json()).id);
		expect(done.outcome).toMatchObject({ status: 'committed', kind: 'court_stats', rowsLoaded: 2, rowsRejected: 0 });

		// An administrator's exact figures (the public's are perturbed, and periods are calendar ones).
		const exact = { headers: { cookie: admin } };
		const incoming = await (await fetch(`${server.url}/api/indicators/incoming?from=2025-01-01&to=2025-06-30&region=KZ-31`, exact)).json();
		expect(incoming).toMatchObject({ source: 'court_stats', rows: [{ value: 2100 }] });
		const clearance = await (
			await fetch(`${server.url}/api/indicators/clearance_rate?from=2025-01-01&to=2025-06-30&region=KZ-31`, exact)
		).json();
		expect(clearance.source).toBe('court_stats');
		expect(clearance.rows[0].value).toBeCloseTo((2100 / 2100) * 100, 5);
		const pending = await (
			await fetch(`${server.url}/api/indicators/pending_end?from=2025-01-01&to=2025-06-30&region=KZ-31`, exact)
		).json();
		expect(pending).toMatchObject({ source: 'court_stats', rows: [{ value: 100 }] });
	});
});

describe('upload requests', () => {
	it('refuses a file over the size limit with 413 and a message in the user’s language', async () => {
		const response = await upload(Buffer.alloc(41 * 1024 * 1024, 'a'), { fileName: 'big.csv' }, { 'accept-language': 'en' });
		expect(response.status).toBe(413);
		expect((await response.json()).error.message).toBe('The file is larger than allowed (40 MB).');
	});

	it('refuses uploads from another origin, and a binary file with a clear message', async () => {
		expect((await upload(Buffer.from('a,b\n1,2\n'), { fileName: 'x.csv' }, { origin: 'https://evil.example' })).status).toBe(403);
		const binary = await upload(
			Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(100)]),
			{ fileName: 'photo.csv' },
			{ 'accept-language': 'ru' }
		);
		expect(binary.status).toBe(400);
		expect((await binary.json()).error.message).toMatch(/^Файл не является текстовым CSV/);
	});

	it('says that a Content-Type is needed instead of calling a file without one empty', async () => {
		const response = await fetch(`${server.url}/api/datasets/imports`, {
			method: 'POST',
			headers: {
				origin: server.url,
				cookie: admin,
				accept: 'application/json',
				'accept-language': 'en',
				'x-import-options': encodeURIComponent(JSON.stringify({ fileName: 'x.csv' }))
			},
			body: new Uint8Array(Buffer.from('a,b\n1,2\n'))
		});
		expect(response.status).toBe(415);
		expect((await response.json()).error.message).toMatch(/^The request has no Content-Type header/);
	});
});

describe('a kill -9 in the middle of an import', () => {
	it('leaves the data and the dataset list exactly as before', async () => {
		// Enough rows for the import to last a few seconds on two cores.
		const file = path.join(path.dirname(databasePath), 'big-cases.csv');
		await writeCasesCsv(file, 300_000, 'K');

		await server.stop();
		const snapshot = () => databaseSnapshot(databasePath);
		const before = await snapshot();
		await start();

		const response = await upload(fs.createReadStream(file), { kind: 'cases', fileName: 'big-cases.csv' });
		expect(response.status).toBe(202);
		const { id } = await response.json();
		// Wait until the import writes, then kill the server without warning.
		let phase = '';
		while (phase !== 'committing') {
			phase = (await job(id)).progress.phase;
			expect(phase).not.toBe('done');
		}
		server.process.kill('SIGKILL');
		await new Promise((resolve) => server.process.once('exit', resolve));

		// The restarted server recovers the database and clears the work files.
		await start();
		expect(fs.readdirSync(path.join(path.dirname(databasePath), 'uploads')).filter((f) => f.endsWith('.csv'))).toEqual([]);
		await server.stop();
		expect(await snapshot()).toEqual(before);
		await start();
	});
});
