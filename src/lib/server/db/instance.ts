/** The server process's database, opened once on first use (and awaited by the init hook). */
import { settings } from '../config';
import { openAppDatabase } from '../startup';
import type { Database } from './database';
import { ReadCache } from './read-cache';

let opening: Promise<Database> | undefined;
let reader: Promise<ReadCache> | undefined;

export function database(): Promise<Database> {
	opening ??= openAppDatabase();
	return opening;
}

/**
 * The database for dashboard reads (overview, explorer, fraud and practice pages, indicator
 * API): results cached until the data changes, so that many visitors looking at the same
 * figures cost one query each (READ_CACHE_ENTRIES).
 */
export function dataReader(): Promise<ReadCache> {
	reader ??= database().then((db) => new ReadCache(db, settings().readCacheEntries));
	return reader;
}
