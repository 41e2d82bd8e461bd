/**
 * Results of dashboard reads, kept for as long as the data they read is unchanged: dashboards
 * run the same statements for every visitor, and the data changes only by imports and
 * rollbacks of this process (DuckDB lets one process open the file), which bump the data
 * revision. Other writes (sign-ins, sessions, the audit log) leave the cache as it is.
 * Identical reads in flight share one execution; each caller gets its own copy of the rows, as
 * callers may change them.
 */
import type { Params, Queryable, Row } from './database';
import { dataRevision } from './revision';

export class ReadCache implements Queryable {
	private readonly entries = new Map<string, Promise<Row[]>>();
	private revision = dataRevision();

	constructor(
		private readonly db: Queryable,
		private readonly maxEntries: number
	) {}

	async query<T extends object = Row>(sql: string, params?: Params): Promise<T[]> {
		if (this.maxEntries <= 0) return this.db.query<T>(sql, params);
		if (this.revision !== dataRevision()) {
			this.entries.clear();
			this.revision = dataRevision();
		}
		const key = sql + '\u0000' + JSON.stringify(params ?? null, (_, v) => (typeof v === 'bigint' ? String(v) : v));
		let entry = this.entries.get(key);
		if (entry) {
			// Most recently used last: the first entry is the one evicted.
			this.entries.delete(key);
		} else {
			const started = this.db.query<Row>(sql, params);
			// Failures are not kept. A result that may predate a data change goes with the next read's clearing.
			started.catch(() => this.entries.get(key) === started && this.entries.delete(key));
			entry = started;
		}
		this.entries.set(key, entry);
		if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return structuredClone(await entry) as T[];
	}

	run(sql: string, params?: Params): Promise<number> {
		return this.db.run(sql, params);
	}
}
