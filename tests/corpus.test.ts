/**
 * Bad input through the web upload of the built server, on a database of its own: every
 * csv-spectrum file and a corpus of malformed files generated here (truncated, stray quotes,
 * binary junk, 1 MB and 3 MB lines, 10,000 columns, deeply nested quotes…), each as a case
 * records import and as an "other" one. The server must answer every one, each refusal must be a
 * clear localised message, and the database must hold exactly the imports reported committed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ERRORS } from '../src/lib/domain/ingest/reasons';
import { createTestUsers, sessionCookie } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';
import { CASES_HEADER, importFinished, postUpload } from './support/uploads';
import { Database } from '../src/lib/server/db/database';

const spectrumDir = path.join(path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json')), 'csvs');

const row = (i: number) => `C${i},7501-24-00-2/C${i},first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,2024-02-10`;
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i)).join('\n');
const valid = `${CASES_HEADER}\n${rows(50)}\n`;

/** name → content; generated, so that nothing big is committed. */
function corpus(): Record<string, Buffer> {
	const junk = Buffer.alloc(64 * 1024);
	for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
	const files: Record<string, string | Buffer> = {
		'truncated-mid-row.csv': valid.slice(0, valid.length - 25),
		'truncated-in-quotes.csv': `${valid}C999,"7501-24-00-2/C999,first,KZ75-D01`,
		'stray-quote.csv': `${CASES_HEADER}\n${row(1)}\nC2,75"01-24,first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,2024-02-10\n${rows(3)}\n`,
		'unclosed-quote.csv': `${CASES_HEADER}\n${row(1)}\n"C2,${row(2)}\n${rows(40)}\n`,
		'quote-then-text.csv': `${CASES_HEADER}\n"C1"x,a,first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,2024-02-10\n`,
		'binary-junk.csv': junk,
		'binary-after-header.csv': Buffer.concat([Buffer.from(`${CASES_HEADER}\n${rows(20)}\n`), junk]),
		'nul-bytes.csv': `${CASES_HEADER}\n${row(1)}\u0000\u0000\n`,
		'one-mb-line.csv': `${CASES_HEADER}\n${row(1)}\nC2,${'x'.repeat(1024 * 1024)},first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,2024-02-10\n`,
		'three-mb-line.csv': `${CASES_HEADER}\n${'y'.repeat(3 * 1024 * 1024)}\n${row(1)}\n`,
		'ten-thousand-columns.csv': `${Array.from({ length: 10_000 }, (_, i) => `col${i}`).join(',')}\n${Array.from({ length: 3 }, (_, r) => Array.from({ length: 10_000 }, (_, i) => r * i).join(',')).join('\n')}\n`,
		'deep-quotes.csv': `${CASES_HEADER}\n"${'"'.repeat(20_000)}",${row(1).split(',').slice(1).join(',')}\n`,
		'nested-quotes-field.csv': `a,b\n"${'""'.repeat(10_000)}",1\n"${'"'.repeat(9_999)}",2\n`,
		'only-delimiters.csv': ',,,,,\n,,,,,\n,,,,,\n',
		'header-only.csv': `${CASES_HEADER}\n`,
		'empty.csv': '',
		'bom-only.csv': '\ufeff',
		'utf-16.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]),
		'ragged-rows.csv': `${CASES_HEADER}\n${row(1)},extra,more\nC2,short\n${rows(5)}\n`,
		'cr-only.csv': valid.replaceAll('\n', '\r')
	};
	for (const name of fs.readdirSync(spectrumDir)) files[`spectrum-${name}`] = fs.readFileSync(path.join(spectrumDir, name));
	return Object.fromEntries(Object.entries(files).map(([name, content]) => [name, Buffer.from(content)]));
}

/** Files whose refusal is known exactly (by code), whichever kind they are imported as. */
const REFUSED: Record<string, string> = {
	'ten-thousand-columns.csv': 'too_many_columns',
	'binary-junk.csv': 'binary',
	'nul-bytes.csv': 'binary',
	'empty.csv': 'empty',
	'bom-only.csv': 'empty',
	'utf-16.csv': 'utf_16',
	'header-only.csv': 'no_rows'
};

/** What a refusal must not look like: a stack trace, SQL, an internal error's wording. */
const INTERNAL = /\bat \S+ \(|Error:|SELECT|INSERT|read_csv|duckdb|undefined|\[object|stack/i;

interface Result {
	name: string;
	kind: string;
	committed?: { datasetId: number; version: number; rowsLoaded: number };
}

let databasePath: string;
let server: RunningServer;
let admin: string;
const results: Result[] = [];

beforeAll(async () => {
	databasePath = tempDatabasePath('e2e-corpus');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(os.tmpdir(), `court-corpus-uploads-${process.pid}`)
	});
	admin = await sessionCookie(server.url, 'admin');
});
afterAll(() => server?.stop());

describe('bad-input corpus', () => {
	const files = corpus();

	it.each(Object.keys(files).flatMap((name) => ['cases', 'other'].map((kind) => [name, kind])))(
		'%s as %s: answered, never half-loaded',
		async (name, kind) => {
			const response = await postUpload(server.url, admin, files[name], { kind, fileName: name }, { 'accept-language': 'en' });
			const body = await response.json();
			const result: Result = { name, kind };
			const job = response.status === 202 ? await importFinished(server.url, admin, body.id) : null;
			const error = job ? job.error : body.error;
			if (REFUSED[name]) expect(error?.code).toBe(REFUSED[name]);
			if (!job) expect(response.status).toBe(400);
			if (error) {
				expect(IMPORT_ERRORS).toContain(error.code);
				expect(error.message).not.toMatch(INTERNAL);
			} else {
				expect(job.state).toBe('finished');
				const { outcome } = job;
				expect(['committed', 'refused']).toContain(outcome.status);
				for (const reason of outcome.reasons) expect(reason.text).not.toMatch(INTERNAL);
				if (outcome.status === 'committed') {
					expect(outcome.rowsLoaded).toBe(outcome.rowsRead - outcome.rowsRejected);
					result.committed = { datasetId: outcome.datasetId, version: outcome.version, rowsLoaded: outcome.rowsLoaded };
				} else expect(outcome.rowsLoaded).toBe(0);
			}
			results.push(result);
			// The server is still up and answering.
			expect((await fetch(`${server.url}/api/indicators`)).status).toBe(200);
		}
	);

	it('left the database holding exactly the imports reported committed, each whole', async () => {
		expect(results).toHaveLength(Object.keys(files).length * 2);
		await server.stop();
		const committed = results.filter((r) => r.committed);
		const db = await Database.open(databasePath);
		try {
			const versions = await db.query<{ dataset_id: number; version: number; rows_loaded: number }>(
				`SELECT dataset_id, version, rows_loaded FROM dataset_versions v JOIN datasets d USING (dataset_id) WHERE d.name NOT LIKE 'Fixture %' ORDER BY ALL`
			);
			expect(versions).toEqual(
				committed.map((r) => ({ dataset_id: r.committed!.datasetId, version: r.committed!.version, rows_loaded: r.committed!.rowsLoaded }))
			);
			for (const r of committed) {
				const table = r.kind === 'other' ? `other_${r.committed!.datasetId}_v${r.committed!.version}` : 'cases';
				const [{ n }] = await db.query<{ n: number }>(
					`SELECT count(*) AS n FROM ${table} WHERE ${r.kind === 'other' ? 'true' : 'dataset_id = $id'}`,
					r.kind === 'other' ? undefined : { id: r.committed!.datasetId }
				);
				expect(n, `${r.name} as ${r.kind}`).toBe(r.committed!.rowsLoaded);
			}
		} finally {
			db.close();
		}
	});
});
