/**
 * The fraud page's view model on the hand-computed fixtures (tests/fixtures/README.md; figures
 * in src/lib/server/metrics/fraud-indicators.test.ts): what the page shows beyond the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import type { Database } from '../db/database';
import { COUNT_NOISE } from '../disclosure/perturb';
import { fraudView } from './fraud';

const ANALYST: Access = { role: 'analyst', minCount: 5 };
const PUBLIC: Access = { role: 'public', minCount: 5 };

let db: Database;
beforeAll(async () => (db = await createFixtureDatabase()));
afterAll(() => db.close());

describe('fraud view', () => {
	it('draws the months from the first reference period, with art. 232-1 only from September 2025', async () => {
		const view = await fraudView(db, ANALYST, viewQuery('period=2025'));
		expect(view.monthlyPeriod).toEqual({ from: '2024-01-01', to: '2025-12-31' });
		expect(view.monthly).toHaveLength(24);
		const byMonth = Object.fromEntries(view.monthly.map((p) => [p.period, p]));
		// F1 (January 2024), F5 and F12 (January 2025), F10 (232-1, September 2025).
		expect(byMonth['2024-01-01']).toMatchObject({ incidents: 1, damage: 100_000, art190: 1, art232: null });
		expect(byMonth['2025-01-01']).toMatchObject({ incidents: 2, damage: 500_000, art190: 2, art232: null });
		expect(byMonth['2025-08-01'].art232).toBeNull();
		expect(byMonth['2025-09-01']).toMatchObject({ incidents: 1, art190: 0, art232: 1 });
		// After the data's date (2025-10-01): no data, by article too.
		expect(byMonth['2025-11-01']).toMatchObject({ incidents: null, art190: null, art232: null, partial: true });
	});

	it('gives the funnel with its conversions and the court link', async () => {
		const view = await fraudView(db, ANALYST, viewQuery('period=2025'));
		expect(view.funnel.map((s) => [s.id, s.value])).toEqual([
			['registered', 8],
			['investigating', 7],
			['in_court', 3],
			['convicted', 2]
		]);
		const conversions = view.funnel.map((s) => s.conversion);
		expect(conversions[0]).toBeNull();
		[87.5, (3 / 7) * 100, (2 / 3) * 100].forEach((c, i) => expect(conversions[i + 1]).toBeCloseTo(c, 10));
		expect(view.court.verdicts.map((s) => [s.key, s.value])).toEqual([
			['convicted', 3],
			['acquitted', 1]
		]);
		expect(view.court.civilIgnored).toEqual([]);
		expect(view.kpis.map((k) => k.id)).toContain('fraud_days_to_verdict');
	});

	it('keeps every value of a breakdown under its own filter, the others narrowed', async () => {
		const view = await fraudView(db, ANALYST, viewQuery('period=2025&scheme=fake_bank_security'));
		// The scheme bars still list all six schemes of 2025 so the choice can be changed.
		expect(view.breakdowns.scheme).toHaveLength(6);
		// The channels are those of F5, F6 and F11 only.
		expect(view.breakdowns.channel.map((s) => [s.key, s.value])).toEqual([
			['phone_call', 2],
			['messenger', 1]
		]);
		expect(view.funnel.map((s) => s.value)).toEqual([3, 2, 2, 2]);
		// Civil claims are case records: the scheme filter does not apply to them.
		expect(view.court.civilIgnored).toEqual(['scheme']);
	});

	it('hides small counts from the public, and their conversions with them; perturbs the others', async () => {
		const view = await fraudView(db, PUBLIC, viewQuery('period=2025'));
		expect(view.funnel.map((s) => [s.suppressed, s.conversion === null])).toEqual([
			[false, true],
			[false, false],
			[true, true],
			[true, true]
		]);
		// Exact: 8 and 7 (87.5 %). Shown: each within ±COUNT_NOISE, the conversion that of the shown counts.
		const [first, second] = view.funnel;
		expect(Math.abs(first.value! - 8)).toBeLessThanOrEqual(COUNT_NOISE);
		expect(Math.abs(second.value! - 7)).toBeLessThanOrEqual(COUNT_NOISE);
		expect(second.conversion).toBeCloseTo((100 * second.value!) / first.value!, 6);
		expect(view.breakdowns.scheme.every((s) => s.suppressed && s.value === null)).toBe(true);
	});
});
