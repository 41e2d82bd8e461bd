/**
 * Benchmark of loading indicators defined as data: a file of N definitions (sums, averages,
 * filtered counts and ratios over an uploaded dataset shaped like monthly court filings) loaded
 * with `npm run indicators -- add` into a fresh database, timed end to end as a user runs it
 * (process start included), then updated as a whole; then, with the built server running on
 * that database (npm run build first), another file of N added through it, the server's first
 * compile of all the definitions (GET /api/indicators) and one defined indicator answered.
 * Usage: npx tsx scripts/bench-definitions.ts [--count 100]
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
import { startServer } from '../tests/support/server';

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
const definitionsOf = (prefix: string) =>
	Array.from({ length: count }, (_, i) => ({
		id: `${prefix}_${String(i).padStart(3, '0')}`,
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
fs.writeFileSync(file, JSON.stringify(definitionsOf('bench'), null, 2));

function run(command: 'add' | 'update', file: string): number {
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

const add = run('add', file);
const update = run('update', file);
console.log(
	`${count} definitions (${(fs.statSync(file).size / 1024).toFixed(0)} KB), on the file: add ${add.toFixed(2)} s, update ${update.toFixed(2)} s (process start included); load average ${os.loadavg()[0].toFixed(1)}`
);

const server = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0' });
try {
	const second = path.join(dir, 'second.json');
	fs.writeFileSync(second, JSON.stringify(definitionsOf('served'), null, 2));
	const through = run('add', second);
	let started = performance.now();
	const catalog = await fetch(`${server.url}/api/indicators`).then((r) => r.json());
	const compileMs = performance.now() - started;
	started = performance.now();
	const answer = await fetch(`${server.url}/api/indicators/served_003?period=2024&grain=month&by=court`).then((r) => r.json());
	const answerMs = performance.now() - started;
	const defined = catalog.indicators.filter((i: { defined: unknown }) => i.defined).length;
	if (defined !== 2 * count || !answer.rows?.length) throw new Error(`expected ${2 * count} defined indicators and an answer`);
	console.log(
		`through the running server: add ${through.toFixed(2)} s; first GET /api/indicators compiling ${defined} definitions ${compileMs.toFixed(0)} ms; one of them by court and month ${answerMs.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)}`
	);
} finally {
	await server.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}
