/**
 * What the catalog's definitions count, on rows the fixtures lack (returned complaints,
 * cassation complaints around the 2025 reform, national courts): each catalog measure is
 * planned over an inline relation of such rows (the planner takes facts described by data)
 * and run on a real DuckDB database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, indicatorById, indicatorStatus, indicatorThresholds } from '../../domain/catalog';
import { DEFAULT_DEADLINES } from '../../domain/deadlines';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase } from '../../../../tests/support/fixture-db';
import { fixtureFigures } from '../../../../tests/support/fixture-figures';
import type { Database } from '../db/database';
import { factOf } from './facts';
import { Planner } from './plan';
import { writeQuery } from './sql/query';

let db: Database;
beforeAll(async () => (db = await createFixtureDatabase()));
afterAll(() => db.close());
const { result } = fixtureFigures(() => db, { role: 'analyst', minCount: 5 } as Access, 'period=2024');

type Row = [instance: string, caseType: string, region: string, filed: string, decided: string | null, outcome: string | null];

/** An indicator's figure for a period over these rows, read as the cases fact. */
async function figure(id: string, rows: Row[], from: string, to: string) {
	const sql = (v: string | null) => (v === null ? 'NULL' : /^\d{4}-/.test(v) ? `DATE '${v}'` : `'${v}'`);
	const values = rows.map((r) => `(${r.map(sql).join(', ')})`).join(', ');
	// Each row with an identifier, as case records have (their record keys are made from it).
	const relation = `(SELECT *, 'c' || row_number() OVER () AS case_id FROM (VALUES ${values}) v(instance, case_type, region, filed_date, decided_date, outcome))`;
	const planner = new Planner(DEFAULT_DEADLINES, (fact) => ({ ...factOf(fact), relation }));
	const compiled = writeQuery(planner.plan(indicatorById(id)!.measure), { from, to, by: [], filters: {}, deadlines: DEFAULT_DEADLINES });
	const [row] = await db.query<{ value: number | null; numerator: number | null; denominator: number | null }>(
		compiled.sql,
		compiled.params
	);
	return row;
}

describe('definitions say what they count', () => {
	it('merits share: only upheld, reversed or modified acts were heard on the merits, not returned complaints', async () => {
		const decided = (outcome: string): Row => ['appeal', 'civil', 'KZ-75', '2025-02-01', '2025-03-01', outcome];
		const rows = ['upheld', 'reversed', 'modified', 'returned', 'not_admitted'].map(decided);
		expect(await figure('merits_share', rows, '2025-01-01', '2025-12-31')).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
	});

	it('the six months of a cassation complaint hold from the reform (2025-07-01) only', async () => {
		const rows: Row[] = [
			// Filed before the reform: no statutory limit, neither within nor past it.
			['cassation', 'civil', 'KZ-71', '2025-01-10', '2025-09-01', 'upheld'],
			['cassation', 'civil', 'KZ-71', '2025-02-01', null, null],
			// After: decided within six months, decided past them, pending past them on 2026-03-31.
			['cassation', 'civil', 'KZ-71', '2025-07-10', '2025-12-01', 'upheld'],
			['cassation', 'civil', 'KZ-71', '2025-07-15', '2026-03-01', 'reversed'],
			['cassation', 'civil', 'KZ-71', '2025-08-01', null, null]
		];
		expect(await figure('within_limit_share', rows, '2025-01-01', '2026-03-31')).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
		expect(await figure('pending_past_limit', rows, '2025-01-01', '2026-03-31')).toMatchObject({ value: 1 });
	});

	it('incoming per 100,000 counts the regional courts (first instance, appeal), not the national ones', async () => {
		const filed = (instance: string): Row => [instance, 'civil', 'KZ-71', '2025-03-01', null, null];
		const row = await figure('incoming_per_100k', ['first', 'appeal', 'cassation', 'supervisory'].map(filed), '2025-01-01', '2025-12-31');
		expect(row.numerator).toBe(2);
		expect(row.value).toBeCloseTo((2 / 19_765_004) * 1e5, 12);
	});

	it('the appeal rate of the last six months before the data date is provisional', async () => {
		// The data date of the fixtures is 2025-10-01: quarters ending after 2025-04-01 may still get complaints.
		const { rows } = await result('appeal_rate', 'period=2025&grain=quarter');
		expect(rows.map((r) => [r.period, r.provisional ?? false])).toEqual([
			['2025-01-01', false],
			['2025-04-01', true],
			['2025-07-01', true],
			['2025-10-01', true]
		]);
		expect((await result('appeal_rate', 'period=2024')).rows[0].provisional).toBeUndefined();
		expect((await result('stability', 'period=2025&grain=quarter')).rows.some((r) => r.provisional)).toBe(false);
	});

	it('the e-filing targets are per case type: civil claims 90 %, criminal cases 70 %, none for all cases', () => {
		const eFiled = indicatorById('e_filed_share')!;
		expect(indicatorThresholds(eFiled)).toBeUndefined();
		expect(indicatorStatus(eFiled, 88.5)).toBe('none');
		expect(indicatorStatus(eFiled, 88.5, { case_type: ['civil'] })).toBe('watch');
		expect(indicatorStatus(eFiled, 88.5, { case_type: ['criminal'] })).toBe('ok');
		expect(indicatorThresholds(eFiled, { case_type: ['admin_offense'] })).toBeUndefined();
	});

	it('the civil claims of the fraud page are every claim of three categories, not only fraud victims’, and say so', () => {
		for (const id of ['fraud_civil_claims', 'fraud_civil_grant_rate']) {
			const { name, definition } = indicatorById(id)!;
			expect(name.en, id).not.toMatch(/victims’ (civil )?claims/i);
			expect(definition.en, id).toMatch(/any claimant/);
			expect(definition.ru, id).toMatch(/любых истцов/);
			expect(definition.kk, id).toMatch(/кез келген талапкердің/i);
		}
	});

	it('every indicator using a statutory limit says which limits, and that the criminal one is a project default', () => {
		const uses = INDICATORS.filter((i) => JSON.stringify(i.measure).includes('{deadline}'));
		expect(uses.map((i) => i.id)).toEqual(expect.arrayContaining(['within_limit_share', 'pending_past_limit']));
		for (const indicator of uses) {
			expect(indicator.definition.ru, indicator.id).toContain('значение проекта по умолчанию');
			expect(indicator.definition.kk, indicator.id).toContain('жобаның әдепкі мәні');
			expect(indicator.definition.en, indicator.id).toContain('a project default');
		}
	});
});
