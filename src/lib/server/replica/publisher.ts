/**
 * The writer's side of read replicas (REPLICA=writer): after every committed change that readers
 * must see (imports, rollbacks, accounts, definitions: whatever bumps the data revision), a new
 * copy of the database is published. DuckDB's COPY FROM DATABASE reads one consistent snapshot
 * while writes go on. Older copies are deleted; a reader still reading one keeps its open file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { onDataRevision } from '../db/revision';
import { announce, currentPublication, publicationDir, type Publication } from './publication';

/** Copies kept besides the current one, for readers that are just switching. */
const KEEP = 2;

async function publish(db: Database, dir: string, seq: number): Promise<Publication> {
	const file = `copy-${String(seq).padStart(8, '0')}.duckdb`;
	const partial = path.join(dir, `${file}.partial`);
	fs.rmSync(partial, { force: true });
	const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
	// Identifiers cannot be bound: the database name comes from DuckDB, the alias is fixed.
	await db.run(`ATTACH '${partial.replaceAll("'", "''")}' AS publication_copy`);
	try {
		await db.run(`COPY FROM DATABASE "${name.replaceAll('"', '""')}" TO publication_copy`);
	} finally {
		await db.run('DETACH publication_copy');
	}
	fs.renameSync(partial, path.join(dir, file));
	const publication = { file, seq, publishedAt: new Date().toISOString() };
	announce(dir, publication);
	return publication;
}

function prune(dir: string, current: Publication): void {
	const copies = fs
		.readdirSync(dir)
		.filter((name) => /^copy-\d+\.duckdb(\.partial)?$/.test(name) && name !== current.file)
		.sort();
	for (const name of copies.slice(0, Math.max(0, copies.length - KEEP))) fs.rmSync(path.join(dir, name), { force: true });
}

/** Publishes a copy now and after every later change; changes made during a copy make one more. */
export function startPublisher(db: Database, filesDir: string, log: (message: string) => void = console.log): void {
	const dir = publicationDir(filesDir);
	fs.mkdirSync(dir, { recursive: true });
	let seq = currentPublication(dir)?.seq ?? 0;
	let pending = true;
	let running: Promise<void> | null = null;
	const run = async () => {
		while (pending) {
			pending = false;
			const started = Date.now();
			try {
				const publication = await publish(db, dir, ++seq);
				prune(dir, publication);
				log(`Published copy ${publication.seq} for the readers in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
			} catch (error) {
				console.error('Publishing a copy for the readers failed:', error);
			}
		}
		running = null;
	};
	onDataRevision(() => {
		pending = true;
		running ??= run();
	});
	running = run();
}
