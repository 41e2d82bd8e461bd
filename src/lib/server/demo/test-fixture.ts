/**
 * For the tests: generates a demo dataset into a temporary directory and loads it into an
 * in-memory DuckDB with the column types of schema.ts, the way an upload would be read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CANONICAL_TABLES, SQL_TYPE, type CanonicalKind } from '../../domain/schema';
import { generateDemo, type DemoResult } from './generate';

export interface DemoFixture {
	result: DemoResult;
	dir: string;
	/** Rows as plain objects; BIGINT and DECIMAL values come back as numbers. */
	all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
	/** The single value of a one-row, one-column query. */
	one<T = number>(sql: string): Promise<T>;
	close(): void;
}

function readCsvSql(kind: CanonicalKind, file: string): string {
	const columns = CANONICAL_TABLES[kind].fields.map((f) => `'${f.name}': '${SQL_TYPE[f.type]}'`).join(', ');
	return `SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', columns = {${columns}})`;
}

const plain = (value: unknown): unknown => {
	if (typeof value === 'bigint') return Number(value);
	if (value !== null && typeof value === 'object' && 'toDouble' in value) return (value as { toDouble(): number }).toDouble();
	return value;
};

export async function loadDemo(scale: number, seed?: number): Promise<DemoFixture> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `demo-${scale}-`));
	const result = await generateDemo({ scale, outDir: dir, seed });
	const instance = await DuckDBInstance.create(':memory:');
	const connection: DuckDBConnection = await instance.connect();
	for (const kind of Object.keys(result.files) as CanonicalKind[]) {
		await connection.run(`CREATE TABLE ${kind} AS ${readCsvSql(kind, result.files[kind])}`);
	}
	const all = async <T>(sql: string): Promise<T[]> => {
		const reader = await connection.runAndReadAll(sql);
		return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
	};
	return {
		result,
		dir,
		all,
		one: async <T>(sql: string) => Object.values((await all<Record<string, T>>(sql))[0])[0],
		close() {
			connection.closeSync();
			instance.closeSync();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
