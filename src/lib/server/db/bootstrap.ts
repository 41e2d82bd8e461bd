/**
 * Opening the application database: create or migrate the schema, refresh the directories and,
 * on an empty database, load the synthetic demo data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CanonicalKind } from '../../domain/schema';
import { settings, type Settings } from '../config';
import { audit, createDataset, recordVersion } from '../datasets/registry';
import { loadCanonicalCsv } from '../ingest/canonical';
import { bumpDataRevision } from '../metrics/revision';
import { Database } from './database';
import { refreshDerived } from './derived';
import { syncDirectories } from './directories';
import { migrate } from './migrations';

type Log = (message: string) => void;

const DEMO_NAMES = {
	cases: 'Демо: судебные дела (синтетические) / Demo: court cases (synthetic)',
	fraud: 'Демо: интернет-мошенничество (синтетические) / Demo: internet fraud (synthetic)',
	court_stats: 'Демо: статистические формы (синтетические) / Demo: reporting forms (synthetic)'
} as const;

async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM datasets');
	return row.n === 0;
}

/**
 * Loads canonical CSV files as new datasets (version 1) in one transaction, then rebuilds the
 * derived tables. Used for the demo data and for test fixtures.
 */
export async function loadCanonicalFiles(
	db: Database,
	files: Partial<Record<CanonicalKind, string>>,
	options: { names: Record<CanonicalKind, string>; isDemo: boolean; detail: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		for (const [kind, file] of Object.entries(files) as [CanonicalKind, string][]) {
			const datasetId = await createDataset(tx, { kind, name: options.names[kind], isDemo: options.isDemo });
			const rows = await loadCanonicalCsv(tx, kind, file, { datasetId, version: 1 });
			await recordVersion(tx, {
				datasetId,
				version: 1,
				mode: 'replace',
				rowsLoaded: rows,
				rowsRejected: 0,
				sourceName: path.basename(file),
				sha256: null,
				bytes: fs.statSync(file).size,
				uploadedBy: 'system'
			});
			await audit(tx, { actor: 'system', action: 'load', datasetId, version: 1, detail: `${rows} rows; ${options.detail}` });
		}
		await refreshDerived(tx);
	});
	bumpDataRevision();
}

export async function loadDemo(db: Database, scale: number, dir: string, log: Log): Promise<void> {
	const started = Date.now();
	log(`Generating synthetic demo data at scale ${scale}…`);
	const outDir = path.join(dir, `scale-${scale}`);
	fs.mkdirSync(outDir, { recursive: true });
	// Loaded on demand: only an empty database needs the generator.
	const { generateDemo } = await import('../demo/generate');
	const generated = await generateDemo({ scale, outDir });
	log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s; loading into DuckDB…`);
	await loadCanonicalFiles(db, generated.files, { names: DEMO_NAMES, isDemo: true, detail: `synthetic demo, scale ${scale}` });
	await db.checkpoint();
	log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function openAppDatabase(s: Settings = settings(), log: Log = console.log): Promise<Database> {
	const db = await Database.open(s.databasePath, {
		threads: s.duckdbThreads || undefined,
		memoryLimit: s.duckdbMemoryLimit
	});
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	if (s.demoScale > 0 && (await isEmpty(db))) await loadDemo(db, s.demoScale, s.demoDir, log);
	return db;
}
