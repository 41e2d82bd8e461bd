/**
 * The one DuckDB database of the process. Every query goes through `query` or a transaction,
 * always with bound parameters; SQL text is assembled only from whitelisted identifiers.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
	DuckDBConnection,
	DuckDBInstance,
	DuckDBListValue,
	DuckDBTypeId,
	type DuckDBResultReader,
	type DuckDBValue
} from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface Queryable {
	query<T extends object = Row>(sql: string, params?: Params): Promise<T[]>;
	/** Runs a statement; resolves to the number of rows it changed. */
	run(sql: string, params?: Params): Promise<number>;
}

/**
 * How a read may be stopped: when `signal` aborts (its client went away) or after `timeoutMs`.
 * DuckDB interrupts the running statement, so the work ends with the request.
 */
export interface Stop {
	signal?: AbortSignal;
	timeoutMs?: number;
}

/** A read interrupted because its client went away ('cancelled') or its time limit passed ('timeout'). */
export class QueryStopped extends Error {
	constructor(readonly reason: 'cancelled' | 'timeout') {
		super(reason === 'timeout' ? 'statement stopped at its time limit' : 'statement stopped: its client went away');
	}
}

export interface OpenOptions {
	threads?: number;
	memoryLimit?: string;
	readOnly?: boolean;
}

/** Plain JSON-friendly values: counts as numbers, dates as YYYY-MM-DD, timestamps as ISO. */
function toRows(reader: DuckDBResultReader): Row[] {
	const names = reader.deduplicatedColumnNames();
	const types = reader.columnTypes().map((t) => t.typeId);
	return reader.getRowObjectsJS().map((raw) => {
		const row: Row = {};
		names.forEach((name, i) => {
			const value = raw[name];
			if (typeof value === 'bigint') row[name] = Number(value);
			else if (value instanceof Date) row[name] = types[i] === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
			else row[name] = value;
		});
		return row;
	});
}

/**
 * With QUERY_LOG set to a file, every query is appended to it as a JSON line {sql, params}: the
 * benchmark replays exactly the SQL a view ran through DuckDB alone. Off unless set.
 */
function logQuery(sql: string, params: Params | undefined): void {
	const file = process.env.QUERY_LOG;
	if (!file) return;
	const json = JSON.stringify({ sql, params: params ?? null }, (_, value) =>
		value instanceof DuckDBListValue ? { list: value.items } : typeof value === 'bigint' ? Number(value) : value
	);
	fs.appendFileSync(file, json + '\n');
}

/** One connection held for a while: its temporary tables live as long as it is held. */
export class Connection implements Queryable {
	constructor(protected readonly connection: DuckDBConnection) {}

	/** Share (0–100) of the running query done, or -1 when DuckDB cannot tell. */
	progress(): number {
		return this.connection.progress.percentage;
	}

	async query<T extends object = Row>(sql: string, params?: Params, stop?: Stop): Promise<T[]> {
		logQuery(sql, params);
		const reader = await this.stoppable(stop, () => this.connection.runAndReadAll(sql, params));
		return toRows(reader) as T[];
	}

	/** Runs `work`, interrupting the connection's statement when `stop` says so. */
	private async stoppable<T>(stop: Stop | undefined, work: () => Promise<T>): Promise<T> {
		if (!stop) return work();
		if (stop.signal?.aborted) throw new QueryStopped('cancelled');
		let reason: QueryStopped['reason'] | undefined;
		const interrupt = (why: QueryStopped['reason']) => {
			reason ??= why;
			this.connection.interrupt();
		};
		const onAbort = () => interrupt('cancelled');
		stop.signal?.addEventListener('abort', onAbort, { once: true });
		const timer = stop.timeoutMs ? setTimeout(() => interrupt('timeout'), stop.timeoutMs) : undefined;
		try {
			return await work();
		} catch (error) {
			throw reason ? new QueryStopped(reason) : error;
		} finally {
			// Removed before the connection is released, so that no interrupt reaches its next statement.
			clearTimeout(timer);
			stop.signal?.removeEventListener('abort', onAbort);
		}
	}

	async run(sql: string, params?: Params): Promise<number> {
		const result = await this.connection.run(sql, params);
		return result.rowsChanged;
	}
}

/** Statements that only read: they leave cached results valid. */
const READ_ONLY = /^\s*(SELECT|WITH|DESCRIBE|SUMMARIZE|FROM)\b/i;

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

/**
 * Results of reads made through it, kept until the next write through the database: dashboards
 * run the same statements for every visitor, and the data changes only by imports and rollbacks
 * of this process (DuckDB lets one process open the file). Identical reads in flight share one
 * execution, which is interrupted when every caller waiting for it has gone away; each caller
 * gets its own copy of the rows, as callers may change them.
 */
export class ReadCache implements Queryable {
	private readonly entries = new Map<string, Entry>();
	private rowsKept = 0;

	constructor(
		private readonly db: Database,
		private readonly options: ReadCacheOptions
	) {}

	clear(): void {
		this.entries.clear();
		this.rowsKept = 0;
	}

	private forget(key: string, entry: Entry): void {
		if (this.entries.get(key) !== entry) return;
		this.entries.delete(key);
		this.rowsKept -= entry.size;
	}

	private start(key: string, sql: string, params: Params | undefined, timeoutMs: number | undefined): Entry {
		const controller = new AbortController();
		const generation = this.db.generation;
		const rows = this.db.query<Row>(sql, params, { signal: controller.signal, timeoutMs });
		const entry: Entry = { rows, waiting: 0, controller, settled: false, size: 0 };
		// Kept only if no write happened meanwhile (the result may predate it); failures are not kept.
		rows.then(
			(result) => {
				entry.settled = true;
				if (this.db.generation !== generation || this.entries.get(key) !== entry) return this.forget(key, entry);
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

export class Database implements Queryable {
	private readonly idle: DuckDBConnection[] = [];
	private writeQueue: Promise<unknown> = Promise.resolve();
	private readonly caches: ReadCache[] = [];
	/** Counts the writes through this database; a cached read is valid within one generation. */
	generation = 0;

	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance
	) {}

	static async open(file: string, options: OpenOptions = {}): Promise<Database> {
		if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
		const config: Record<string, string> = {};
		if (options.threads) config.threads = String(options.threads);
		if (options.memoryLimit) config.memory_limit = options.memoryLimit;
		if (options.readOnly) config.access_mode = 'READ_ONLY';
		const instance = await DuckDBInstance.create(file, config);
		return new Database(file, instance);
	}

	/** A reader whose results are cached until the next write (`maxEntries` 0: no cache). */
	readCache(options: ReadCacheOptions): ReadCache {
		const cache = new ReadCache(this, options);
		this.caches.push(cache);
		return cache;
	}

	private changed(): void {
		this.generation += 1;
		for (const cache of this.caches) cache.clear();
	}

	private async acquire(): Promise<DuckDBConnection> {
		return this.idle.pop() ?? (await this.instance.connect());
	}

	private release(connection: DuckDBConnection) {
		// Warm connections for a page's statements at once (the fraud page runs 17); extra ones are
		// closed. Opening and closing a connection per statement cost about 1 ms a request.
		if (this.idle.length < 32) this.idle.push(connection);
		else connection.closeSync();
	}

	private async borrow<T>(fn: (q: Connection) => Promise<T>): Promise<T> {
		// An interrupt may still be pending on a connection whose statement ended meanwhile; DuckDB
		// clears it when the next statement starts, so the connection is reused as it is.
		const connection = await this.acquire();
		try {
			return await fn(new Connection(connection));
		} finally {
			this.release(connection);
		}
	}

	/** A connection held while `fn` runs; whatever it did counts as a write. */
	async withConnection<T>(fn: (q: Connection) => Promise<T>): Promise<T> {
		try {
			return await this.borrow(fn);
		} finally {
			this.changed();
		}
	}

	async query<T extends object = Row>(sql: string, params?: Params, stop?: Stop): Promise<T[]> {
		try {
			return await this.borrow((q) => q.query<T>(sql, params, stop));
		} finally {
			if (!READ_ONLY.test(sql)) this.changed();
		}
	}

	async run(sql: string, params?: Params): Promise<number> {
		try {
			return await this.borrow((q) => q.run(sql, params));
		} finally {
			this.changed();
		}
	}

	/**
	 * Runs `fn` in one transaction: all of it is committed or none of it. Writers are queued so
	 * that two imports never interleave; readers keep reading the last committed state. `on`
	 * runs it on a connection already held (whose temporary tables it needs).
	 */
	transaction<T>(fn: (tx: Queryable) => Promise<T>, on?: Connection): Promise<T> {
		const inTransaction = async (q: Queryable) => {
			await q.run('BEGIN TRANSACTION');
			try {
				const result = await fn(q);
				await q.run('COMMIT');
				return result;
			} catch (error) {
				await q.run('ROLLBACK').catch(() => undefined);
				throw error;
			}
		};
		const next = this.writeQueue.then(() => (on ? inTransaction(on) : this.borrow(inTransaction))).finally(() => this.changed());
		this.writeQueue = next.catch(() => undefined);
		return next;
	}

	async checkpoint(): Promise<void> {
		await this.run('CHECKPOINT');
	}

	close(): void {
		for (const connection of this.idle.splice(0)) connection.closeSync();
		this.instance.closeSync();
	}
}
