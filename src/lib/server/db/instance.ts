/** The server process's database, opened once on first use (and awaited by the init hook). */
import { openLocalAccess } from '../cli/access';
import { settings } from '../config';
import type { Database, ReadCache } from './database';
import { openAppDatabase } from './bootstrap';

let opening: Promise<Database> | undefined;
let reader: Promise<ReadCache> | undefined;

export function database(): Promise<Database> {
	opening ??= openAppDatabase().then((db) => {
		// The command-line tools reach this process with the token written here.
		openLocalAccess(settings().filesDir);
		return db;
	});
	return opening;
}

/**
 * The database for dashboard reads (overview, explorer, fraud and practice pages, indicator
 * API): results cached until the next write, so that many visitors looking at the same figures
 * cost one query each (READ_CACHE_ENTRIES).
 */
export function dataReader(): Promise<ReadCache> {
	reader ??= database().then((db) => db.readCache(settings().readCacheEntries));
	return reader;
}
