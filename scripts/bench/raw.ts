/**
 * The raw side of the comparison: the SQL a view ran on the server (captured with QUERY_LOG),
 * replayed through @duckdb/node-api directly on a copy of the same database file, with the same
 * concurrency (one connection per statement, all at once, as the server's pool runs them).
 */
import fs from 'node:fs';
import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface Statement {
	sql: string;
	params: Record<string, unknown> | unknown[] | null;
}

/** Lines appended to the query log since `offset`, and the new offset. */
export function readLog(file: string, offset: number): { statements: Statement[]; offset: number } {
	const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const lines = text.slice(offset).split('\n').filter(Boolean);
	return { statements: lines.map((line) => JSON.parse(line) as Statement), offset: text.length };
}

/** Lists were logged as {list: items}; everything else is a plain JSON value. */
function revive(value: unknown): DuckDBValue {
	if (value && typeof value === 'object' && 'list' in value) return listValue((value as { list: DuckDBValue[] }).list);
	return value as DuckDBValue;
}

function bound(params: Statement['params']): Record<string, DuckDBValue> | DuckDBValue[] | undefined {
	if (params === null) return undefined;
	if (Array.isArray(params)) return params.map(revive);
	return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, revive(v)]));
}

export class RawDuckDB {
	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly connections: DuckDBConnection[]
	) {}

	static async open(file: string, config: Record<string, string>): Promise<RawDuckDB> {
		const instance = await DuckDBInstance.create(file, { ...config, access_mode: 'READ_ONLY' });
		return new RawDuckDB(instance, []);
	}

	private async connection(i: number): Promise<DuckDBConnection> {
		while (this.connections.length <= i) this.connections.push(await this.instance.connect());
		return this.connections[i];
	}

	/** Runs all statements concurrently, one connection each, and reads their results. */
	async run(statements: Statement[]): Promise<void> {
		const connections = await Promise.all(statements.map((_, i) => this.connection(i)));
		await Promise.all(statements.map((s, i) => connections[i].runAndReadAll(s.sql, bound(s.params))));
	}

	async version(): Promise<string> {
		const reader = await (await this.connection(0)).runAndReadAll('SELECT version() AS v');
		return String(reader.getRowObjectsJS()[0].v);
	}

	close(): void {
		for (const c of this.connections) c.closeSync();
		this.instance.closeSync();
	}
}
