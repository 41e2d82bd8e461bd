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

	async query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
		logQuery(sql, params);
		const reader = await this.connection.runAndReadAll(sql, params);
		return toRows(reader) as T[];
	}

	async run(sql: string, params?: Params): Promise<number> {
		const result = await this.connection.run(sql, params);
		return result.rowsChanged;
	}
}

export class Database implements Queryable {
	private readonly idle: DuckDBConnection[] = [];
	private writeQueue: Promise<unknown> = Promise.resolve();

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
		const connection = await this.acquire();
		try {
			return await fn(new Connection(connection));
		} finally {
			this.release(connection);
		}
	}

	/** A connection held while `fn` runs (its temporary tables live as long). */
	withConnection<T>(fn: (q: Connection) => Promise<T>): Promise<T> {
		return this.borrow(fn);
	}

	query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
		return this.borrow((q) => q.query<T>(sql, params));
	}

	run(sql: string, params?: Params): Promise<number> {
		return this.borrow((q) => q.run(sql, params));
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
		const next = this.writeQueue.then(() => (on ? inTransaction(on) : this.borrow(inTransaction)));
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
