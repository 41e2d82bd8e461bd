/**
 * CSV import throughput and peak memory: a file of case records of a given size is imported
 * into a fresh database by the CLI (the same pipeline as the web upload) in a process of its
 * own, and DuckDB alone creates a table from the same file with read_csv in another; both
 * processes' peak resident memory is read from the kernel.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CASE_FIELDS, SQL_TYPE } from '../../src/lib/domain/schema';
import { ROOT } from '../../tests/support/server';
import { peakRss } from './timing';

export interface ProcessRun {
	ms: number;
	peakRss: number;
	output: string;
}

/** Runs a Node process to its end, sampling its peak resident memory. */
export function runMeasured(args: string[], env: Record<string, string>): Promise<ProcessRun> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let peak = 0;
		let output = '';
		const sample = () => (peak = Math.max(peak, peakRss(child.pid!)));
		const timer = setInterval(sample, 100);
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => {
			clearInterval(timer);
			const ms = performance.now() - started;
			if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`));
			else resolve({ ms, peakRss: peak, output });
		});
		// VmHWM is read just before the process ends as well, so a short peak is not missed.
		child.stdout.on('end', sample);
	});
}

/** The first `bytes` of a CSV file, cut at a line end (header included). */
export async function sliceCsv(source: string, target: string, bytes: number): Promise<number> {
	if (fs.existsSync(target)) return fs.statSync(target).size;
	const fd = fs.openSync(source, 'r');
	const out = fs.openSync(target + '.part', 'w');
	const chunk = Buffer.alloc(1 << 22);
	let written = 0;
	try {
		for (;;) {
			const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, bytes - written + 65536), written);
			if (n === 0) break;
			let part = chunk.subarray(0, n);
			if (written + n >= bytes) {
				const end = part.indexOf(10, Math.max(0, bytes - written));
				part = part.subarray(0, end < 0 ? n : end + 1);
				fs.writeSync(out, part);
				written += part.length;
				break;
			}
			fs.writeSync(out, part);
			written += n;
		}
	} finally {
		fs.closeSync(fd);
		fs.closeSync(out);
	}
	fs.renameSync(target + '.part', target);
	return written;
}

export interface ImportFigures {
	bytes: number;
	rows: number;
	ours: ProcessRun;
	raw: ProcessRun;
}

/**
 * DuckDB alone: a table created from the file (or, appending, its rows inserted into the case
 * table) with the canonical column types given (sniffing types from a sample fails on national
 * data, e.g. "232-1" after a sample of numeric articles).
 */
const RAW_SCRIPT = `
import { DuckDBInstance } from '@duckdb/node-api';
const [file, db, threads, memory, types, append] = process.argv.slice(1);
const instance = await DuckDBInstance.create(db, { threads, memory_limit: memory });
const c = await instance.connect();
const read = "read_csv($file, header = true, types = " + types + ")";
await c.run(append ? "INSERT INTO cases BY NAME SELECT *, 0 AS dataset_id, 1 AS dataset_version FROM " + read : "CREATE TABLE cases AS SELECT * FROM " + read, { file });
`;

/** The canonical types of the case records' fields, as read_csv's \`types\` struct. */
const CASE_TYPES = `{${CASE_FIELDS.map((f) => `'${f.name}': '${SQL_TYPE[f.type]}'`).join(', ')}}`;

/**
 * Imports `file` both ways under `dir`: into fresh databases, or appended to copies of `base`
 * (a loaded database: the import then also brings links and rollups along, incrementally).
 */
export async function measureImport(
	file: string,
	dir: string,
	duckdb: { threads: string; memoryLimit: string },
	base?: string
): Promise<ImportFigures> {
	const ours = path.join(dir, 'ours.duckdb');
	const raw = path.join(dir, 'raw.duckdb');
	const clear = () => {
		for (const f of [ours, raw]) for (const suffix of ['', '.wal']) fs.rmSync(f + suffix, { force: true });
	};
	clear();
	if (base) for (const f of [ours, raw]) fs.copyFileSync(base, f);
	// The CLI's own memory cap (IMPORT_MEMORY_LIMIT) applies: its default is what is measured.
	const env = { DATABASE_PATH: ours, DEMO_SCALE: '0', UPLOADS_DIR: path.join(dir, 'uploads'), DUCKDB_THREADS: duckdb.threads };
	const oursRun = await runMeasured(['--import', 'tsx', 'scripts/import.ts', '--kind', 'cases', '--lang', 'en', file], env);
	const loaded = /^Committed:.*loaded (\d+)/m.exec(oursRun.output);
	if (!loaded) throw new Error(`import of ${file} was not committed:\n${oursRun.output.slice(-2000)}`);
	const rows = Number(loaded[1]);
	const args = [file, raw, duckdb.threads, duckdb.memoryLimit, CASE_TYPES, ...(base ? ['append'] : [])];
	const rawRun = await runMeasured(['--input-type=module', '-e', RAW_SCRIPT, ...args], {});
	clear();
	return { bytes: fs.statSync(file).size, rows, ours: oursRun, raw: rawRun };
}
