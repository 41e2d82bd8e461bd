/**
 * Measures a large upload through the web: generates a case-records CSV of about SIZE MB (or
 * takes --file), starts the built server on a fresh database, uploads the file as the browser
 * does (streamed body) and samples the server's resident memory until the import is over.
 * Then reads the same file with DuckDB's read_csv alone, for comparison.
 *
 *   npm run build && npx tsx scripts/measure-upload.ts [--size 1024] [--file F] [--keep]
 *
 * Not part of `npm test`: it takes minutes and gigabytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrations';
import { createUser } from '../src/lib/server/auth/users';
import { startServer } from '../tests/support/server';

const { values } = parseArgs({
	options: { size: { type: 'string', default: '1024' }, file: { type: 'string' }, keep: { type: 'boolean', default: false } }
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-measure-'));
const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function generate(file: string, bytes: number): Promise<void> {
	const out = fs.createWriteStream(file);
	out.write(
		'case_id,case_number,instance,court_id,region,case_type,category,article,judge_id,filed_date,decided_date,outcome,e_filed,claim_amount_kzt\n'
	);
	const regions = ['KZ-75', 'KZ-71', 'KZ-31', 'KZ-35', 'KZ-61'];
	let written = 0;
	for (let i = 0; written < bytes; i++) {
		const month = String((i % 12) + 1).padStart(2, '0');
		const day = String((i % 28) + 1).padStart(2, '0');
		const line = `M${i},7501-24-00-2/${i},first,KZ75-D0${i % 9},${regions[i % 5]},civil,civil.loan,,J-${(i % 997).toString(16)},2024-${month}-${day},2025-${month}-${day},granted,${i % 2 === 0},${(i % 100000) * 10}.50\n`;
		written += Buffer.byteLength(line);
		if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
	}
	await new Promise((resolve) => out.end(resolve));
}

/** Resident memory of a process in bytes (Linux). */
function rss(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

const file = values.file ? path.resolve(values.file) : path.join(dir, 'cases.csv');
if (!values.file) {
	console.log(`Generating ${values.size} MB of case records…`);
	await generate(file, Number(values.size) * 1024 ** 2);
}
const size = fs.statSync(file).size;

const databasePath = path.join(dir, 'court.duckdb');
const setup = await Database.open(databasePath);
await migrate(setup);
await createUser(setup, 'measure.admin', 'admin', 'measure-password-1');
setup.close();

const server = await startServer({ DATABASE_PATH: databasePath, DEMO_SCALE: '0', UPLOADS_DIR: path.join(dir, 'uploads') });
const pid = server.process.pid!;
const idle = rss(pid);
const login = await fetch(`${server.url}/login`, {
	method: 'POST',
	headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ login: 'measure.admin', password: 'measure-password-1', next: '/' }),
	redirect: 'manual'
});
const cookie = login.headers.get('set-cookie')!.split(';')[0];

let peak = idle;
const samples: { t: number; rss: number; phase: string }[] = [];
let phase = 'receiving';
const started = Date.now();
const sampler = setInterval(() => {
	const now = rss(pid);
	peak = Math.max(peak, now);
	samples.push({ t: Date.now() - started, rss: now, phase });
}, 200);

console.log(`Uploading ${mb(size)} MB to ${server.url} …`);
const response = await fetch(`${server.url}/api/datasets/imports`, {
	method: 'POST',
	headers: {
		origin: server.url,
		cookie,
		accept: 'application/json',
		'content-type': 'text/csv',
		'content-length': String(size),
		'x-import-options': encodeURIComponent(JSON.stringify({ kind: 'cases', fileName: path.basename(file) }))
	},
	body: Readable.toWeb(fs.createReadStream(file, { highWaterMark: 1 << 20 })) as ReadableStream,
	duplex: 'half'
} as RequestInit);
const received = Date.now() - started;
const { id } = await response.json();
const phases: Record<string, number> = { receiving: received };
let outcome: Record<string, unknown>;
for (;;) {
	const job = await (await fetch(`${server.url}/api/datasets/imports/${id}`, { headers: { cookie, accept: 'application/json' } })).json();
	if (job.progress.phase !== phase) {
		phase = job.progress.phase;
		phases[phase] = Date.now() - started;
	}
	if (job.state !== 'running') {
		outcome = job.outcome ?? job.error;
		break;
	}
	await new Promise((resolve) => setTimeout(resolve, 250));
}
const total = Date.now() - started;
clearInterval(sampler);
await server.stop();

// The same file read by DuckDB alone: count, and a typed table written to a database file.
const raw = await Database.open(path.join(dir, 'raw.duckdb'));
let t = Date.now();
await raw.query(`SELECT count(*) FROM read_csv($file, header = true)`, { file });
const rawCount = Date.now() - t;
t = Date.now();
await raw.run(`CREATE TABLE cases AS SELECT * FROM read_csv($file, header = true)`, { file });
const rawTable = Date.now() - t;
raw.close();

console.log(JSON.stringify({ outcome: { ...outcome, rejects: undefined } }, null, 1).slice(0, 600));
console.log(`
File: ${mb(size)} MB, ${outcome.rowsRead} rows
Web upload: received in ${seconds(received)} s (${(size / 1024 ** 2 / (received / 1000)).toFixed(0)} MB/s); imported in ${seconds(total)} s (${(size / 1024 ** 2 / (total / 1000)).toFixed(0)} MB/s, ${Math.round(Number(outcome.rowsRead) / (total / 1000)).toLocaleString('en')} rows/s)
Phases (s from start): ${Object.entries(phases)
	.map(([p, ms]) => `${p} ${seconds(ms)}`)
	.join(', ')}
Server RSS: idle ${mb(idle)} MB, peak ${mb(peak)} MB; while receiving ≤ ${mb(Math.max(...samples.filter((s) => s.phase === 'receiving').map((s) => s.rss)))} MB
DuckDB alone on the same file: count(*) ${seconds(rawCount)} s, CREATE TABLE AS read_csv ${seconds(rawTable)} s
RSS over time (s: MB, phase): ${samples
	.filter((_, i) => i % 25 === 0)
	.map((s) => `${seconds(s.t)}: ${mb(s.rss)} ${s.phase}`)
	.join('; ')}
`);
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
