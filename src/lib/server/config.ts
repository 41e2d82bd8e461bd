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

export function settings() {
	return {
		databasePath: path.resolve(process.env.DATABASE_PATH || 'data/court.duckdb'),
		/** Scale of the demo data loaded into an empty database; 0 disables the demo. */
		demoScale: num('DEMO_SCALE', 1),
		demoDir: path.resolve(process.env.DEMO_DIR || 'data/generated'),
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
		/** Optional JSON file overriding statutory limits and time standards. */
		limitsFile: process.env.LIMITS_FILE || '',
		/** Optional JSON file of category weights for the judge workload ({"criminal.murder": 3}); equal by default. */
		workloadWeightsFile: process.env.WORKLOAD_WEIGHTS_FILE || '',
		/** Counts under this are shown to the public as "<N". */
		minCount: num('MIN_COUNT', DEFAULT_MIN_COUNT),
		/** Lifetime of a session after sign-in. */
		sessionTtlHours: num('SESSION_TTL_HOURS', 12),
		/** Where uploads and files being imported are kept while they are processed. */
		uploadsDir: path.resolve(process.env.UPLOADS_DIR || 'data/uploads'),
		/** Largest file accepted by the web upload, in bytes (default 2 GiB). */
		uploadMaxBytes: num('UPLOAD_MAX_BYTES', 2 * 1024 ** 3),
		/** Share of rejected rows (0–1) above which an import is refused whole. */
		rejectThreshold: num('IMPORT_REJECT_THRESHOLD', 0.01),
		/** Optional GeoJSON of region boundaries (ISO 3166-2:KZ or KATO codes) for a geographic map. */
		geojsonPath: process.env.GEOJSON_PATH ? path.resolve(process.env.GEOJSON_PATH) : '',
		/** The credit the boundary file's licence asks for, shown under the map. */
		geojsonAttribution: process.env.GEOJSON_ATTRIBUTION || ''
	};
}
export type Settings = ReturnType<typeof settings>;
