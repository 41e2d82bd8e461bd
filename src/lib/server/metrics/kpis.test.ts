/**
 * The batched key indicators give exactly what runIndicator gives one query at a time, for the
 * period, the year before and each month, with and without filters, on the fixture database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, indicatorById, type DimensionId } from '../../domain/catalog';
import { previousYear, resolvePeriod } from '../../domain/period';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import type { Database } from '../db/database';
import { refreshRollups, rollupsCurrent } from './maintain';
import { dataAsOf } from './as-of';
import { batchable, compileBatch, compileMeasure } from './compile';
import { deadlines } from './deadlines';
import { kpiFigures } from './kpis';
import { runIndicator } from './run';

const [ANALYST, PUBLIC]: Access[] = (['analyst', 'public'] as const).map((role) => ({ role, minCount: 5 }));
const query = viewQuery;

let db: Database;
beforeAll(async () => (db = await createFixtureDatabase()));
afterAll(() => db.close());

async function oneByOne(id: string, q: ViewQuery, access: Access) {
	const result = await runIndicator(db, indicatorById(id)!, q, access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value.rows;
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 9));

describe('key indicators in batches', () => {
	const ids = INDICATORS.filter((i) => batchable(i.measure)).map((i) => i.id);

	it('can batch most of the catalog, and the overview’s twelve', () => {
		expect(ids.length).toBeGreaterThan(25);
	});

	for (const params of [
		'period=2024',
		'period=2024-Q4&region=KZ-75',
		'period=2024&instance=first&case_type=civil',
		'period=2024&court=KZ75-D01&category=civil.loan',
		'from=2024-03-15&to=2025-02-10',
		'period=2024&judge=J-000001'
	]) {
		it(`equals runIndicator for every batchable indicator: ${params}`, async () => {
			const q = query(params);
			const figures = await kpiFigures(db, ids, q, ANALYST);
			const period = resolvePeriod(q.period!, await dataAsOf(db));
			const range = (p: typeof period): ViewQuery['period'] => ({ kind: 'range', ...p });
			// The comparison means something only if the fixtures give figures.
			expect(figures.filter((f) => f.value !== null && f.value !== 0).length).toBeGreaterThan(5);
			for (const f of figures) {
				const [current] = await oneByOne(f.id, { ...q, period: range(period) }, ANALYST);
				const [previous] = await oneByOne(f.id, { ...q, period: range(previousYear(period)) }, ANALYST);
				const months = await oneByOne(f.id, { ...q, period: range(period), grain: 'month' }, ANALYST);
				close(f.value, current?.value ?? null);
				close(f.previous, previous?.value ?? null);
				expect(f.months.map((m) => m.period)).toEqual(months.map((m) => m.period));
				f.months.forEach((m, i) => close(m.value, months[i].value));
				expect(f.months.map((m) => m.partial)).toEqual(months.map((m) => m.partial));
			}
		});
	}

	it('reads the monthly rollups for whole months and filters on rollup dimensions, the rows otherwise', async () => {
		const rows = await db.query<{ t: string; c: string }>(
			`SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE table_name LIKE 'rollup%'`
		);
		const rollup = { columns: new Set(rows.map((r) => `${r.t}.${r.c}`)), asOf: await dataAsOf(db) };
		const measures = ['incoming', 'clearance_rate', 'pending_past_limit', 'median_days'].map((id) => indicatorById(id)!.measure);
		const compile = (current: { from: string; to: string }, filters = {}) =>
			compileBatch({ measures, current, previous: previousYear(current), filters, deadlines: deadlines(), rollup }).sql;
		const whole = compile({ from: '2024-01-01', to: '2024-12-31' }, { region: ['KZ-75'] });
		// Filtered by region only: the coarse rollups; by court: the fine ones.
		expect(whole).toContain('rollup1_cases_filed_date');
		expect(whole).toContain('rollup1_cases_stock');
		expect(compile({ from: '2024-01-01', to: '2024-12-31' }, { court: ['KZ75-D01'] })).toMatch(
			/rollup_cases_stock[\s\S]*rollup_cases_filed_date|rollup_cases_filed_date[\s\S]*rollup_cases_stock/
		);
		// The median from its histogram at the coarse level; filtered by court, from the case rows.
		expect(whole).not.toContain('quantile_cont');
		expect(compile({ from: '2024-01-01', to: '2024-12-31' }, { court: ['KZ75-D01'] })).toContain('quantile_cont');
		expect(compile({ from: '2024-01-15', to: '2024-12-31' })).not.toContain('rollup');
		expect(compile({ from: '2024-01-01', to: '2024-12-31' }, { judge: ['J-000001'] })).not.toContain('rollup');
	});

	it('lets single queries (runIndicator) read the rollups too, by the dimensions they keep', async () => {
		const rows = await db.query<{ t: string; c: string }>(
			`SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE table_name LIKE 'rollup%'`
		);
		const rollup = { columns: new Set(rows.map((r) => `${r.t}.${r.c}`)), asOf: await dataAsOf(db) };
		const compile = (id: string, by: DimensionId[], grain?: 'month') =>
			compileMeasure({
				measure: indicatorById(id)!.measure,
				from: '2024-01-01',
				to: '2024-12-31',
				grain,
				by,
				filters: {},
				deadlines: deadlines(),
				rollup
			}).sql;
		expect(compile('clearance_rate', ['region'])).toContain('rollup1_cases_filed_date');
		expect(compile('clearance_rate', ['court'], 'month')).toContain('rollup_cases_decided_date');
		expect(compile('pending_end', ['region'])).toContain('rollup1_cases_stock');
		expect(compile('clearance_rate', ['judge'])).not.toContain('rollup');
	});

	it('hides small figures from the public as runIndicator does', async () => {
		const q = query('period=2024&region=KZ-75');
		const [incoming] = await kpiFigures(db, ['incoming'], q, PUBLIC);
		const [row] = await oneByOne('incoming', q, PUBLIC);
		expect(incoming.hiddenBelow).toBe(row.suppressed ? 5 : null);
		expect(incoming.value).toBe(row.value);
	});

	it('refuses a judge filter for roles that may not see judges', async () => {
		await expect(kpiFigures(db, ['incoming'], query('judge=J-1'), PUBLIC)).rejects.toThrow(/judge/);
	});
});

describe('rollups kept current', () => {
	it('knows when the database holds the rollups this version builds', async () => {
		expect(await rollupsCurrent(db)).toBe(true);
		await db.run(`UPDATE rollup_signature SET sig = 'older'`);
		expect(await rollupsCurrent(db)).toBe(false);
		await db.transaction((tx) => refreshRollups(tx));
		expect(await rollupsCurrent(db)).toBe(true);
	});
});
