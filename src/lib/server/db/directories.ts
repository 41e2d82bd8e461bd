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

async function replaceRows(tx: Queryable, table: string, columns: string[], rows: DuckDBValue[][]) {
	await tx.run(`DELETE FROM ${table}`);
	if (!rows.length) return;
	const params: DuckDBValue[] = [];
	const tuples = rows.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
	await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
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
