/**
 * The command-line tools (`npm run import`, `npm run user:add`): on the database file while no
 * server runs, through the running server's API while one does (the same output), in one
 * language per run, and never creating a database by a mistyped path.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/lib/server/db/database';
import { FIXTURES, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';

function cli(script: string, args: string[], database: string, env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
		cwd: ROOT,
		env: {
			...process.env,
			LANG: 'C.UTF-8',
			LC_ALL: '',
			LC_MESSAGES: '',
			DATABASE_PATH: database,
			USER_PASSWORD: 'password-of-ten',
			...env
		},
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

function importCli(database: string, args: string[], content: string, env: Record<string, string> = {}) {
	const file = path.join(path.dirname(database), 'input.csv');
	fs.writeFileSync(file, content);
	return cli('scripts/import.ts', [...args, file], database, env);
}

const FRAUD_CSV =
	'ID факта;Дата рег.;Регион;Схема;Канал;Ущерб;Статья;Статус\nF1;05.03.2024;Jambyl;other;sms;1 000,50;190;registered\nF2;06.03.2024;Атлантида;other;sms;10;190;registered\n';

describe('on the database file (no server running)', () => {
	const database = tempDatabasePath('cli');

	it('refuses a database that does not exist unless asked to create it', () => {
		const user = cli('scripts/user-add.ts', ['--role', 'admin', '--login', 'boss', '--lang', 'en'], database);
		expect(user.status).toBe(1);
		expect(user.err).toContain(`There is no database at ${database}. Check DATABASE_PATH, or add --create to create a new one.`);
		expect(fs.existsSync(database)).toBe(false);
		const created = cli('scripts/user-add.ts', ['--role', 'admin', '--login', 'boss', '--lang', 'en', '--create'], database);
		expect(created.status, created.err).toBe(0);
		expect(created.out).toContain(`Created user boss (admin) in ${database}.`);
	});

	it('refuses with the list of required fields that have no column', () => {
		const run = importCli(database, ['--kind', 'fraud', '--lang', 'en'], 'Регион;Ущерб\nKZ-75;100\n');
		expect(run.status).toBe(1);
		expect(run.err).toContain('Required fields are not mapped: Incident ID, Registered, Scheme, Channel, Criminal Code article, Status.');
	});

	it('imports with the suggested mapping corrected by --map, printing progress and the rejects in one language', () => {
		const run = importCli(database, ['--kind', 'fraud', '--map', 'Дата рег.=registered_date', '--lang', 'ru'], FRAUD_CSV);
		expect(run.err).toContain('Сервер не запущен: команда работает с файлом');
		expect(run.err).toContain('Готово 2 из 2 строк');
		// One row of two rejected: above the default threshold of 1%, so nothing is loaded.
		expect(run.status).toBe(1);
		expect(run.out).toMatch(/^Не загружено: Интернет-мошенничество; прочитано 2, загружено 0, отклонено 1 \(порог 1\s%\)/);
		expect(run.out).toContain('строка 3, Регион = "Атлантида": Регион не распознан');
		expect(run.out + run.err).not.toMatch(/\b(Refused|Done|line|rows|threshold)\b/);
	});

	it('takes the language from the environment without --lang', () => {
		const run = importCli(database, ['--kind', 'fraud', '--map', 'Дата рег.=registered_date'], FRAUD_CSV, { LANG: 'kk_KZ.UTF-8' });
		expect(run.out).toContain('Жүктелмеді: Интернет-алаяқтық; оқылды 2, жүктелді 0, қабылданбады 1');
		expect(run.out).toContain('3-жол, Регион = "Атлантида"');
	});
});

describe('through the running server', () => {
	const database = tempDatabasePath('cli-server');
	let server: RunningServer;

	beforeAll(async () => {
		server = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0' });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('imports while the server keeps serving, with the same progress and report', async () => {
		const run = cli('scripts/import.ts', ['--kind', 'cases', '--lang', 'en', path.join(FIXTURES, 'cases.csv')], database);
		expect(run.status, run.err + run.out).toBe(0);
		expect(run.err).toContain(`The server is running: the command goes through it (${server.url}).`);
		expect(run.err).toMatch(/\] Receiving the file /);
		expect(run.err).toContain('Done 21 of 21 rows');
		expect(run.out).toMatch(/^Committed: Court cases, dataset 1 version 1; read 21, loaded 21, rejected 0 \(threshold 1%\)/);
		// Served at once by the same process.
		const api = await fetch(`${server.url}/api/indicators/resolved?from=2024-01-01&to=2024-12-31`).then((r) => r.json());
		expect(api.rows[0].value).toBeGreaterThan(0);
		// Refusals come back in the run's language.
		const refused = importCli(database, ['--kind', 'fraud', '--map', 'Дата рег.=registered_date', '--lang', 'kk'], FRAUD_CSV);
		expect(refused.status).toBe(1);
		expect(refused.out).toContain('Жүктелмеді: Интернет-алаяқтық; оқылды 2, жүктелді 0, қабылданбады 1');
	});

	it('creates an account that can sign in at once, recorded as made by the command line', async () => {
		const run = cli('scripts/user-add.ts', ['--role', 'analyst', '--login', 'Ann.Lee', '--lang', 'en'], database);
		expect(run.status, run.err).toBe(0);
		expect(run.out).toContain(`Server: ${server.url}.`);
		const login = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ login: 'ann.lee', password: 'password-of-ten', next: '/' })
		});
		expect(login.status).toBe(303);
		const again = cli('scripts/user-add.ts', ['--role', 'analyst', '--login', 'ann.lee', '--lang', 'ru'], database);
		expect(again.status).toBe(1);
		expect(again.err).toContain('user:add: Такой логин уже есть.');
	});

	it('falls back to the file once the server is stopped, and the token no longer opens anything', async () => {
		const access = JSON.parse(fs.readFileSync(`${database}.files/access.json`, 'utf8'));
		expect(fs.statSync(`${database}.files/access.json`).mode & 0o777).toBe(0o600);
		const forged = await fetch(`${server.url}/api/users`, {
			method: 'POST',
			headers: { authorization: `Bearer ${access.token.slice(1)}x`, origin: server.url, 'content-type': 'application/json' },
			body: JSON.stringify({ login: 'mallory', role: 'admin', password: 'password-of-ten' })
		});
		expect(forged.status).toBe(401);
		await server.stop();
		expect(fs.existsSync(`${database}.files/access.json`)).toBe(false);
		const run = cli('scripts/user-add.ts', ['--role', 'judge', '--login', 'joe', '--lang', 'en'], database);
		expect(run.status, run.err).toBe(0);
		const db = await Database.open(database, { readOnly: true });
		const actors = await db.query<{ actor: string; params: string }>(
			"SELECT actor, params FROM audit_log WHERE action = 'user_create' ORDER BY params"
		);
		db.close();
		expect(actors.map((a) => JSON.parse(a.params))).toEqual([
			{ login: 'ann.lee', role: 'analyst' },
			{ login: 'joe', role: 'judge' }
		]);
		for (const a of actors) expect(a.actor).toMatch(/^cli:/);
	});
});
