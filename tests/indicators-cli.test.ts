/**
 * `npm run indicators`: definitions from files, on the database file while no server runs and
 * through the running server (which computes them at once) while one does; every problem named
 * by definition and field; one language per run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/lib/server/db/database';
import { createTestUsers, sessionCookie } from './support/auth';
import { runScript } from './support/cli';
import { tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';

const database = tempDatabasePath('cli-indicators');
const dir = path.dirname(database);

const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
	runScript(script, args, {
		DATABASE_PATH: database,
		UPLOADS_DIR: path.join(dir, 'uploads'),
		LANG: 'C.UTF-8',
		LC_ALL: '',
		LC_MESSAGES: '',
		...env
	});

function indicators(args: string[], content?: unknown, env: Record<string, string> = {}) {
	const options = env.LANG ? ['--author', 'analyst1'] : ['--lang', 'en', '--author', 'analyst1'];
	if (content === undefined) return cli('scripts/indicators.ts', [...args, ...options], env);
	const file = path.join(dir, 'definitions.json');
	fs.writeFileSync(file, JSON.stringify(content));
	return cli('scripts/indicators.ts', [args[0], file, ...args.slice(1), ...options], env);
}

const definition = (id: string, measure: unknown = { agg: 'sum', column: 'Filings' }) => ({
	id,
	dataset: 'Hawaii filings',
	name: { ru: `Поступило (${id})`, kk: `Түсті (${id})`, en: `Filings (${id})` },
	measure,
	time: { year: 'Year', month: 'Month' },
	dimensions: ['Court', 'Case Type'],
	unit: 'count',
	better: 'neutral'
});

beforeAll(() => {
	const run = cli('scripts/import.ts', [
		'--kind',
		'other',
		'--name',
		'Hawaii filings',
		'--create',
		path.join(ROOT, 'tests/fixtures/other/monthly-filings.csv')
	]);
	expect(run.status).toBe(0);
});

describe('npm run indicators', () => {
	it('adds a file of definitions, lists them with version and author, updates and removes them', () => {
		const added = indicators(
			['add'],
			[
				definition('hawaii_filings'),
				definition('hawaii_civil', { agg: 'count', filters: [{ column: 'Case Type', op: 'eq', value: 'Civil' }] })
			]
		);
		expect(added.status).toBe(0);
		expect(added.out).toBe('hawaii_filings: version 1\nhawaii_civil: version 1\n');

		const listed = indicators(['list']);
		expect(listed.out).toMatch(/^hawaii_civil\tv1\tdataset \d+\tFilings \(hawaii_civil\)\tcli:analyst1\t\d{4}-/m);
		expect(listed.out).toMatch(/^hawaii_filings\tv1\t/m);

		// One definition alone, not in an array.
		expect(indicators(['update'], definition('hawaii_filings', { agg: 'max', column: 'Filings' })).out).toBe('hawaii_filings: version 2\n');
		expect(indicators(['remove', 'hawaii_civil']).out).toBe('hawaii_civil: retired (version 2)\n');
		expect(indicators(['list']).out).not.toContain('hawaii_civil');
		expect(indicators(['list', '--all']).out).toMatch(/^hawaii_civil\tv2 retired\t/m);
		const again = indicators(['remove', 'hawaii_civil']);
		expect(again.status).toBe(1);
		expect(again.err).toContain('Indicator “hawaii_civil” does not exist or is already retired.');
	});

	it('prints each problem with its definition and field, and saves nothing', () => {
		const run = indicators(
			['add'],
			[
				definition('good_one'),
				definition('bad_one', { agg: 'sum', column: 'Court' }),
				{ ...definition('Bad id'), time: { column: 'Month' } }
			]
		);
		expect(run.status).toBe(1);
		expect(run.err).toContain(
			'Definition 2 (bad_one):\n  measure.column: column “Court” is of type text; one of these is needed here: number, percent'
		);
		expect(run.err).toContain('Definition 3 (Bad id):\n  id: expected /^[a-z][a-z0-9_]{2,63}$/, got "Bad id"');
		expect(run.err).toContain('Nothing was saved.');
		expect(indicators(['list']).out).not.toContain('good_one');
	});

	it('says what is wrong with the file or the command', () => {
		const file = path.join(dir, 'broken.json');
		fs.writeFileSync(file, '{"id": ');
		const broken = cli('scripts/indicators.ts', ['add', file, '--lang', 'en']);
		expect(broken.status).toBe(1);
		expect(broken.err).toContain(`File ${file} is not JSON:`);
		// No --lang: the language of LANG.
		const unknown = cli('scripts/indicators.ts', ['rename', 'x'], { LANG: 'en_US.UTF-8' });
		expect(unknown.status).toBe(2);
		expect(unknown.err).toContain('Unknown command: rename');
	});
});

describe('npm run indicators through the running server', () => {
	let server: RunningServer;
	/**
	 * A GET after a command-line run: the server may close the idle keep-alive connection just as
	 * fetch reuses it (a CLI run takes seconds under load); such a request is sent again once.
	 */
	// Read as an analyst: the public gets protected (perturbed) figures, not the sums computed here.
	let cookie = '';
	const get = (search: string): Promise<Response> =>
		fetch(server.url + search, { headers: { cookie } }).catch((error: { cause?: { code?: string } }) => {
			if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
			return fetch(server.url + search, { headers: { cookie } });
		});
	beforeAll(async () => {
		const db = await Database.open(database);
		await createTestUsers(db);
		db.close();
		server = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0', UPLOADS_DIR: path.join(dir, 'uploads') });
		cookie = await sessionCookie(server.url, 'analyst');
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('adds a pack the server computes at once, in its catalog and API, and retires it', async () => {
		const pack = Array.from({ length: 3 }, (_, i) => ({
			...definition(`court_filings_${i}`),
			measure: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Type', op: 'eq', value: ['Civil', 'Criminal', 'Traffic'][i] }] }
		}));
		// The first one has a definition text, a target and thresholds.
		const aimed = {
			...pack[0],
			definition: { ru: 'Гражданские иски за месяц', kk: 'Айлық азаматтық талаптар', en: 'Civil filings in the month' },
			better: 'higher',
			target: 20000,
			thresholds: { warn: 15000, bad: 10000 }
		};
		pack[0] = aimed;
		const added = indicators(['add'], pack);
		expect(added.status, added.err).toBe(0);
		expect(added.err).toContain(`The server is running: the command goes through it (${server.url}).`);
		expect(added.out).toBe('court_filings_0: version 1\ncourt_filings_1: version 1\ncourt_filings_2: version 1\n');
		expect(indicators(['list']).out).toMatch(/^court_filings_1\tv1\tdataset \d+\tFilings \(court_filings_1\)\tcli:analyst1\t/m);

		const catalog = await get('/api/indicators').then((r) => r.json());
		const entry = catalog.indicators.find((i: { id: string }) => i.id === 'court_filings_1');
		expect(entry).toMatchObject({ group: 'defined', unit: 'count', dimensions: ['court', 'case_type'] });
		// The definition text and the target are kept and served: in the catalog and on the explorer.
		expect(catalog.indicators.find((i: { id: string }) => i.id === 'court_filings_0')).toMatchObject({
			definition: aimed.definition,
			better: 'up',
			thresholds: { target: 20000, warn: 15000, bad: 10000 }
		});
		const explorer = await fetch(`${server.url}/indicators/court_filings_0?period=2024`, {
			headers: { cookie: `${cookie}; PARAGLIDE_LOCALE=en` }
		}).then((r) => r.text());
		expect(explorer).toContain(aimed.definition.en);
		expect(explorer).toContain('≥ 20,000');
		// Filings = 100·court + 10·type + month + 1000·(year − 2023); criminal (type 2) in 2024, Circuit Court 1.
		const answer = await get('/api/indicators/court_filings_1?period=2024&by=court').then((r) => r.json());
		const circuit = Array.from({ length: 12 }, (_, m) => 100 + 20 + (m + 1) + 1000).reduce((a, b) => a + b, 0);
		expect(answer.rows.find((r: { court: string }) => r.court === 'Circuit Court 1')).toMatchObject({ value: circuit });
		const csv = await get('/api/indicators/court_filings_1?period=2024&grain=quarter&format=csv').then((r) => r.text());
		expect(csv.split(/\r?\n/)[0]).toBe(
			'period,partial,value,numerator,denominator,n,missing,provisional,incomplete,suppressed,hidden,note'
		);

		expect(indicators(['remove', 'court_filings_2']).out).toBe('court_filings_2: retired (version 2)\n');
		expect((await get('/api/indicators/court_filings_2')).status).toBe(404);
	});

	it("prints the problems of a file with their fields in the run's language, and saves nothing", async () => {
		const run = indicators(
			['add'],
			[definition('through_server_ok'), { ...definition('through_server_bad'), dimensions: ['Court', 'Судья'] }],
			{
				LANG: 'ru_RU.UTF-8'
			}
		);
		expect(run.status).toBe(1);
		expect(run.err).toContain('Сервер работает: команда выполняется через него');
		expect(run.err).toContain('Определение 2 (through_server_bad):\n  dimensions.1: в наборе данных нет столбца «Судья»');
		const catalog = await get('/api/indicators').then((r) => r.json());
		expect(catalog.indicators.map((i: { id: string }) => i.id)).not.toContain('through_server_ok');
	});
});
