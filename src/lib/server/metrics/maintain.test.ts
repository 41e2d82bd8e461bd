/**
 * Imports and rollbacks bring the links and rollups along by recounting only the cases they
 * touch; whatever the change, the tables must equal a full rebuild from the rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../../tests/support/fixture-db';
import { rollbackDataset } from '../datasets/rollback';
import { openTestDatabase, type TestDatabase } from '../ingest/test-db';
import type { Database } from '../db/database';
import { beginDataChange, refreshDerived } from './maintain';

const HEADER = 'case_id,case_number,instance,court_id,region,case_type,category,filed_date,decided_date,outcome';

let t: TestDatabase;
beforeEach(async () => {
	t = await openTestDatabase();
	expect((await t.importBytes(fs.readFileSync(path.join(FIXTURES, 'cases.csv')))).status).toBe('committed');
	expect((await t.importBytes(fs.readFileSync(path.join(FIXTURES, 'fraud.csv')), { kind: 'fraud' })).status).toBe('committed');
	// Cases no change below touches, so that each change reaches a small part of the table.
	const others = Array.from(
		{ length: 200 },
		(_, i) => `O${i},7501-20-00-2/${1000 + i},first,KZ75-D01,KZ-75,civil,civil.loan,2020-01-10,2020-03-1${i % 10},granted`
	);
	expect((await t.importBytes([HEADER, ...others].join('\n') + '\n', { name: 'Others' })).status).toBe('committed');
});
afterEach(() => t.close());

/** Every derived table's rows, sorted; rollup groups holding only zeros say nothing and are left out. */
async function derivedState(db: Database): Promise<Record<string, string[]>> {
	const tables = await db.query<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() WHERE table_name = 'case_links' OR (table_name LIKE 'rollup%' AND table_name <> 'rollup_signature') ORDER BY 1`
	);
	const state: Record<string, string[]> = {};
	for (const { name } of tables) {
		const rows = await db.query(`SELECT * FROM ${name}`);
		state[name] = rows
			.filter((row) => name === 'case_links' || Object.values(row).some((v) => typeof v === 'number' && v !== 0))
			.map((row) => JSON.stringify(row))
			.sort();
	}
	return state;
}

/** The derived tables now, and as a full rebuild makes them. */
async function againstRebuild(db: Database) {
	const kept = await derivedState(db);
	await db.transaction((tx) => refreshDerived(tx, 'cases'));
	return { kept, rebuilt: await derivedState(db) };
}

describe('derived tables after a change of some cases', () => {
	it('recounts only the touched cases, with the result of a full rebuild', async () => {
		const links = async () => (await t.db.query(`SELECT * FROM case_links ORDER BY case_id`)).length;
		const before = await links();
		// An appeal of a case already loaded (A3's) and a new first-instance case.
		const file = [
			HEADER,
			'B1,7501-24-00-2/3,appeal,KZ75-OBL,KZ-75,civil,civil.labour,2025-01-20,2025-02-25,reversed',
			'B2,7501-25-00-2/90,first,KZ75-D01,KZ-75,civil,civil.loan,2025-02-01,,'
		];
		const appended = await t.importBytes(file.join('\n') + '\n', { name: 'B' });
		expect(appended.status).toBe('committed');
		expect(await links()).toBe(before + 1);
		const { kept, rebuilt } = await againstRebuild(t.db);
		expect(kept).toEqual(rebuilt);
		expect(kept.rollup_reviews_review_decided_date.length).toBeGreaterThan(0);

		const change = await t.db.transaction(async (tx) => {
			const c = await beginDataChange(tx, 'cases', `SELECT '7501-24-00-2/3' AS case_number`, {}, 0);
			await c.finish();
			return c;
		});
		expect(change.incremental).toBe(true);
	});

	it('after a replace, an append to an existing dataset and a rollback', async () => {
		const first = await t.importBytes(
			[HEADER, 'B1,7501-24-00-2/3,appeal,KZ75-OBL,KZ-75,civil,civil.labour,2025-01-20,2025-02-25,reversed'].join('\n') + '\n',
			{ name: 'B' }
		);
		const datasetId = first.datasetId!;
		// The appeal now reaches another case (A1's, which already had one), one is pending, and one
		// reviews the verdict of fraud incident F1's case.
		const replacement = [
			HEADER,
			'B1,7501-23-00-2/1,appeal,KZ75-OBL,KZ-75,civil,civil.loan,2024-01-20,2024-01-25,modified',
			'B3,7101-24-00-2/6,appeal,KZ71-OBL,KZ-71,civil,civil.loan,2024-08-01,,',
			'B5,7501-22-00-1/5,appeal,KZ75-OBL,KZ-75,criminal,criminal.fraud_190,2025-03-01,2025-04-01,upheld'
		];
		expect((await t.importBytes(replacement.join('\n') + '\n', { datasetId, mode: 'replace' })).status).toBe('committed');
		const reviewed = () => t.db.query(`SELECT incident_id, review_outcome FROM rollup_rows_fraud_reviews ORDER BY 1`);
		expect(await reviewed()).toContainEqual({ incident_id: 'F1', review_outcome: 'upheld' });
		let { kept, rebuilt } = await againstRebuild(t.db);
		expect(kept).toEqual(rebuilt);

		const more = [HEADER, 'B4,7101-24-00-2/6,cassation,KZ71-OBL,KZ-71,civil,civil.loan,2024-10-01,2024-11-15,upheld'];
		expect((await t.importBytes(more.join('\n') + '\n', { datasetId })).status).toBe('committed');
		({ kept, rebuilt } = await againstRebuild(t.db));
		expect(kept).toEqual(rebuilt);

		await rollbackDataset(t.db, datasetId, 1, 'test');
		expect(await reviewed()).not.toContainEqual({ incident_id: 'F1', review_outcome: 'upheld' });
		({ kept, rebuilt } = await againstRebuild(t.db));
		expect(kept).toEqual(rebuilt);
		expect(await t.db.query(`SELECT case_id FROM cases WHERE dataset_id = $id ORDER BY 1`, { id: datasetId })).toEqual([{ case_id: 'B1' }]);
	});

	it('rebuilds everything when the change reaches much of the table', async () => {
		const change = await t.db.transaction(async (tx) => {
			const c = await beginDataChange(tx, 'cases', `SELECT case_number FROM cases`, {}, 0);
			await c.finish();
			return c;
		});
		expect(change.incremental).toBe(false);
	});
});

describe('rollup column types', () => {
	it('keeps counts BIGINT at the coarser levels (a HUGEINT sum costs every later read of them)', async () => {
		const columns = `SELECT table_name AS t, column_name AS c, data_type AS type FROM duckdb_columns() WHERE table_name LIKE 'rollup%'`;
		const pairs = await t.db.query<{ coarser: string; column: string; type: string }>(
			`SELECT k.t AS coarser, k.c AS "column", k.type FROM (${columns}) k JOIN (${columns}) f
			ON f.t = regexp_replace(k.t, '^rollup[0-9]+_', 'rollup_') AND f.c = k.c AND k.t <> f.t
			WHERE f.type = 'BIGINT'`
		);
		expect(pairs.length).toBeGreaterThan(10);
		expect(pairs.filter((p) => p.type !== 'BIGINT')).toEqual([]);
	});
});
