/**
 * The monthly rollups (and the histograms of quantiles) are a faster path to the same figures:
 * every catalog indicator, compiled once with the rollups and once without (the case rows),
 * gives the same rows for several periods, grains, breakdowns and filters on the fixtures; so
 * does a batch of every batchable indicator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, indicatorDimensions, indicatorFilters, type DimensionId, type Grain, type Indicator } from '../../domain/catalog';
import type { Period } from '../../domain/period';
import { previousYear } from '../../domain/period';
import type { Filters } from '../../domain/query';
import { createFixtureDatabase } from '../../../../tests/support/fixture-db';
import type { Database } from '../db/database';
import { batchable, compileBatch, compileMeasure, type CompiledQuery } from './compile';
import { deadlines } from './deadlines';
import { rollupInfo } from './rollups';
import type { RollupInfo } from './tables';

let db: Database;
let rollup: RollupInfo;
beforeAll(async () => {
	db = await createFixtureDatabase();
	rollup = await rollupInfo(db);
});
afterAll(() => db.close());

interface Case {
	period: Period;
	grain?: Grain;
	by: DimensionId[];
	filters: Filters;
}

/** Whole months (the rollups' condition), one period running to the as-of date (2025-10-01), one past it. */
const CASES: Case[] = [
	{ period: { from: '2024-01-01', to: '2024-12-31' }, by: [], filters: {} },
	{ period: { from: '2024-01-01', to: '2024-12-31' }, grain: 'month', by: [], filters: {} },
	{ period: { from: '2024-01-01', to: '2025-09-30' }, grain: 'quarter', by: ['region'], filters: {} },
	{ period: { from: '2024-04-01', to: '2025-06-30' }, grain: 'month', by: ['court'], filters: { region: ['KZ-75'] } },
	{ period: { from: '2023-01-01', to: '2025-12-31' }, grain: 'year', by: ['instance'], filters: { case_type: ['civil', 'criminal'] } },
	{ period: { from: '2025-01-01', to: '2025-10-01' }, by: ['category'], filters: {} },
	{
		period: { from: '2024-01-01', to: '2025-09-30' },
		grain: 'month',
		by: [],
		filters: { instance: ['first', 'appeal'], case_type: ['civil'] }
	},
	{ period: { from: '2024-02-01', to: '2024-02-29' }, by: ['region', 'case_type'], filters: { court: ['KZ75-D01', 'KZ71-D01'] } }
];

/** A rollup or histogram table in the statement (stored facts, `rollup_rows_…`, are another test's). */
const readsRollup = (q: CompiledQuery) => /\brollup\d*_(?!rows_)/.test(q.sql);

async function rows(q: CompiledQuery) {
	return db.query<Record<string, unknown>>(q.sql, q.params);
}

function expectSame(fromRollup: Record<string, unknown>[], fromRows: Record<string, unknown>[], label: string) {
	expect(fromRollup.length, label).toBe(fromRows.length);
	fromRows.forEach((row, i) => {
		expect(Object.keys(fromRollup[i]).sort(), label).toEqual(Object.keys(row).sort());
		for (const [key, value] of Object.entries(row)) {
			const other = fromRollup[i][key];
			if (typeof value === 'number' && typeof other === 'number') expect(other, `${label} row ${i} ${key}`).toBeCloseTo(value, 9);
			else expect(other, `${label} row ${i} ${key}`).toEqual(value);
		}
	});
}

/** The filters and breakdowns of a case that apply to the indicator. */
function fitCase(indicator: Indicator, c: Case): Case | null {
	const dims = indicatorDimensions(indicator).map((d) => d.id);
	if (!c.by.every((id) => dims.includes(id))) return null;
	const filterable = new Set(indicatorFilters(indicator).map((d) => d.id));
	const filters = Object.fromEntries(Object.entries(c.filters).filter(([id]) => filterable.has(id as DimensionId)));
	return { ...c, filters };
}

describe('rollups against case rows', () => {
	// Hundreds of compiled queries, each run twice: near the default 30 s limit even on an idle machine.
	it('give every indicator the same rows, for every period, grain, breakdown and filter set', async () => {
		let rolled = 0;
		let figures = 0;
		for (const indicator of INDICATORS) {
			for (const original of CASES) {
				const c = fitCase(indicator, original);
				if (!c) continue;
				const compile = (info?: RollupInfo) =>
					compileMeasure({
						measure: indicator.measure,
						...c.period,
						grain: c.grain,
						by: c.by,
						filters: c.filters,
						deadlines: deadlines(),
						rollup: info
					});
				const withRollups = compile(rollup);
				const withoutRollups = compile();
				expect(readsRollup(withoutRollups)).toBe(false);
				if (readsRollup(withRollups)) rolled += 1;
				const label = `${indicator.id} ${JSON.stringify(c)}`;
				const fromRows = await rows(withoutRollups);
				expectSame(await rows(withRollups), fromRows, label);
				figures += fromRows.filter((r) => r.value !== null && r.value !== 0).length;
			}
		}
		// The comparison means something only if the rollups are read often and the figures are not empty.
		expect(rolled).toBeGreaterThan(100);
		expect(figures).toBeGreaterThan(500);
	}, 180_000);

	it('give a batch of every batchable indicator the same figures', async () => {
		let rolled = 0;
		for (const filters of [
			{},
			{ region: ['KZ-75'] },
			{ court: ['KZ71-D01'], case_type: ['civil'] },
			{ instance: ['first'] }
		] as Filters[]) {
			for (const current of [
				{ from: '2024-01-01', to: '2024-12-31' },
				{ from: '2025-01-01', to: '2025-10-01' },
				{ from: '2024-07-01', to: '2025-03-31' }
			]) {
				// A batch holds indicators that take all of its filters (fraud takes no court filter).
				const members = INDICATORS.filter(
					(i) => batchable(i.measure) && Object.keys(filters).every((id) => indicatorFilters(i).some((d) => d.id === id))
				);
				const compile = (info?: RollupInfo) =>
					compileBatch({
						measures: members.map((i) => i.measure),
						current,
						previous: previousYear(current),
						filters,
						deadlines: deadlines(),
						rollup: info
					});
				const withRollups = compile(rollup);
				if (readsRollup(withRollups)) rolled += 1;
				expectSame(await rows(withRollups), await rows(compile()), `batch ${JSON.stringify({ filters, current })}`);
			}
		}
		// The period running to the as-of date has a year before that ends mid-month: rows for those.
		expect(rolled).toBe(8);
	}, 120_000);
});
