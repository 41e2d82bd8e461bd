/**
 * Benchmark of loading indicators defined as data: a file of N definitions (sums, averages,
 * filtered counts and ratios over an uploaded dataset shaped like monthly court filings) loaded
 * with `npm run indicators -- add` into a fresh database, timed end to end as a user runs it
 * (process start included), then updated as a whole. Usage: npx tsx scripts/bench-definitions.ts [--count 100]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Database } from '../src/lib/server/db/database';
import { syncDirectories } from '../src/lib/server/db/directories';
import { migrate } from '../src/lib/server/db/migrations';
import { runImport } from '../src/lib/server/ingest/pipeline';

const at = process.argv.indexOf('--count');
const count = at > 0 ? Number(process.argv[at + 1]) : 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-definitions-'));
const database = path.join(dir, 'court.duckdb');

const db = await Database.open(database);
await migrate(db);
await db.transaction((tx) => syncDirectories(tx));
const csv = fs.readFileSync(path.join(import.meta.dirname, '../tests/fixtures/other/monthly-filings.csv'));
await runImport(
	db,
	Readable.from([csv]),
	{ kind: 'other', mode: 'append', name: 'filings', sourceName: 'filings.csv', actor: 'bench' },
	{
		workDir: path.join(dir, 'work'),
		rejectThreshold: 0.01
	}
);
await db.checkpoint();
db.close();

const measures = [
	{ agg: 'sum', column: 'Filings' },
	{ agg: 'avg', column: 'Filings' },
	{ agg: 'count', filters: [{ column: 'Case Type', op: 'eq', value: 'Civil' }] },
	{
		ratio: {
			numerator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Type', op: 'in', value: ['Criminal', 'Traffic'] }] },
			denominator: { agg: 'sum', column: 'Filings' }
		},
		scale: 100
	}
];
const definitions = Array.from({ length: count }, (_, i) => ({
	id: `bench_${String(i).padStart(3, '0')}`,
	dataset: 'filings',
	name: { ru: `Показатель ${i}`, kk: `Көрсеткіш ${i}`, en: `Indicator ${i}` },
	definition: { ru: 'Сгенерирован для замера', kk: 'Өлшеу үшін жасалған', en: 'Generated for the benchmark' },
	measure: measures[i % measures.length],
	time: { year: 'Year', month: 'Month' },
	dimensions: ['Court', 'Case Type'],
	unit: i % measures.length === 3 ? 'percent' : 'count',
	better: 'higher',
	thresholds: { warn: 50, bad: 25 }
}));
const file = path.join(dir, 'definitions.json');
fs.writeFileSync(file, JSON.stringify(definitions, null, 2));

function run(command: 'add' | 'update'): number {
	const started = performance.now();
	const result = spawnSync(
		process.execPath,
		[path.join(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs'), 'scripts/indicators.ts', command, file, '--lang', 'en'],
		{
			cwd: path.join(import.meta.dirname, '..'),
			env: { ...process.env, DATABASE_PATH: database },
			encoding: 'utf8'
		}
	);
	const seconds = (performance.now() - started) / 1000;
	if (result.status !== 0) throw new Error(result.stderr);
	if (result.stdout.trim().split('\n').length !== count) throw new Error(`expected ${count} lines:\n${result.stdout}`);
	return seconds;
}

const add = run('add');
const update = run('update');
console.log(
	`${count} definitions (${(fs.statSync(file).size / 1024).toFixed(0)} KB): add ${add.toFixed(2)} s, update ${update.toFixed(2)} s (process start included); load average ${os.loadavg()[0].toFixed(1)}`
);
fs.rmSync(dir, { recursive: true, force: true });
