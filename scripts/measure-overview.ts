/**
 * Measures the overview's server work (the page's view model: key indicators with their year-
 * earlier and monthly figures, alerts, map and drill-down bars) on a database file.
 *
 *   npx tsx scripts/measure-overview.ts --db PATH [--runs 7] [--threads N]
 *
 * Cold: a fresh database instance per run (first query after opening the file). Warm: the same
 * instance, run after run. Reports the median and range in milliseconds for each view, plus the
 * number of case records. Opens the file read-only.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Database } from '../src/lib/server/db/database';
import { parseQuery } from '../src/lib/domain/query';
import type { Access } from '../src/lib/domain/roles';
import { overviewView } from '../src/lib/server/views/overview';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '7' }, threads: { type: 'string' } } });
if (!values.db) throw new Error('--db PATH is required');
const runs = Number(values.runs);
const threads = values.threads ? Number(values.threads) : undefined;
const ANALYST: Access = { role: 'analyst', minCount: 5 };

const VIEWS = ['', 'region=KZ-75', 'period=2025&instance=first', 'region=KZ-75&court=KZ75-D02'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) =>
	`median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

async function timed(db: Database, params: string): Promise<number> {
	const parsed = parseQuery(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const start = performance.now();
	// The whole view model: the key indicators and the streamed breakdowns.
	await (
		await overviewView(db, ANALYST, parsed.value)
	).regional;
	return performance.now() - start;
}

const open = () => Database.open(values.db!, { readOnly: true, threads });
const probe = await open();
const [{ n }] = await probe.query<{ n: number }>('SELECT count(*) AS n FROM cases');
probe.close();
console.log(`${values.db}: ${n.toLocaleString('en')} case records; threads ${threads ?? 'all cores'}`);

for (const params of VIEWS) {
	const cold: number[] = [];
	for (let i = 0; i < runs; i++) {
		const db = await open();
		cold.push(await timed(db, params));
		db.close();
	}
	const db = await open();
	await timed(db, params);
	const warm: number[] = [];
	for (let i = 0; i < runs; i++) warm.push(await timed(db, params));
	db.close();
	console.log(`/${params ? '?' + params : ''}\n  cold ${fmt(cold)}\n  warm ${fmt(warm)}`);
}
