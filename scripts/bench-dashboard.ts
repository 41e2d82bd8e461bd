/**
 * Benchmark of the automatic dashboard of an uploaded dataset: a generated CSV of N rows shaped
 * like monthly court filings (Year, Month, court, case type, region, filings with thousands
 * separators, a percent), imported as an "other" dataset into a fresh database, then the
 * dashboard's server-side work timed (median of runs): the default view, a filter, a full
 * leaderboard, the year grain, the median; and an indicator defined as data on the dataset (the
 * work of GET /api/indicators/{id}: by month, by court). Each against raw DuckDB running the same
 * statements (captured with QUERY_LOG) one after another, as the server does, through
 * @duckdb/node-api on a copy of the same file, the two taking turns.
 * Usage: npx tsx scripts/bench-dashboard.ts [--rows 1000000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { dashboardModel } from '../src/lib/domain/explore/model';
import { parseRequest } from '../src/lib/domain/explore/request';
import { parseQuery } from '../src/lib/domain/query';
import { REGIONS } from '../src/lib/domain/regions';
import type { Access } from '../src/lib/domain/roles';
import { Database } from '../src/lib/server/db/database';
import { bumpDataRevision } from '../src/lib/server/db/revision';
import { findIndicator } from '../src/lib/server/definitions/indicators';
import { saveDefinitions } from '../src/lib/server/definitions/store';
import { runIndicator } from '../src/lib/server/metrics/run';
import { syncDirectories } from '../src/lib/server/db/directories';
import { migrate } from '../src/lib/server/db/migrations';
import { runImport } from '../src/lib/server/ingest/pipeline';
import { dashboard } from '../src/lib/server/other/dashboard';
import { describeOther, ensureTyped } from '../src/lib/server/other/dataset';
import { columnFacts } from '../src/lib/server/other/facts';
import { RawDuckDB, readLog } from './bench/raw';
import { timeTurns } from './bench/timing';

const rows = Number(process.argv[process.argv.indexOf('--rows') + 1] || 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dashboard-'));
const file = path.join(dir, 'filings.csv');

async function writeFile(): Promise<void> {
	const out = fs.createWriteStream(file);
	out.write('Year,Month,Court,Case type,Region,Filings,Share decided\n');
	for (let i = 0; i < rows; i++) {
		const region = REGIONS[i % REGIONS.length].name.ru;
		const line = `${2015 + (i % 10)},${1 + (i % 12)},Court ${i % 370},Type ${i % 10},${region},"${(1000 + (i % 5000)).toLocaleString('en')}",${i % 100}%\n`;
		if (!out.write(line)) await once(out, 'drain');
	}
	await new Promise((resolve) => out.end(resolve));
}

await writeFile();
const databaseFile = path.join(dir, 'court.duckdb');
let db = await Database.open(databaseFile);
await migrate(db);
await db.transaction((tx) => syncDirectories(tx));
let started = performance.now();
const outcome = await runImport(
	db,
	fs.createReadStream(file),
	{ kind: 'other', mode: 'append', sourceName: 'filings.csv', actor: 'bench', name: 'filings' },
	{ workDir: path.join(dir, 'work'), rejectThreshold: 0.01 }
);
const importMs = performance.now() - started;
const other = (await describeOther(db, outcome.datasetId!))!;
started = performance.now();
await ensureTyped(db, other);
const typedMs = performance.now() - started;
started = performance.now();
const model = dashboardModel(other.columns, await columnFacts(db, other));
const factsMs = performance.now() - started;

const saved = await saveDefinitions(
	db,
	[
		{
			id: 'bench_filings',
			dataset: 'filings',
			name: { ru: 'Поступило', kk: 'Түсті', en: 'Filings' },
			measure: { agg: 'sum', column: 'Filings' },
			time: { year: 'Year', month: 'Month' },
			dimensions: ['Court', 'Case type', 'Region']
		}
	],
	'add',
	'bench'
);
if (!saved.ok) throw new Error(JSON.stringify(saved.failures));
bumpDataRevision();
started = performance.now();
const defined = (await findIndicator(db, 'bench_filings'))!;
const compileMs = performance.now() - started;
await db.checkpoint();

const ANALYST = { role: 'analyst', minCount: 5 } as Access;
const dashboardView = (query: Record<string, string>) => () => {
	const parsed = parseRequest(new URLSearchParams(query), model);
	if (!parsed.ok) throw new Error(parsed.parameter);
	return dashboard(db, other, model, parsed.request, false);
};
const indicatorView = (params: string) => async () => {
	const parsed = parseQuery(new URLSearchParams(params), [], defined.defined!.dimensions);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const result = await runIndicator(db, defined, parsed.value, ANALYST);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
};
const views: Record<string, () => Promise<unknown>> = {
	'dashboard: default (sum by month, 5 leaderboards)': dashboardView({}),
	'dashboard: filtered by one court': dashboardView({ f: '2:Court 7' }),
	'dashboard: court leaderboard in full (370)': dashboardView({ all: '2' }),
	'dashboard: year grain': dashboardView({ grain: 'year' }),
	'dashboard: median': dashboardView({ agg: 'median' }),
	'defined indicator: by month, last 12 months': indicatorView('grain=month'),
	'defined indicator: by court, 2024': indicatorView('period=2024&by=court')
};

// The statements of each view, captured once, for raw DuckDB to run alone.
const log = path.join(dir, 'queries.jsonl');
process.env.QUERY_LOG = log;
let offset = 0;
const statements = [];
for (const view of Object.values(views)) {
	await view();
	const read = readLog(log, offset);
	statements.push(read.statements);
	offset = read.offset;
}
delete process.env.QUERY_LOG;
db.close();
fs.copyFileSync(databaseFile, path.join(dir, 'raw.duckdb'));
db = await Database.open(databaseFile);
const raw = await RawDuckDB.open(path.join(dir, 'raw.duckdb'), { threads: String(os.cpus().length) });
const rawRun = (list: (typeof statements)[number]) => async () => {
	for (const statement of list) await raw.run([statement]);
};

const times = await timeTurns(5, ...Object.values(views), ...statements.map(rawRun));
const count = Object.keys(views).length;
console.log(`rows ${rows.toLocaleString('en')}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
console.log(
	`import ${(importMs / 1000).toFixed(1)} s; typed copy ${(typedMs / 1000).toFixed(1)} s; column facts ${factsMs.toFixed(0)} ms; defined indicator compiled ${compileMs.toFixed(0)} ms`
);
console.log('| View | Statements | Server, ms | Raw DuckDB, ms | Server / raw |');
console.log('| --- | --- | --- | --- | --- |');
Object.keys(views).forEach((name, i) =>
	console.log(
		`| ${name} | ${statements[i].length} | ${times[i].toFixed(0)} | ${times[count + i].toFixed(0)} | ${(times[i] / times[count + i]).toFixed(2)}× |`
	)
);
raw.close();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
