/**
 * Copies the region, court and category directories from code into the database, so that SQL
 * can join them (population for per-capita figures, names in exports). Run at every start:
 * the code is the source of truth.
 */
import { CATEGORIES } from '../../domain/categories';
import { COURTS } from '../../domain/courts';
import { REGIONS } from '../../domain/regions';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Queryable } from './database';

/** Inserts rows as bound parameters; `table` and `columns` are identifiers from code. */
export async function insertRows(tx: Queryable, table: string, columns: readonly string[], rows: readonly DuckDBValue[][]) {
	// Batches keep each statement's parameter list small.
	for (let start = 0; start < rows.length; start += 500) {
		const params: DuckDBValue[] = [];
		const tuples = rows
			.slice(start, start + 500)
			.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
		await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
	}
}

async function replaceRows(tx: Queryable, table: string, columns: string[], rows: DuckDBValue[][]) {
	await tx.run(`DELETE FROM ${table}`);
	await insertRows(tx, table, columns, rows);
}

export async function syncDirectories(tx: Queryable): Promise<void> {
	await replaceRows(
		tx,
		'regions',
		['code', 'kato', 'name_ru', 'name_kk', 'name_en', 'population'],
		REGIONS.map((r) => [r.code, r.kato, r.name.ru, r.name.kk, r.name.en, r.population])
	);
	await replaceRows(
		tx,
		'courts',
		['court_id', 'region', 'kind', 'name_ru', 'name_kk', 'name_en'],
		COURTS.map((c) => [c.id, c.region, c.kind, c.name.ru, c.name.kk, c.name.en])
	);
	await replaceRows(
		tx,
		'categories',
		['category', 'case_type', 'name_ru', 'name_kk', 'name_en'],
		CATEGORIES.map((c) => [c.id, c.caseType, c.name.ru, c.name.kk, c.name.en])
	);
}
