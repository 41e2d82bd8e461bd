/**
 * Runtime settings from the environment. Read lazily so that tests and CLI scripts can set
 * variables before the first use.
 */
import path from 'node:path';
import { DEFAULT_MIN_COUNT } from '../domain/roles';

function num(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
	return value;
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

function replicaRole(raw: string | undefined): 'single' | 'writer' | 'reader' {
	if (!raw) return 'single';
	if (raw === 'writer' || raw === 'reader') return raw;
	throw new Error(`REPLICA must be writer or reader, got "${raw}"`);
}

export function settings() {
	const databasePath = path.resolve(process.env.DATABASE_PATH || 'data/court.duckdb');
	const filesDir = databaseFilesDir(databasePath);
	return {
		databasePath,
		filesDir,
		/** Scale of the demo data loaded into an empty database; 0 disables the demo. */
		demoScale: num('DEMO_SCALE', 1),
		demoDir: process.env.DEMO_DIR ? path.resolve(process.env.DEMO_DIR) : path.join(filesDir, 'demo'),
		/** DuckDB worker threads and memory cap; defaults suit a 2-core server. */
		duckdbThreads: num('DUCKDB_THREADS', 0),
		duckdbMemoryLimit: process.env.DUCKDB_MEMORY_LIMIT || '4GB',
		/**
		 * DuckDB's memory cap in `npm run import`, which serves no reader: beyond it the staged file
		 * spills to disk, so the process stays under 1.5 GB whatever the file's size, at no
		 * measured cost in time (BENCHMARKS.md).
		 */
		importMemoryLimit: process.env.IMPORT_MEMORY_LIMIT || '700MB',
		/** Dashboard query results kept until the next write; 0 turns the cache off. */
		readCacheEntries: num('READ_CACHE_ENTRIES', 2000),
		/** Most result rows the cache keeps over all its entries. */
		readCacheRows: num('READ_CACHE_ROWS', 200_000),
		/** Most rows one breakdown may give (time buckets × groups, estimated before it runs). */
		maxResultRows: num('MAX_RESULT_ROWS', 20_000),
		/** Breakdowns estimated above this many rows are expensive: they take one of the query slots. */
		cheapResultRows: num('CHEAP_RESULT_ROWS', 1_000),
		/** Expensive requests served at once, how many may wait, and for how long. */
		querySlots: num('QUERY_SLOTS', 2),
		queryQueue: num('QUERY_QUEUE', 8),
		queueSeconds: num('QUERY_QUEUE_SECONDS', 10),
		/** A dashboard statement still running after this is interrupted. */
		queryTimeoutSeconds: num('QUERY_TIMEOUT_SECONDS', 30),
		/** Optional JSON file overriding statutory limits and time standards. */
		limitsFile: process.env.LIMITS_FILE || '',
		/** Optional JSON file of category weights for the judge workload ({"criminal.murder": 3}); equal by default. */
		workloadWeightsFile: process.env.WORKLOAD_WEIGHTS_FILE || '',
		/** Counts under this are shown to the public as "<N". */
		minCount: num('MIN_COUNT', DEFAULT_MIN_COUNT),
		/** Lifetime of a session after sign-in. */
		sessionTtlHours: num('SESSION_TTL_HOURS', 12),
		/** Where uploads and files being imported are kept while they are processed. */
		uploadsDir: process.env.UPLOADS_DIR ? path.resolve(process.env.UPLOADS_DIR) : path.join(filesDir, 'uploads'),
		/** Largest file accepted by the web upload, in bytes (default 2 GiB). */
		uploadMaxBytes: num('UPLOAD_MAX_BYTES', 2 * 1024 ** 3),
		/** Share of rejected rows (0–1) above which an import is refused whole. */
		rejectThreshold: num('IMPORT_REJECT_THRESHOLD', 0.01),
		/**
		 * Read replicas: `writer` serves like a single process and publishes a copy of the database
		 * after every change; `reader` serves pages and the API from the latest copy. Unset: one process.
		 */
		replica: replicaRole(process.env.REPLICA),
		/** The writer's address, for a reader to check sessions with (e.g. http://127.0.0.1:3000). */
		writerUrl: process.env.WRITER_URL || '',
		/** How region maps are drawn at first: `geo` (boundaries) or `tiles` (the tile grid); readers can switch. */
		mapLayout: process.env.MAP_LAYOUT === 'tiles' ? ('tiles' as const) : ('geo' as const),
		/** Optional GeoJSON of region boundaries (ISO 3166-2:KZ or KATO codes) replacing the shipped ones. */
		geojsonPath: process.env.GEOJSON_PATH ? path.resolve(process.env.GEOJSON_PATH) : '',
		/** The credit the boundary file's licence asks for, shown under the map. */
		geojsonAttribution: process.env.GEOJSON_ATTRIBUTION || ''
	};
}
export type Settings = ReturnType<typeof settings>;
