/**
 * Requests per second served by one process, by one read replica and by two, on the same
 * database and views (scripts/bench/views.ts), each under the same number of concurrent
 * clients; with two readers the clients are split between them, as a proxy would. Also the time
 * a publication takes. Uses the built app (npm run build first).
 *
 *   npx tsx scripts/bench/replicas.ts --db FILE [--seconds 15] [--connections 20]
 *
 * The database is copied first, so the file given is never written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../tests/support/server';
import { load, type LoadFigures } from './load';
import { VIEWS } from './views';

const { values } = parseArgs({
	options: { db: { type: 'string' }, seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } }
});
if (!values.db) throw new Error('--db FILE is required');
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const views = VIEWS.filter((v) => !v.url.startsWith('/practice'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-replicas-bench-'));
const database = path.join(dir, 'court.duckdb');
fs.copyFileSync(values.db, database);

/** The same load split over `servers`; figures summed (rates) or the worst (latency). */
async function measure(servers: RunningServer[]): Promise<LoadFigures> {
	// Warm every server's read cache and connections first, as a running site's are.
	await Promise.all(servers.map((s) => load(s.url, views, { connections: 2, seconds: 3 })));
	const share = Math.max(1, Math.round(connections / servers.length));
	const parts = await Promise.all(servers.map((s) => load(s.url, views, { connections: share, seconds })));
	return {
		requests: parts.reduce((n, p) => n + p.requests, 0),
		errors: parts.reduce((n, p) => n + p.errors, 0),
		timeouts: parts.reduce((n, p) => n + p.timeouts, 0),
		non2xx: parts.reduce((n, p) => n + p.non2xx, 0),
		p50: Math.max(...parts.map((p) => p.p50)),
		p99: Math.max(...parts.map((p) => p.p99)),
		max: Math.max(...parts.map((p) => p.max)),
		perSecond: parts.reduce((n, p) => n + p.perSecond, 0)
	};
}

async function firstPublication(writer: RunningServer): Promise<RegExpExecArray | null> {
	const deadline = Date.now() + 300_000;
	for (;;) {
		const seen = /Published copy 1 for the readers in ([\d.]+) s/.exec(writer.output());
		if (seen || Date.now() > deadline) return seen;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** A server rebuilding the rollups in the background would be measured while it does. */
function refuseStaleRollups(server: RunningServer): void {
	if (server.output().includes('Building the monthly rollups'))
		throw new Error(`The rollups of ${values.db} are not this version's: start the server on it once, then measure.`);
}

const env = { DATABASE_PATH: database, DEMO_SCALE: '0' };
const rows: [string, LoadFigures][] = [];
const single = await startServer(env, 600_000);
refuseStaleRollups(single);
rows.push(['one process (REPLICA unset)', await measure([single])]);
await single.stop();

const writer = await startServer({ ...env, REPLICA: 'writer' }, 600_000);
// The writer publishes its first copy after it starts listening; readers wait for it.
const published = await firstPublication(writer);
const reader = { ...env, REPLICA: 'reader', WRITER_URL: writer.url };
const readers = [await startServer(reader, 600_000), await startServer(reader, 600_000)];
rows.push(['one reader', await measure([readers[0]])]);
rows.push(['two readers', await measure(readers)]);
await Promise.all([writer, ...readers].map((s) => s.stop()));
fs.rmSync(dir, { recursive: true, force: true });

const size = fs.statSync(values.db).size;
console.log(`Database ${values.db} (${(size / 1e6).toFixed(0)} MB); ${os.cpus().length} cores; load average ${os.loadavg()[0].toFixed(1)}`);
console.log(`First publication by the writer: ${published ? `${published[1]} s` : 'not seen in its log'}`);
console.log(`${connections} connections for ${seconds} s over ${views.length} views (${views.map((v) => v.url).join(', ')})`);
console.log('| Served by | Requests/s | p50 ms | p99 ms | Errors + non-2xx |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, f] of rows)
	console.log(`| ${name} | ${f.perSecond.toFixed(0)} | ${f.p50} | ${f.p99} | ${f.errors + f.timeouts + f.non2xx} |`);
