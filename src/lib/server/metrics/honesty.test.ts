/**
 * A rate equals the formula of its own parts: for every ratio-like catalog indicator, at every
 * grain and from both sources, each published row's value is its formula applied to its
 * published numerator and denominator (and "no data" rows publish no parts at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, type Grain, type Measure } from '../../domain/catalog';
import { bucketEnd, cepejDays, monthsInPeriod, type Period } from '../../domain/period';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase } from '../../../../tests/support/fixture-db';
import { fixtureFigures } from '../../../../tests/support/fixture-figures';
import type { Database } from '../db/database';
import type { ResultRow } from './run';

const ANALYST: Access = { role: 'analyst', minCount: 5 };

let db: Database;
beforeAll(async () => (db = await createFixtureDatabase()));
afterAll(() => db.close());
const { result } = fixtureFigures(() => db, ANALYST, 'period=2024');

/**
 * The value a row's numerator and denominator give by the measure's formula over the bucket (n:
 * the records or judges it rests on); undefined when the measure is not a rate of two parts.
 */
function formula(m: Measure, num: number, den: number, bucket: Period, n: number): number | null | undefined {
	if (den === 0) return null;
	switch (m.kind) {
		case 'share':
		case 'sum_share':
			return (100 * num) / den;
		case 'ratio':
			return (num / den) * (m.scale === 'days' ? cepejDays(bucket) : m.scale);
		case 'per_capita':
			return (num / den) * 100_000;
		case 'per_judge_month':
			return num / den / monthsInPeriod(bucket);
		case 'judge_spread':
			// A spread needs two judges.
			return n < 2 ? null : (100 * num) / den;
		default:
			return undefined;
	}
}

const RATES = INDICATORS.filter((i) => formula(i.measure, 1, 1, { from: '2024-01-01', to: '2024-01-31' }, 2) !== undefined);
const GRAINS: (Grain | null)[] = [null, 'month', 'quarter', 'year'];

/** The days a row covers: its bucket cut by the period, or the period. */
function bucketOf(row: ResultRow, period: Period, grain: Grain | null): Period {
	if (!grain) return period;
	const start = String(row.period);
	const end = bucketEnd(start, grain);
	return { from: start < period.from ? period.from : start, to: end > period.to ? period.to : end };
}

async function check(id: string, measure: Measure, params: string, grain: Grain | null): Promise<number> {
	const out = await result(id, grain ? `${params}&grain=${grain}` : params);
	let checked = 0;
	for (const row of out.rows) {
		const where = `${id} ${params} ${grain ?? ''} ${JSON.stringify(row)}`;
		if (row.missing) {
			expect([row.value, row.numerator, row.denominator, row.n], where).toEqual([null, null, null, null]);
			continue;
		}
		// Without its parts (a spread of no judges) a rate has no value.
		const expected =
			row.numerator === null || row.denominator === null
				? null
				: formula(measure, row.numerator, row.denominator, bucketOf(row, out.period, grain), row.n ?? 0);
		if (expected === null) expect(row.value, where).toBeNull();
		else expect(row.value, where).toBeCloseTo(expected!, 9);
		checked += 1;
	}
	return checked;
}

describe('a rate equals the formula of its own parts', () => {
	it('covers the ratio-like indicators of the catalog', () => {
		expect(RATES.map((i) => i.id)).toEqual(expect.arrayContaining(['clearance_rate', 'disposition_time', 'judge_workload', 'stability']));
		expect(RATES.length).toBeGreaterThan(20);
	});

	it('from the case records, at every grain, with and without a breakdown', async () => {
		let checked = 0;
		for (const indicator of RATES)
			for (const grain of GRAINS)
				for (const params of ['period=2024&source=cases', 'from=2023-11-15&to=2025-02-10&source=cases&by=region'])
					checked += await check(indicator.id, indicator.measure, params, grain);
		expect(checked).toBeGreaterThan(500);
	});

	it('from the aggregate forms, at every grain (months that cut a form are "no data" with no parts)', async () => {
		let checked = 0;
		for (const indicator of RATES.filter((i) => i.formMeasure))
			for (const grain of GRAINS)
				for (const params of [
					'from=2024-01-01&to=2024-06-30&source=court_stats',
					'from=2024-01-01&to=2024-06-30&source=court_stats&by=court'
				])
					checked += await check(indicator.id, indicator.formMeasure!, params, grain);
		expect(checked).toBeGreaterThan(10);
	});

	it('judge workload divides by calendar months, as its definition says', async () => {
		// February 2024: J1 decided A2, the only decision; 29 days are one month (not 29 / 30.4375).
		const { rows } = await result('judge_workload', 'from=2024-02-01&to=2024-02-29');
		expect(rows[0]).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
	});
});
