/**
 * Results of dashboard reads, kept for as long as the data they read is unchanged: dashboards
 * run the same statements for every visitor, and the data changes only by imports and
 * rollbacks of this process (DuckDB lets one process open the file), which bump the data
 * revision. Other writes (sign-ins, sessions, the audit log) leave the cache as it is.
 * Identical reads in flight share one execution, which is interrupted when every caller waiting
 * for it has gone away; each caller gets its own copy of the rows, as callers may change them.
 */
import { QueryStopped, type Database, type Params, type Queryable, type Row, type Stop } from './database';
import { dataRevision } from './revision';

/** A read shared by the callers waiting for it; stopped when the last of them goes away. */
interface Entry {
	rows: Promise<Row[]>;
	waiting: number;
	controller: AbortController;
	settled: boolean;
	/** Rows kept, once the read has finished. */
	size: number;
}

export interface ReadCacheOptions {
	/** Most results kept (0: none). */
	maxEntries: number;
	/** Most rows kept over all results: a few large answers must not fill the memory. */
	maxRows?: number;
	/** The caller's way of stopping a read (its request's signal and the time limit). */
	stop?: () => Stop;
}

export class ReadCache implements Queryable {
	private readonly entries = new Map<string, Entry>();
	private rowsKept = 0;
	private revision = dataRevision();

	constructor(
		private readonly db: Database,
		private readonly options: ReadCacheOptions
	) {}

	private forget(key: string, entry: Entry): void {
		if (this.entries.get(key) !== entry) return;
		this.entries.delete(key);
		this.rowsKept -= entry.size;
	}

	private start(key: string, sql: string, params: Params | undefined, timeoutMs: number | undefined): Entry {
		const controller = new AbortController();
		const revision = dataRevision();
		const rows = this.db.query<Row>(sql, params, { signal: controller.signal, timeoutMs });
		const entry: Entry = { rows, waiting: 0, controller, settled: false, size: 0 };
		// Kept only if the data did not change meanwhile (the result may predate it); failures are not kept.
		rows.then(
			(result) => {
				entry.settled = true;
				if (dataRevision() !== revision || this.entries.get(key) !== entry) return this.forget(key, entry);
				entry.size = result.length;
				this.rowsKept += entry.size;
				this.evict(key);
			},
			() => {
				entry.settled = true;
				this.forget(key, entry);
			}
		);
		return entry;
	}

	/** Least recently used first, until the entries and their rows fit (the newest last of all). */
	private evict(newest: string): void {
		const maxRows = this.options.maxRows ?? Infinity;
		for (const [key, entry] of this.entries) {
			if (this.entries.size <= this.options.maxEntries && this.rowsKept <= maxRows) break;
			if (key !== newest || this.rowsKept > maxRows) this.forget(key, entry);
		}
	}

	async query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
		const stop = this.options.stop?.() ?? {};
		if (this.options.maxEntries <= 0) return this.db.query<T>(sql, params, stop);
		if (stop.signal?.aborted) throw new QueryStopped('cancelled');
		if (this.revision !== dataRevision()) {
			this.entries.clear();
			this.rowsKept = 0;
			this.revision = dataRevision();
		}
		const key = sql + '\u0000' + JSON.stringify(params ?? null, (_, v) => (typeof v === 'bigint' ? String(v) : v));
		let entry = this.entries.get(key);
		// Most recently used last: the first entry is the one evicted.
		if (entry) this.entries.delete(key);
		else entry = this.start(key, sql, params, stop.timeoutMs);
		this.entries.set(key, entry);
		this.evict(key);
		entry.waiting += 1;
		const shared = entry;
		let onAbort = () => {};
		const gone = new Promise<never>((_, reject) => {
			onAbort = () => reject(new QueryStopped('cancelled'));
			stop.signal?.addEventListener('abort', onAbort, { once: true });
		});
		try {
			return structuredClone(await Promise.race([shared.rows, gone])) as T[];
		} finally {
			stop.signal?.removeEventListener('abort', onAbort);
			shared.waiting -= 1;
			// Nobody waits for an unfinished read any more: it is forgotten and its statement interrupted.
			if (shared.waiting === 0 && !shared.settled) {
				this.forget(key, shared);
				shared.controller.abort();
			}
		}
	}

	run(sql: string, params?: Params): Promise<number> {
		return this.db.run(sql, params);
	}
}
