/**
 * The server process's database, opened once on first use (and awaited by the init hook).
 * A single process or the writer of read replicas (REPLICA=writer) opens the database file;
 * a reader (REPLICA=reader) serves the writer's latest published copy, read-only.
 */
import { findSession, purgeExpiredSessions, type SessionUser } from '../auth/sessions';
import { openLocalAccess } from '../cli/access';
import { settings } from '../config';
import { requestScope } from '../limits/scope';
import { followPublications, type Copy } from '../replica/follower';
import { startPublisher } from '../replica/publisher';
import { replicaSession } from '../replica/sessions';
import { openAppDatabase } from '../startup';
import type { Database } from './database';
import { ReadCache, type ReadCacheOptions } from './read-cache';
import { bumpDataRevision } from './revision';

let opening: Promise<Database> | undefined;
let reader: Promise<ReadCache> | undefined;
let following: Promise<() => Copy> | undefined;

/** Results kept until the data changes; a read stops when its client goes away or at the time limit. */
function cacheOptions(): ReadCacheOptions {
	const s = settings();
	return {
		maxEntries: s.readCacheEntries,
		maxRows: s.readCacheRows,
		stop: () => ({ signal: requestScope()?.signal, timeoutMs: s.queryTimeoutSeconds * 1000 })
	};
}

function currentCopy(): Promise<Copy> {
	const s = settings();
	following ??= followPublications(s.filesDir, {
		threads: s.duckdbThreads || undefined,
		memoryLimit: s.duckdbMemoryLimit,
		cache: cacheOptions(),
		// Facts cached by data revision (the as-of date) belong to the older copy.
		onSwitch: () => bumpDataRevision()
	});
	return following.then((current) => current());
}

export function isReadReplica(): boolean {
	return settings().replica === 'reader';
}

export function database(): Promise<Database> {
	if (isReadReplica()) return currentCopy().then((copy) => copy.db);
	opening ??= openAppDatabase().then(async (db) => {
		const s = settings();
		await purgeExpiredSessions(db);
		// The command-line tools reach this process with the token written here.
		openLocalAccess(s.filesDir);
		if (s.replica === 'writer') startPublisher(db, s.filesDir);
		return db;
	});
	return opening;
}

/**
 * The database for dashboard reads (overview, explorer, fraud and practice pages, indicator
 * API): results cached until the data changes, so that many visitors looking at the same
 * figures cost one query each (READ_CACHE_ENTRIES). A read stops when its request's client goes
 * away or at the statement time limit (QUERY_TIMEOUT_SECONDS).
 */
export function dataReader(): Promise<ReadCache> {
	if (isReadReplica()) return currentCopy().then((copy) => copy.reader);
	reader ??= database().then((db) => new ReadCache(db, cacheOptions()));
	return reader;
}

/** The user of a session token, on a reader asking the writer (replica/sessions.ts). */
export async function sessionUser(token: string | undefined): Promise<SessionUser | null> {
	if (isReadReplica()) return replicaSession((await currentCopy()).db, settings().writerUrl, token);
	return findSession(await database(), token);
}

/** On a reader, the publication it serves (number and time); null elsewhere. */
export async function servedCopy(): Promise<{ seq: number; publishedAt: string } | null> {
	if (!isReadReplica()) return null;
	const { seq, publishedAt } = (await currentCopy()).publication;
	return { seq, publishedAt };
}
