/**
 * The fraud page's indicators against figures computed by hand from tests/fixtures (see its
 * README): fraud incidents F1..F12, their court cases A5, A13..A18 and the victims' civil
 * claims A19..A22. Mostly for 2025, where F5..F12 were registered:
 *
 *   F5  15 Jan  KZ-75 fake_bank_security        200,000 (200,000 back)  190    convicted      → A13
 *   F6  10 Feb  KZ-71 fake_bank_security        400,000 (0 back)        190    convicted      → A14
 *   F7   5 Mar  KZ-75 investment_platform     1,500,000                 190    in_court
 *   F8  20 Apr  KZ-35 hacked_messenger           60,000                 190    investigating
 *   F9  12 May  KZ-75 classifieds_buyer_seller   80,000 (0 back)        190    closed
 *   F10 20 Sep  KZ-71 other                     150,000                 232-1  investigating
 *   F11  1 Oct  KZ-75 fake_bank_security        500,000                 232-1  registered
 *   F12 20 Jan  KZ-71 fake_police               300,000                 190    closed         → A17
 *
 * First-instance verdicts of linked cases decided in 2025 (days from the incident's registration):
 *   A5  (F1, registered 2024-01-10) convicted 2025-02-01: 366 + 22 = 388 days
 *   A13 (F5) convicted 2025-04-15: 16 + 28 + 31 + 15 = 90 days
 *   A14 (F6) convicted 2025-06-10: 18 + 31 + 30 + 31 + 10 = 120 days
 *   A17 (F12) acquitted 2025-05-30: 11 + 28 + 31 + 30 + 30 = 130 days
 * Their appeals in 2025: A15 upheld A13, A16 modified A14, A18 reversed A17.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorById } from '../../domain/catalog';
import { FRAUD_FUNNEL } from '../../domain/fraud';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { fixtureFigures } from '../../../../tests/support/fixture-figures';
import type { Database } from '../db/database';
import { kpiFigures } from './kpis';
import { runIndicator } from './run';

const ANALYST: Access = { role: 'analyst', minCount: 5 };
const PUBLIC: Access = { role: 'public', minCount: 5 };

let db: Database;
beforeAll(async () => {
	db = await createFixtureDatabase();
});
afterAll(() => db.close());

const { result, value, series: byKey } = fixtureFigures(() => db, ANALYST, 'period=2025');

describe('fraud scale in 2025', () => {
	it('counts incidents, total and median damage and the recovered share', async () => {
		expect(await value('fraud_incidents')).toBe(8);
		// 200,000 + 400,000 + 1,500,000 + 60,000 + 80,000 + 150,000 + 500,000 + 300,000.
		expect(await value('fraud_damage')).toBe(3_190_000);
		// Sorted: 60k, 80k, 150k, 200k | 300k, 400k, 500k, 1.5M → (200,000 + 300,000) / 2.
		expect(await value('fraud_damage_median')).toBe(250_000);
		// Only F5 got anything back.
		expect(await value('fraud_recovered_share')).toBeCloseTo((200_000 / 3_190_000) * 100, 10);
	});

	it('breaks incidents down by scheme, month and article (232-1 only from September)', async () => {
		expect(await byKey('fraud_incidents', 'period=2025&by=scheme', 'scheme')).toEqual({
			classifieds_buyer_seller: 1,
			fake_bank_security: 3,
			fake_police: 1,
			hacked_messenger: 1,
			investment_platform: 1,
			other: 1
		});
		const monthly = await byKey('fraud_incidents', 'period=2025&grain=month', 'period');
		// November and December begin after the data's date (2025-10-01): no data, not 0.
		expect(Object.values(monthly)).toEqual([2, 1, 1, 1, 1, 0, 0, 0, 1, 1, null, null]);
		expect(await byKey('fraud_incidents', 'period=2025&by=article', 'article')).toEqual({ '190': 6, '232-1': 2 });
		const droppers = await byKey('fraud_incidents', 'period=2025&grain=month&article=232-1', 'period');
		expect(droppers['2025-09-01']).toBe(1);
		expect(droppers['2025-10-01']).toBe(1);
		expect(droppers['2025-08-01']).toBe(0);
	});

	it('gives incidents per 100,000 inhabitants by region', async () => {
		const perCapita = await byKey('fraud_per_100k', 'period=2025&by=region', 'region');
		expect(perCapita['KZ-75']).toBeCloseTo((4 / 2_161_695) * 1e5, 12);
		expect(perCapita['KZ-71']).toBeCloseTo((3 / 1_354_435) * 1e5, 12);
		expect(perCapita['KZ-35']).toBeCloseTo((1 / 1_134_753) * 1e5, 12);
	});

	it('narrows every figure to a scheme: fake bank security calls are F5, F6 and F11', async () => {
		const q = 'period=2025&scheme=fake_bank_security';
		expect(await value('fraud_incidents', q)).toBe(3);
		expect(await value('fraud_damage', q)).toBe(1_100_000);
		expect(await value('fraud_damage_median', q)).toBe(400_000);
		expect(await value('fraud_recovered_share', q)).toBeCloseTo((200_000 / 1_100_000) * 100, 10);
	});
});

describe('the investigation funnel', () => {
	it('counts the incidents that reached each stage at least', async () => {
		// 2025: all 8; all but F11 (registered); F5, F6, F7; F5, F6.
		const stages = await Promise.all(FRAUD_FUNNEL.map((stage) => value(stage.indicator)));
		expect(stages).toEqual([8, 7, 3, 2]);
		// 2024: F1 convicted, F2 in court, F3 only registered.
		expect(await Promise.all(FRAUD_FUNNEL.map((stage) => value(stage.indicator, 'period=2024')))).toEqual([3, 2, 2, 1]);
		// The stage counts agree with the shares of the basic catalog.
		expect(await value('fraud_court_share')).toBeCloseTo((3 / 8) * 100, 10);
		expect(await value('fraud_conviction_share')).toBeCloseTo((2 / 8) * 100, 10);
	});
});

describe('the court link (fraud ⋈ cases on case_number)', () => {
	it('counts the verdicts of linked cases by the day of the verdict, by outcome', async () => {
		expect(await value('fraud_verdicts')).toBe(4);
		expect(await byKey('fraud_verdicts', 'period=2025&by=outcome', 'outcome')).toEqual({ acquitted: 1, convicted: 3 });
		// F1's case A5 was decided in 2025, not in 2024, when F1 was registered.
		expect(await value('fraud_verdicts', 'period=2024')).toBe(0);
	});

	it('measures the median days from registration to verdict', async () => {
		// 90, 120, 130, 388 → (120 + 130) / 2.
		expect(await value('fraud_days_to_verdict')).toBe(125);
		// Fake bank security: F1 (388), F5 (90), F6 (120).
		expect(await value('fraud_days_to_verdict', 'period=2025&scheme=fake_bank_security')).toBe(120);
		expect(await value('fraud_days_to_verdict', 'period=2024')).toBeNull();
	});

	it('gives the appeal results of the verdicts', async () => {
		expect(await byKey('fraud_appeal_results', 'period=2025&by=review_outcome', 'review_outcome')).toEqual({
			modified: 1,
			reversed: 1,
			upheld: 1
		});
		expect(await byKey('fraud_appeal_results', 'period=2025&by=review_outcome&scheme=fake_bank_security', 'review_outcome')).toEqual({
			modified: 1,
			upheld: 1
		});
		// By the verdict appealed: convictions A13, A14 were upheld and modified; acquittal A17 reversed.
		expect(await byKey('fraud_appeal_results', 'period=2025&by=review_outcome&outcome=acquitted', 'review_outcome')).toEqual({
			reversed: 1
		});
	});

	it('counts the victims’ civil claims in their categories and how many were granted', async () => {
		expect(await byKey('fraud_civil_claims', 'period=2025&by=category', 'category')).toEqual({
			'civil.crypto_refund': 1,
			'civil.invalid_transaction': 1,
			'civil.unjust_enrichment': 2
		});
		expect(await value('fraud_civil_claims', 'period=2024')).toBe(0);
		// Granted A19, partially A21, denied A20; A22 was left without consideration (not on the merits).
		expect(await value('fraud_civil_grant_rate')).toBeCloseTo((2 / 3) * 100, 10);
		// Civil claims are not incidents: a scheme filter does not apply to them, and says so.
		const r = await result('fraud_civil_claims', 'period=2025&scheme=fake_bank_security');
		expect(r.ignored).toEqual(['scheme']);
		expect(r.rows[0].value).toBe(4);
	});

	it('hides the small counts of the court link from the public', async () => {
		const r = await runIndicator(db, indicatorById('fraud_verdicts')!, viewQuery('period=2025'), PUBLIC);
		expect(r.ok && r.value.rows).toEqual([{ value: null, numerator: null, denominator: null, n: null, suppressed: true }]);
	});
});

describe('the fraud page’s key figures in one batch', () => {
	it('equal the hand-computed figures, with and without a scheme filter', async () => {
		const ids = ['fraud_incidents', 'fraud_damage', 'fraud_damage_median', 'fraud_court_share', 'fraud_days_to_verdict', 'fraud_verdicts'];
		const run = async (params: string) => {
			// Rates rounded: float division order may differ from the hand computation in the last bit.
			return (await kpiFigures(db, ids, viewQuery(params), ANALYST)).map((f) => (f.value === null ? null : Number(f.value.toFixed(9))));
		};
		expect(await run('period=2025')).toEqual([8, 3_190_000, 250_000, 37.5, 125, 4]);
		// F5, F6, F11: damage 1,100,000, median 400,000; F5 and F6 in court; verdicts A5, A13, A14.
		expect(await run('period=2025&scheme=fake_bank_security')).toEqual([3, 1_100_000, 400_000, 66.666666667, 120, 3]);
	});
});
