/** For the tests: a fresh database file, and imports of files built in memory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Database } from '../db/database';
import { syncDirectories } from '../db/directories';
import { migrate } from '../db/migrations';
import type { ImportOutcome } from '../../domain/ingest/job';
import { runImport, type ImportRequest } from './pipeline';

export interface TestDatabase {
	db: Database;
	dir: string;
	/** Imports `content` (as UTF-8 when a string) with the given request and reject threshold. */
	importBytes(content: string | Buffer, request?: Partial<ImportRequest>, threshold?: number): Promise<ImportOutcome>;
	close(): void;
}

export async function openTestDatabase(): Promise<TestDatabase> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-ingest-'));
	const db = await Database.open(path.join(dir, 'court.duckdb'), { threads: 2 });
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	return {
		db,
		dir,
		importBytes: (content, request = {}, threshold = 0.01) =>
			runImport(
				db,
				Readable.from([Buffer.from(content)]),
				{ mode: 'append', sourceName: 'test.csv', actor: 'test', ...request },
				{ workDir: path.join(dir, 'work'), rejectThreshold: threshold }
			),
		close: () => {
			db.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
