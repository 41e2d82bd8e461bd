/**
 * The reader's side of read replicas (REPLICA=reader): pages and the API are served from the
 * current published copy, opened read-only, and the reader switches to a newer copy as soon as
 * the writer names one. Requests begun on the older copy finish on it; it is closed later.
 */
import path from 'node:path';
import { Database } from '../db/database';
import { ReadCache, type ReadCacheOptions } from '../db/read-cache';
import { currentPublication, publicationDir, type Publication } from './publication';

export interface Copy {
	db: Database;
	/** Dashboard reads of this copy, cached as long as it is current. */
	reader: ReadCache;
	publication: Publication;
}

const POLL_MS = 500;
/** An older copy stays open this long after the switch, for the requests still reading it. */
const GRACE_MS = 5 * 60_000;

export interface FollowOptions {
	threads?: number;
	memoryLimit?: string;
	cache: ReadCacheOptions;
	/** Called after each switch (caches keyed by the data revision must go). */
	onSwitch: (copy: Copy) => void;
}

/** Follows the writer's publications; resolves with a getter of the current copy once the first is open. */
export function followPublications(filesDir: string, options: FollowOptions): Promise<() => Copy> {
	const dir = publicationDir(filesDir);
	let current: Copy | null = null;
	let checking = false;

	async function check(): Promise<void> {
		const publication = currentPublication(dir);
		if (!publication || publication.seq === current?.publication.seq || checking) return;
		checking = true;
		try {
			const db = await Database.open(path.join(dir, publication.file), {
				readOnly: true,
				threads: options.threads,
				memoryLimit: options.memoryLimit
			});
			const previous = current;
			current = { db, reader: new ReadCache(db, options.cache), publication };
			options.onSwitch(current);
			if (previous) setTimeout(() => previous.db.close(), GRACE_MS).unref();
		} catch (error) {
			// The copy was replaced and pruned meanwhile: the next look finds the newer one.
			console.error(`Opening published copy ${publication.file} failed:`, (error as Error).message);
		} finally {
			checking = false;
		}
	}

	setInterval(() => void check(), POLL_MS).unref();
	return new Promise((resolve) => {
		const first = async () => {
			await check();
			if (current) resolve(() => current!);
			else setTimeout(first, POLL_MS);
		};
		void first();
	});
}
