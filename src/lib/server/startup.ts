/**
 * Starting the application: open the database, create or migrate the schema, refresh the
 * directories, on an empty database load the synthetic demo data, and build the derived tables
 * of the metrics if this version's are missing. It ties the layers together, so it sits above
 * them (db, ingest, metrics) rather than in one of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CanonicalKind } from '../domain/schema';
import { settings, type Settings } from './config';
import { Database } from './db/database';
import { syncDirectories } from './db/directories';
import { migrate } from './db/migrations';
import { bumpDataRevision } from './db/revision';
import { clearWorkFiles, runImport } from './ingest/pipeline';
import { refreshRollups, rollupsCurrent } from './metrics/maintain';

type Log = (message: string) => void;

const DEMO_NAMES = {
	cases: 'Демо: судебные дела (синтетические) / Demo: court cases (synthetic)',
	fraud: 'Демо: интернет-мошенничество (синтетические) / Demo: internet fraud (synthetic)',
	court_stats: 'Демо: статистические формы (синтетические) / Demo: reporting forms (synthetic)'
} as const;

/** Demo kinds not loaded yet: all of them on a new database, the rest after an interrupted first start. */
async function missingDemoKinds(db: Database): Promise<CanonicalKind[]> {
	const rows = await db.query<{ kind: string; demo: boolean }>('SELECT kind, is_demo AS demo FROM datasets');
	if (rows.some((r) => !r.demo)) return [];
	return (Object.keys(DEMO_NAMES) as CanonicalKind[]).filter((kind) => !rows.some((r) => r.kind === kind));
}

/**
 * Loads canonical CSV files as new datasets through the import pipeline (the same checks as an
 * upload), each in its own transaction. Used for the demo data and for test fixtures.
 */
export async function loadCanonicalFiles(
	db: Database,
	files: Partial<Record<CanonicalKind, string>>,
	options: { names: Record<CanonicalKind, string>; isDemo: boolean; workDir: string }
): Promise<void> {
	for (const [kind, file] of Object.entries(files) as [CanonicalKind, string][]) {
		const outcome = await runImport(
			db,
			fs.createReadStream(file),
			{ kind, mode: 'replace', name: options.names[kind], isDemo: options.isDemo, sourceName: path.basename(file), actor: 'system' },
			// Generated files must load whole: any rejected row is a bug of the generator.
			{ workDir: options.workDir, rejectThreshold: 0 }
		);
		if (outcome.status !== 'committed')
			throw new Error(`${file}: ${outcome.rowsRejected} rows rejected, e.g. ${JSON.stringify(outcome.rejects[0])}`);
	}
}

export async function loadDemo(db: Database, kinds: CanonicalKind[], s: Settings, log: Log): Promise<void> {
	const { demoScale: scale, demoDir: dir } = s;
	const started = Date.now();
	log(`Generating synthetic demo data at scale ${scale}…`);
	const outDir = path.join(dir, `scale-${scale}`);
	fs.mkdirSync(outDir, { recursive: true });
	// Loaded on demand: only an empty database needs the generator.
	const { generateDemo } = await import('./demo/generate');
	const generated = await generateDemo({ scale, outDir });
	log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s; loading into DuckDB…`);
	const files = Object.fromEntries(kinds.map((kind) => [kind, generated.files[kind]]));
	await loadCanonicalFiles(db, files, { names: DEMO_NAMES, isDemo: true, workDir: s.uploadsDir });
	await db.run('UPDATE datasets SET demo_scale = $scale WHERE is_demo', { scale });
	await db.checkpoint();
	log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * A start refused (a bad setting or settings file, a database that cannot be opened): the
 * message alone on one line — what and where, no stack trace — and a non-zero exit.
 */
export function refuseStart(error: unknown): never {
	const message = error instanceof Error ? error.message : String(error);
	console.error(`The server did not start: ${message.replace(/\s*\n\s*/g, ' ')}`);
	process.exit(1);
}

export async function openAppDatabase(s: Settings = settings(), log: Log = console.log): Promise<Database> {
	const db = await Database.open(s.databasePath, {
		threads: s.duckdbThreads || undefined,
		memoryLimit: s.duckdbMemoryLimit
	}).catch((e: Error) => {
		throw new Error(`DATABASE_PATH ${s.databasePath}: ${e.message}`, { cause: e });
	});
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	clearWorkFiles(s.uploadsDir);
	if (s.demoScale > 0) {
		const kinds = await missingDemoKinds(db);
		if (kinds.length) await loadDemo(db, kinds, s, log);
	}
	if (!(await rollupsCurrent(db))) {
		// Pages answer from the case rows meanwhile (the same figures, slower); at national scale this takes minutes.
		log('Building the monthly rollups in the background…');
		void db
			.transaction((tx) => refreshRollups(tx))
			.then(() => (bumpDataRevision(), log('Monthly rollups ready.')))
			.catch((error) => console.error('Building the monthly rollups failed:', error));
	}
	return db;
}
