/** `npm run indicators`: definitions from files into a database of its own, with every problem named by definition and field. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './support/cli';
import { tempDatabasePath } from './support/fixture-db';
import { ROOT } from './support/server';

const database = tempDatabasePath('cli-indicators');
const dir = path.dirname(database);

const cli = (script: string, args: string[]) =>
	runScript(script, args, { DATABASE_PATH: database, UPLOADS_DIR: path.join(dir, 'uploads') });

function indicators(args: string[], content?: unknown) {
	if (content === undefined) return cli('scripts/indicators.ts', [...args, '--lang', 'en', '--author', 'analyst1']);
	const file = path.join(dir, 'definitions.json');
	fs.writeFileSync(file, JSON.stringify(content));
	return cli('scripts/indicators.ts', [args[0], file, ...args.slice(1), '--lang', 'en', '--author', 'analyst1']);
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
		expect(listed.out).toMatch(/^hawaii_civil\tv1\tdataset \d+\tFilings \(hawaii_civil\)\tanalyst1\t\d{4}-/m);
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
		const unknown = cli('scripts/indicators.ts', ['rename', 'x']);
		expect(unknown.status).toBe(2);
		expect(unknown.err).toContain('Unknown command: rename');
	});
});
