/**
 * Benchmark of the automatic dashboard of an uploaded dataset: a generated CSV of N rows shaped
 * like monthly court filings (Year, Month, court, case type, region, filings with thousands
 * separators, a percent), imported as an "other" dataset into a fresh database, then the
 * dashboard's server-side work timed (median of runs): the default view, a filter, a full
 * leaderboard, the year grain, the median. Usage: npx tsx scripts/bench-dashboard.ts [--rows 1000000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { dashboardModel } from '../src/lib/domain/explore/model';
import { parseRequest } from '../src/lib/domain/explore/request';
import { REGIONS } from '../src/lib/domain/regions';
import { Database } from '../src/lib/server/db/database';
import { syncDirectories } from '../src/lib/server/db/directories';
import { migrate } from '../src/lib/server/db/migrations';
import { runImport } from '../src/lib/server/ingest/pipeline';
import { dashboard } from '../src/lib/server/other/dashboard';
import { describeOther, ensureTyped } from '../src/lib/server/other/dataset';
import { columnFacts } from '../src/lib/server/other/facts';
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
const db = await Database.open(path.join(dir, 'court.duckdb'));
await migrate(db);
await db.transaction((tx) => syncDirectories(tx));
let started = performance.now();
const outcome = await runImport(
	db,
	fs.createReadStream(file),
	{ kind: 'other', mode: 'append', sourceName: 'filings.csv', actor: 'bench' },
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
const run = (query: Record<string, string>) => () => {
	const parsed = parseRequest(new URLSearchParams(query), model);
	if (!parsed.ok) throw new Error(parsed.parameter);
	return dashboard(db, other, model, parsed.request, false);
};
const views = {
	'default (sum by month, 5 leaderboards)': {},
	'filtered by one court': { f: '2:Court 7' },
	'court leaderboard in full (370)': { all: '2' },
	'year grain': { grain: 'year' },
	median: { agg: 'median' }
};
const times = await timeTurns(5, ...Object.values(views).map(run));
console.log(`rows ${rows.toLocaleString('en')}, ${os.cpus().length} cores`);
console.log(`import ${(importMs / 1000).toFixed(1)} s; typed copy ${(typedMs / 1000).toFixed(1)} s; column facts ${factsMs.toFixed(0)} ms`);
for (const [name, ms] of Object.keys(views).map((k, i) => [k, times[i]] as const)) console.log(`${name}: ${ms.toFixed(0)} ms`);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
