/** `npm run import`: the CLI runs the upload pipeline on a database file of its own. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabasePath } from './support/fixture-db';
import { ROOT } from './support/server';

const database = tempDatabasePath('cli');
const dir = path.dirname(database);

function importCli(args: string[], content: string) {
	const file = path.join(dir, 'input.csv');
	fs.writeFileSync(file, content);
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', ...args, file], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_PATH: database, UPLOADS_DIR: path.join(dir, 'uploads') },
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run import', () => {
	it('refuses with the list of required fields that have no column', () => {
		const run = importCli(['--kind', 'fraud', '--lang', 'en'], 'Регион;Ущерб\nKZ-75;100\n');
		expect(run.status).toBe(1);
		expect(run.err).toContain('Required fields are not mapped: Incident ID, Registered, Scheme, Channel, Criminal Code article, Status.');
	});

	it('imports with the suggested mapping corrected by --map, printing progress and the rejects', () => {
		const csv =
			'ID факта;Дата рег.;Регион;Схема;Канал;Ущерб;Статья;Статус\nF1;05.03.2024;Jambyl;other;sms;1 000,50;190;registered\nF2;06.03.2024;Атлантида;other;sms;10;190;registered\n';
		const run = importCli(['--kind', 'fraud', '--map', 'Дата рег.=registered_date', '--lang', 'ru'], csv);
		expect(run.err).toContain('Готово');
		// One row of two rejected: above the default threshold of 1%, so nothing is loaded.
		expect(run.status).toBe(1);
		expect(run.out).toContain('Refused');
		expect(run.out).toContain('line 3, Регион = "Атлантида": Регион не распознан');
	});
});
