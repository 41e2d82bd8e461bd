/**
 * `npm run bench`: the dashboard at national scale against raw DuckDB, the naive way, and load.
 *
 *   npm run bench -- [--scale 10] [--database FILE] [--csv-dir DIR] [--work DIR] [--runs 5]
 *                    [--import-sizes 0.1,0.5,2] [--append-rows 10000,500000] [--load-seconds 60]
 *                    [--connections 50] [--skip naive,imports,appends,pages,load]
 *
 * Without --database the data is generated at --scale (10 ≈ national volume: 12 M case records)
 * into the work directory and loaded through the import pipeline; --csv-dir reuses generated
 * CSVs, --database an already loaded database (copied first: the original is never opened; its
 * rollups are rebuilt first when they are not those this version reads).
 * Prints the figures and writes them into BENCHMARKS.md between its bench markers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from './build-if-stale.js';
import { createUser } from '../src/lib/server/auth/users';
import { Database } from '../src/lib/server/db/database';
import { loadCanonicalFiles } from '../src/lib/server/startup';
import { syncDirectories } from '../src/lib/server/db/directories';
import { migrate } from '../src/lib/server/db/migrations';
import { refreshRollups, rollupsCurrent } from '../src/lib/server/metrics/maintain';
import { ROOT, startServer, type RunningServer } from '../tests/support/server';
import { measureImport, sliceCsv, type ImportFigures } from './bench/import';
import { importFinished } from '../tests/support/uploads';
import { load, prefixedCases, startUpload } from './bench/load';
import { describeMachine } from './bench/machine';
import { naiveView } from './bench/naive';
import { pageWeights } from './bench/pages';
import { RawDuckDB, readLog, type Statement } from './bench/raw';
import { importsTable, loadTable, machineText, pagesTable, viewsTable, type Figures, type ViewFigures } from './bench/report';
import { timeTurns } from './bench/timing';
import { VIEWS } from './bench/views';

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '10' },
		database: { type: 'string' },
		'csv-dir': { type: 'string' },
		work: { type: 'string' },
		runs: { type: 'string', default: '5' },
		'import-sizes': { type: 'string', default: '0.1,0.5,2' },
		'append-rows': { type: 'string', default: '10000,500000' },
		'load-seconds': { type: 'string', default: '60' },
		connections: { type: 'string', default: '50' },
		skip: { type: 'string', default: '' },
		report: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') }
	}
});
const skip = new Set(values.skip.split(',').filter(Boolean));
const runs = Number(values.runs);
const scale = Number(values.scale);
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `court-bench-${scale}`));
fs.mkdirSync(work, { recursive: true });
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
// The server and the raw side get the same DuckDB settings.
const duckdb = { threads: String(os.availableParallelism()), memoryLimit: process.env.DUCKDB_MEMORY_LIMIT || '4GB' };
const ADMIN = { login: 'bench.admin', password: 'bench-password-1' };

buildIfStale(ROOT, log);

/** Generated CSVs: given, or generated at the scale into the work directory. */
async function csvFiles(): Promise<{ cases: string; fraud: string; court_stats: string }> {
	let dir = values['csv-dir'] ? path.resolve(values['csv-dir']) : path.join(work, 'generated');
	if (fs.existsSync(path.join(dir, `scale-${scale}`))) dir = path.join(dir, `scale-${scale}`);
	const files = { cases: path.join(dir, 'cases.csv'), fraud: path.join(dir, 'fraud.csv'), court_stats: path.join(dir, 'court_stats.csv') };
	if (!Object.values(files).every((f) => fs.existsSync(f))) {
		log(`Generating demo data at scale ${scale} into ${dir} …`);
		const { generateDemo } = await import('../src/lib/server/demo/generate');
		await generateDemo({ scale, outDir: dir });
	}
	return files;
}

/** The database benchmarked: a copy of --database, or built from the CSVs through the pipeline. */
async function prepareDatabase(files: Awaited<ReturnType<typeof csvFiles>> | null): Promise<string> {
	const target = path.join(work, 'court.duckdb');
	for (const suffix of ['', '.wal']) fs.rmSync(target + suffix, { force: true });
	if (values.database) {
		log(`Copying ${values.database} …`);
		for (const suffix of ['', '.wal'])
			if (fs.existsSync(values.database + suffix)) fs.copyFileSync(values.database + suffix, target + suffix);
	}
	const db = await Database.open(target, { threads: Number(duckdb.threads), memoryLimit: duckdb.memoryLimit });
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	if (!values.database) {
		log('Loading the CSVs through the import pipeline …');
		const names = { cases: 'Demo cases (synthetic)', fraud: 'Demo fraud (synthetic)', court_stats: 'Demo forms (synthetic)' };
		await loadCanonicalFiles(db, files!, { names, isDemo: true, workDir: path.join(work, 'uploads') });
	}
	// A database from another version would have its rollups rebuilt by the server in the background while it is measured.
	if (!(await rollupsCurrent(db))) {
		log('Building the monthly rollups this version reads …');
		await db.transaction((tx) => refreshRollups(tx));
	}
	await db.run('DELETE FROM users WHERE login = $login', { login: ADMIN.login });
	await createUser(db, ADMIN.login, 'admin', ADMIN.password);
	await db.checkpoint();
	db.close();
	return target;
}

async function signIn(base: string): Promise<string> {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...ADMIN, next: '/' }),
		redirect: 'manual'
	});
	// Signing in also sets a device cookie: take the session's.
	return response.headers
		.getSetCookie()
		.find((c) => c.startsWith('session='))!
		.split(';')[0];
}

function serve(databasePath: string, env: Record<string, string> = {}): Promise<RunningServer> {
	return startServer(
		{
			DATABASE_PATH: databasePath,
			DEMO_SCALE: '0',
			UPLOADS_DIR: path.join(work, 'uploads'),
			DUCKDB_THREADS: duckdb.threads,
			DUCKDB_MEMORY_LIMIT: duckdb.memoryLimit,
			...env
		},
		600_000
	);
}

async function get(url: string, cookie?: string): Promise<string> {
	const response = await fetch(url, { headers: cookie ? { cookie } : {} });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 500)}`);
	return body;
}

const needCsv = !values.database || ['naive', 'imports', 'appends', 'load'].some((part) => !skip.has(part));
const files = needCsv ? await csvFiles() : null;
const databasePath = await prepareDatabase(files);

// 1. Each view over HTTP against the SQL it ran (captured from the server's query log) through
// DuckDB alone, on a copy of the file so that both can be open at once and be timed in turn.
const rawCopy = path.join(work, 'raw.duckdb');
fs.copyFileSync(databasePath, rawCopy);
const queryLog = path.join(work, 'queries.jsonl');
fs.rmSync(queryLog, { force: true });
// Without the read cache: every request runs its statements, as the comparison requires. The
// statements are captured first; the timed server then runs without the log (a write per query).
let server = await serve(databasePath, { QUERY_LOG: queryLog, READ_CACHE_ENTRIES: '0' });
const captured: Statement[][] = [];
for (const view of VIEWS) {
	const { offset } = readLog(queryLog, 0);
	await get(server.url + view.url);
	captured.push(readLog(queryLog, offset).statements);
}
// The figures the naive way must equal are the exact ones (the public's are perturbed): an administrator's.
const staff = await signIn(server.url);
const exactBodies = await Promise.all(VIEWS.map((view) => (view.naive ? get(server.url + view.url, staff) : Promise.resolve(''))));
await server.stop();
server = await serve(databasePath, { READ_CACHE_ENTRIES: '0' });
const raw = await RawDuckDB.open(rawCopy, { threads: duckdb.threads, memory_limit: duckdb.memoryLimit });
const version = await raw.version();
const views: ViewFigures[] = [];
for (const [i, view] of VIEWS.entries()) {
	const statements = captured[i];
	const [serverMs, rawMs] = await timeTurns(
		runs,
		() => get(server.url + view.url),
		() => raw.run(statements)
	);
	views.push({ name: view.name, url: view.url, statements: statements.length, serverMs, rawMs });
	log(`${view.name}: ${serverMs.toFixed(1)} ms on the server, ${rawMs.toFixed(1)} ms in raw DuckDB (${statements.length} statements)`);
}
raw.close();
fs.rmSync(rawCopy, { force: true });
await server.stop();

// 3. The naive way, once per view (a pass over the whole CSV), checked against the server's figures.
if (!skip.has('naive')) {
	for (const [i, view] of VIEWS.entries()) {
		if (!view.naive) continue;
		const started = performance.now();
		const figures = await naiveView(files!.cases, view.naive);
		views[i].naiveMs = performance.now() - started;
		const rows = JSON.parse(exactBodies[i]).rows as { region?: string; value: number | null }[];
		views[i].naiveMatches = rows.every((r) => Math.abs((figures.get(r.region ?? '') ?? NaN) - (r.value ?? NaN)) < 1e-6);
		log(`${view.name}: ${views[i].naiveMs!.toFixed(0)} ms the naive way (figures ${views[i].naiveMatches ? 'equal' : 'DIFFER'})`);
	}
}

const figures: Figures = { machine: describeMachine(version), dataset: '', runs, views, imports: [], appends: [], pages: [] };
const caseRows = await countCases(databasePath);
figures.dataset = `${caseRows.toLocaleString('en')} case records (${values.database ? `copy of ${values.database}` : `generated at scale ${scale}`}), database file ${(fs.statSync(databasePath).size / 1e9).toFixed(2)} GB`;

// 4. Page weights and load, on the server again.
server = await serve(databasePath);
const cookie = await signIn(server.url);
// With the read cache (the default), a view seen before costs no query until the next import.
for (const [i, view] of VIEWS.entries()) {
	[views[i].cachedMs] = await timeTurns(runs, () => get(server.url + view.url));
}
if (!skip.has('pages')) {
	figures.pages = await pageWeights(server.url, ['/', '/login'], undefined);
	figures.pages.push(...(await pageWeights(server.url, ['/data'], cookie)));
	log(`Pages: ${figures.pages.map((p) => `${p.path} ${(p.gzipBytes / 1024).toFixed(1)} kB gz`).join(', ')}`);
}
if (!skip.has('load')) {
	const settings = { connections: Number(values.connections), seconds: Number(values['load-seconds']) };
	figures.loadSettings = settings;
	log(`Load: ${settings.connections} clients for ${settings.seconds} s …`);
	figures.load = await load(server.url, VIEWS, settings);
	log(`Load: ${figures.load.requests} requests, ${figures.load.errors} errors, p50 ${figures.load.p50} ms, p99 ${figures.load.p99} ms`);
	// The same while a 0.5 GB file of new case records is uploaded and imported.
	const sliced = path.join(work, 'load-import-source.csv');
	await sliceCsv(files!.cases, sliced, 0.5e9);
	const importFile = path.join(work, 'load-import.csv');
	if (!fs.existsSync(importFile)) await prefixedCases(sliced, importFile, 'L');
	const started = performance.now();
	let importOver = false;
	const job = startUpload(server.url, cookie, importFile, 'cases').then(async (id) => {
		const state = await importFinished(server.url, cookie, id);
		importOver = true;
		return { state, seconds: (performance.now() - started) / 1000 };
	});
	const during = await load(server.url, VIEWS, settings);
	const overlapped = !importOver;
	const done = await job;
	figures.loadDuringImport = {
		...during,
		importRows: done.state.outcome?.rowsLoaded ?? 0,
		importSeconds: done.seconds,
		importStatus: done.state.outcome?.status ?? done.state.state,
		importBytes: fs.statSync(importFile).size,
		overlapped
	};
	log(
		`Load during import: ${during.requests} requests, ${during.errors} errors, p50 ${during.p50} ms, p99 ${during.p99} ms; import ${figures.loadDuringImport.importStatus} in ${done.seconds.toFixed(0)} s`
	);
}
await server.stop();

// 5. Import throughput and peak memory against read_csv alone.
if (!skip.has('imports')) {
	for (const gb of values['import-sizes'].split(',').map(Number)) {
		const file = path.join(work, `cases-${gb}GB.csv`);
		await sliceCsv(files!.cases, file, gb * 1e9);
		log(`Importing ${(fs.statSync(file).size / 1e9).toFixed(2)} GB …`);
		const result = await measureImport(file, work, duckdb).catch((error: Error) => {
			// The figures measured so far still make the report.
			log(`  failed: ${error.message.slice(0, 2000)}`);
			return null;
		});
		if (!result) continue;
		figures.imports.push(result);
		logImport(result);
	}
}

// 6. Appending to the loaded database: the import, links and rollups kept by the touched cases
// only, against DuckDB inserting the same rows alone.
if (!skip.has('appends')) {
	figures.appendBase = await countCases(databasePath);
	for (const rows of values['append-rows'].split(',').map(Number)) {
		const file = path.join(work, `append-${rows}.csv`);
		if (!fs.existsSync(file)) await prefixedCases(files!.cases, file, `A${rows}-`, rows);
		log(`Appending ${rows.toLocaleString('en')} rows to ${figures.appendBase.toLocaleString('en')} …`);
		const result = await measureImport(file, work, duckdb, databasePath);
		figures.appends.push(result);
		logImport(result);
	}
}

function logImport(result: ImportFigures): void {
	log(
		`  ours ${(result.ours.ms / 1000).toFixed(1)} s (peak ${Math.round(result.ours.peakRss / 2 ** 20)} MB), DuckDB alone ${(result.raw.ms / 1000).toFixed(1)} s (peak ${Math.round(result.raw.peakRss / 2 ** 20)} MB)`
	);
}

writeReport(figures);

async function countCases(file: string): Promise<number> {
	const db = await Database.open(file, { readOnly: true });
	try {
		const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM cases');
		return n;
	} finally {
		db.close();
	}
}

function targets(f: Figures): string[] {
	const lines: string[] = [];
	const check = (ok: boolean, text: string) => lines.push(`- ${ok ? '✅ met' : '❌ missed'}: ${text}`);
	const worstRatio = Math.max(...f.views.map((v) => v.serverMs / v.rawMs));
	const slowest = Math.max(...f.views.map((v) => v.serverMs));
	check(worstRatio <= 1.5, `server time ≤ 1.5× raw DuckDB on the same SQL — worst view ${worstRatio.toFixed(2)}×`);
	check(slowest < 500, `every view under 500 ms — slowest ${Math.round(slowest)} ms`);
	const naive = f.views.filter((v) => v.naiveMs !== undefined);
	if (naive.length) {
		const least = Math.min(...naive.map((v) => v.naiveMs! / v.serverMs));
		check(least >= 10 && naive.every((v) => v.naiveMatches), `≥ 10× faster than papaparse + JavaScript — least ${least.toFixed(0)}×`);
	}
	if (f.imports.length) {
		const least = Math.min(...f.imports.map((i) => i.raw.ms / i.ours.ms));
		const peaks = f.imports.map((i) => i.ours.peakRss);
		check(least >= 0.6, `import throughput ≥ 0.6× read_csv — least ${least.toFixed(2)}×`);
		check(Math.max(...peaks) < 1.5 * 1024 ** 3, `import peak RSS under 1.5 GB — highest ${Math.round(Math.max(...peaks) / 2 ** 20)} MB`);
	}
	for (const [label, l] of [
		['views only', f.load],
		['during an import', f.loadDuringImport]
	] as const) {
		if (l) check(l.errors === 0 && l.non2xx === 0, `load ${label}: zero errors — ${l.errors} errors, ${l.non2xx} non-2xx`);
	}
	return lines;
}

function writeReport(f: Figures): void {
	const parts = [
		`**Machine**: ${machineText(f.machine)}`,
		`**Data**: ${f.dataset}. Times are medians of ${f.runs} runs after a warm-up, server and raw DuckDB taking turns (the machine is shared: turns make a change of its load weigh on both alike); the server is the built app (adapter-node) over HTTP on loopback, signed out; raw DuckDB runs the statements the server logged for the view (QUERY_LOG, in a first pass: the timed server runs without the log), concurrently as the server does, through @duckdb/node-api on a copy of the same file with the same threads (${duckdb.threads}) and memory limit (${duckdb.memoryLimit}).`,
		'### Targets',
		targets(f).join('\n'),
		'### Views: server against raw DuckDB and the naive way',
		viewsTable(f.views)
	];
	if (f.imports.length) parts.push('### CSV import against DuckDB read_csv', importsTable(f.imports, 'read_csv CTAS, s'));
	if (f.appends.length) {
		parts.push(
			`### Appending to the loaded database (${f.appendBase!.toLocaleString('en')} case records) against DuckDB inserting the rows alone`,
			importsTable(f.appends, 'INSERT from read_csv, s')
		);
	}
	if (f.pages.length) parts.push('### JavaScript per page', pagesTable(f.pages));
	if (f.load) {
		const d = f.loadDuringImport;
		parts.push(
			`### Load: ${f.loadSettings!.connections} concurrent clients, ${f.loadSettings!.seconds} s, the views above in turn`,
			loadTable(f) +
				(d
					? `\n\nThe import (${d.importRows.toLocaleString('en')} rows, ${(d.importBytes / 1e9).toFixed(2)} GB, web upload) ended ${d.importStatus} after ${d.importSeconds.toFixed(0)} s; ${d.overlapped ? 'it ran through the whole load run' : 'it ended before the load run did'}.`
					: '')
		);
	}
	const generated = `<!-- bench:start -->\n${parts.join('\n\n')}\n<!-- bench:end -->`;
	console.log('\n' + parts.join('\n\n') + '\n');
	const existing = fs.existsSync(values.report)
		? fs.readFileSync(values.report, 'utf8')
		: '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
	fs.writeFileSync(values.report, existing.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, generated));
	log(`Written to ${values.report}`);
}
