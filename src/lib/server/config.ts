/**
 * Runtime settings from the environment, checked by one valibot schema. Read lazily so that
 * tests and CLI scripts can set variables before the first use. A bad value stops the start with
 * the variable's name and what it holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { DEFAULT_MIN_COUNT } from '../domain/roles';

/** A number variable: its value, or the default when unset or empty. */
const num = (fallback: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.transform((raw) => (raw === '' ? fallback : Number(raw))),
		v.check((value: number) => Number.isFinite(value), 'must be a number')
	);
/** A text variable: its value, or the default when unset or empty. */
const str = (fallback: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.transform((raw) => raw || fallback)
	);

const Env = v.object({
	DATABASE_PATH: str('data/court.duckdb'),
	DEMO_SCALE: num(1),
	DEMO_DIR: str(''),
	DUCKDB_THREADS: num(0),
	DUCKDB_MEMORY_LIMIT: str('4GB'),
	IMPORT_MEMORY_LIMIT: str('700MB'),
	READ_CACHE_ENTRIES: num(2000),
	READ_CACHE_ROWS: num(200_000),
	MAX_RESULT_ROWS: num(20_000),
	CHEAP_RESULT_ROWS: num(1_000),
	QUERY_SLOTS: num(2),
	QUERY_QUEUE: num(8),
	QUERY_QUEUE_SECONDS: num(10),
	QUERY_TIMEOUT_SECONDS: num(30),
	LIMITS_FILE: str(''),
	WORKLOAD_WEIGHTS_FILE: str(''),
	MIN_COUNT: num(DEFAULT_MIN_COUNT),
	SESSION_TTL_HOURS: num(12),
	UPLOADS_DIR: str(''),
	UPLOAD_MAX_BYTES: num(2 * 1024 ** 3),
	IMPORT_REJECT_THRESHOLD: num(0.01),
	REPLICA: v.optional(v.picklist(['', 'writer', 'reader'], 'must be writer or reader'), ''),
	WRITER_URL: str(''),
	MAP_LAYOUT: str('geo'),
	GEOJSON_PATH: str(''),
	GEOJSON_ATTRIBUTION: str('')
});

function readEnv(): v.InferOutput<typeof Env> {
	const parsed = v.safeParse(Env, process.env);
	if (parsed.success) return parsed.output;
	const issue = parsed.issues[0];
	const name = String(issue.path?.[0]?.key);
	throw new Error(`${name} ${issue.message}, got "${process.env[name]}"`);
}

/**
 * The folder of a database's own working files (uploads being imported, generated demo data,
 * published copies, the local access file): beside it and named by it, so that two instances
 * with different databases never touch each other's files.
 */
export function databaseFilesDir(databasePath: string): string {
	// Named like DuckDB's own `court.duckdb.wal`.
	return `${databasePath}.files`;
}

export function settings() {
	const env = readEnv();
	const databasePath = path.resolve(env.DATABASE_PATH);
	const filesDir = databaseFilesDir(databasePath);
	return {
		databasePath,
		filesDir,
		/** Scale of the demo data loaded into an empty database; 0 disables the demo. */
		demoScale: env.DEMO_SCALE,
		demoDir: env.DEMO_DIR ? path.resolve(env.DEMO_DIR) : path.join(filesDir, 'demo'),
		/** DuckDB worker threads and memory cap; defaults suit a 2-core server. */
		duckdbThreads: env.DUCKDB_THREADS,
		duckdbMemoryLimit: env.DUCKDB_MEMORY_LIMIT,
		/**
		 * DuckDB's memory cap in `npm run import`, which serves no reader: beyond it the staged file
		 * spills to disk, so the process stays under 1.5 GB whatever the file's size, at no
		 * measured cost in time (BENCHMARKS.md).
		 */
		importMemoryLimit: env.IMPORT_MEMORY_LIMIT,
		/** Dashboard query results kept until the next write; 0 turns the cache off. */
		readCacheEntries: env.READ_CACHE_ENTRIES,
		/** Most result rows the cache keeps over all its entries. */
		readCacheRows: env.READ_CACHE_ROWS,
		/** Most rows one breakdown may give (time buckets × groups, estimated before it runs). */
		maxResultRows: env.MAX_RESULT_ROWS,
		/** Breakdowns estimated above this many rows are expensive: they take one of the query slots. */
		cheapResultRows: env.CHEAP_RESULT_ROWS,
		/** Expensive requests served at once, how many may wait, and for how long. */
		querySlots: env.QUERY_SLOTS,
		queryQueue: env.QUERY_QUEUE,
		queueSeconds: env.QUERY_QUEUE_SECONDS,
		/** A dashboard statement still running after this is interrupted. */
		queryTimeoutSeconds: env.QUERY_TIMEOUT_SECONDS,
		/** Optional JSON file overriding statutory limits and time standards. */
		limitsFile: env.LIMITS_FILE,
		/** Optional JSON file of category weights for the judge workload ({"criminal.murder": 3}); equal by default. */
		workloadWeightsFile: env.WORKLOAD_WEIGHTS_FILE,
		/** Counts under this are shown to the public as "<N". */
		minCount: env.MIN_COUNT,
		/** Lifetime of a session after sign-in. */
		sessionTtlHours: env.SESSION_TTL_HOURS,
		/** Where uploads and files being imported are kept while they are processed. */
		uploadsDir: env.UPLOADS_DIR ? path.resolve(env.UPLOADS_DIR) : path.join(filesDir, 'uploads'),
		/** Largest file accepted by the web upload, in bytes (default 2 GiB). */
		uploadMaxBytes: env.UPLOAD_MAX_BYTES,
		/** Share of rejected rows (0–1) above which an import is refused whole. */
		rejectThreshold: env.IMPORT_REJECT_THRESHOLD,
		/**
		 * Read replicas: `writer` serves like a single process and publishes a copy of the database
		 * after every change; `reader` serves pages and the API from the latest copy. Unset: one process.
		 */
		replica: env.REPLICA || ('single' as const),
		/** The writer's address, for a reader to check sessions with (e.g. http://127.0.0.1:3000). */
		writerUrl: env.WRITER_URL,
		/** How region maps are drawn at first: `geo` (boundaries) or `tiles` (the tile grid); readers can switch. */
		mapLayout: env.MAP_LAYOUT === 'tiles' ? ('tiles' as const) : ('geo' as const),
		/** Optional GeoJSON of region boundaries (ISO 3166-2:KZ or KATO codes) replacing the shipped ones. */
		geojsonPath: env.GEOJSON_PATH ? path.resolve(env.GEOJSON_PATH) : '',
		/** The credit the boundary file's licence asks for, shown under the map. */
		geojsonAttribution: env.GEOJSON_ATTRIBUTION
	};
}
export type Settings = ReturnType<typeof settings>;

/**
 * A JSON file named by a setting (LIMITS_FILE, WORKLOAD_WEIGHTS_FILE), parsed and checked by
 * `parse`; unset, `parse(undefined)` gives the defaults. Any problem names the variable and the
 * file, so that a refused start says which file and why.
 */
export function readSettingFile<T>(variable: string, file: string, parse: (json: unknown) => T): T {
	try {
		return parse(file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
	} catch (e) {
		throw new Error(`${variable} ${file}: ${(e as Error).message}`, { cause: e });
	}
}
