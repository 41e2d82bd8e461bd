/**
 * The practice explorer's queries and view on the hand-computed fixture (tests/fixtures).
 * civil.loan there: A1 (KZ75-D01, granted, 56 days, claim 1,000,000; appealed: A10 upheld),
 * A2 (KZ75-D01, denied, 46 days, claim 500,000; appealed: A9 reversed), A6 (KZ71-D01,
 * settled, 30 days, claim 400,000), A11 (granted in 2023, claim 100). As of 2025-02-01.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePractice } from '../../domain/practice/params';
import type { FlowPath } from '../../domain/practice/view-model';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase } from '../../../../tests/support/fixture-db';
import type { Database } from '../db/database';
import * as q from './queries';
import { pendingPastLimit } from './reform';
import { practiceView } from './view';

const ANALYST: Access = { role: 'analyst', minCount: 5 };
const JUDGE: Access = { role: 'judge', minCount: 5 };
const Y2024 = { from: '2024-01-01', to: '2024-12-31' };
const LOAN = { category: ['civil.loan'] };

let db: Database;
beforeAll(async () => {
	db = await createFixtureDatabase();
});
afterAll(() => db.close());

function state(params: string) {
	const parsed = parsePractice(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.value;
}

describe('practice queries', () => {
	it('bins days to decision: A10 29 days; A6 30, A9 36, A2 46, A1 56', async () => {
		const bins = await q.daysHistogram(db, Y2024, LOAN);
		expect(bins.map((b) => [b.from, b.to, b.n])).toEqual([
			[0, 30, 1],
			[30, 60, 4],
			[60, 90, 0],
			[90, 180, 0],
			[180, 365, 0],
			[365, 730, 0],
			[730, null, 0]
		]);
	});

	it('sets aside filters that do not apply to case records (a fraud scheme carried from another page)', async () => {
		const bins = await q.daysHistogram(db, Y2024, { ...LOAN, scheme: ['fake_police'] });
		expect(bins.reduce((s, b) => s + b.n, 0)).toBe(5);
		const view = await practiceView(db, ANALYST, state('period=2024&scheme=fake_police&review_outcome=upheld'));
		expect(view.ok).toBe(true);
	});

	it('sums claimed and awarded amounts by outcome', async () => {
		const rows = await q.claimsByOutcome(db, Y2024, LOAN);
		expect(rows.map((r) => [r.outcome, r.n, r.claimed, r.awarded])).toEqual([
			['denied', 1, 500_000, 0],
			['granted', 1, 1_000_000, 1_000_000],
			['settled', 1, 400_000, 400_000]
		]);
	});

	it('follows first-instance decisions of the period through the higher instances', async () => {
		const paths = await q.lifeCycle(db, Y2024, LOAN);
		const key = (p: FlowPath) => `${p.first}>${p.appeal}>${p.cassation}>${p.supervisory}:${p.n}`;
		expect(paths.map(key).sort()).toEqual(['denied>reversed>null>null:1', 'granted>upheld>null>null:1', 'settled>null>null>null:1']);
	});

	it('gives one case’s timeline across instances', async () => {
		const steps = await q.caseTimeline(db, '7501-23-00-2/1');
		expect(steps.map((s) => [s.case_id, s.instance, s.outcome, s.days])).toEqual([
			['A1', 'first', 'granted', 56],
			['A10', 'appeal', 'upheld', 29]
		]);
		expect(await q.caseTimeline(db, 'no-such-case')).toEqual([]);
	});

	it('scores similar cases with their reasons (weights 2+2+1+2+1 = 8)', async () => {
		const d = await q.describeCase(db, '7501-23-00-2/1');
		expect(d).toEqual({ category: 'civil.loan', instance: 'first', region: 'KZ-75', amount: 1_000_000 });
		const all = await q.similarCases(db, d!, '2025-02-01', { offset: 0, limit: 10, exclude: '7501-23-00-2/1' });
		expect(all.total).toBe(4);
		expect(all.rows.map((r) => [r.case_id, r.score, r.reasons])).toEqual([
			['A2', 75, ['instance', 'region', 'amount', 'recent']],
			['A11', 50, ['instance', 'region', 'recent']],
			['A6', 38, ['instance', 'recent']],
			['A9', 25, ['region', 'recent']]
		]);
		const page2 = await q.similarCases(db, d!, '2025-02-01', { offset: 2, limit: 2, exclude: '7501-23-00-2/1' });
		expect(page2.rows.map((r) => r.case_id)).toEqual(['A6', 'A9']);
		expect(page2.total).toBe(4);
		const past = await q.similarCases(db, d!, '2025-02-01', { offset: 10, limit: 2, exclude: '7501-23-00-2/1' });
		expect(past).toEqual({ total: 4, rows: [] });
	});

	it('finds comparable outcomes, dropping the region when too few cases remain', async () => {
		const c = await q.comparableOutcomes(db, { category: 'civil.loan', instance: 'first', region: 'KZ-75', amount: 1_000_000 });
		// Claims within 500,000..2,000,000: A1 (granted, 56 days) and A2 (denied, 46 days).
		expect(c.criteria).toEqual(['category', 'instance', 'amount']);
		expect(c.n).toBe(2);
		expect(c.outcomes).toEqual([
			{ outcome: 'denied', n: 1 },
			{ outcome: 'granted', n: 1 }
		]);
		expect(c.medianDays).toBe(51);
		expect(c.p90Days).toBeCloseTo(55, 10);
	});

	it('lists no cassation complaint past its limit where there is none', async () => {
		expect(await pendingPastLimit(db, '2025-02-01', {}, 10)).toEqual({ total: 0, rows: [] });
	});
});

describe('practice view', () => {
	it('puts Wilson intervals on comparable outcomes and compares courts on a funnel', async () => {
		const view = await practiceView(db, ANALYST, state('period=2024&case=7501-23-00-2/1'));
		if (!view.ok) throw new Error(JSON.stringify(view.errors));
		const v = view.value;
		expect(v.outlook!.outcomes[0]).toMatchObject({ outcome: 'denied', n: 1, share: 50 });
		// Wilson, 1 of 2: 0.0945 to 0.9055.
		expect(v.outlook!.outcomes[0].lo).toBeCloseTo(9.45, 2);
		expect(v.outlook!.outcomes[0].hi).toBeCloseTo(90.55, 2);
		expect(v.timeline!.map((t) => t.case_id)).toEqual(['A1', 'A10']);
		expect(v.similar!.rows[0].case_id).toBe('A2');
		// Reviews decided in 2024: A10 upheld and A9 reversed, both of KZ75-D01 (civil.loan): rate 50%, as expected.
		expect(v.funnel.national).toBe(50);
		expect(v.funnel.points).toEqual([{ unit: 'KZ75-D01', n: 2, observed: 1, expected: 1, rate: 50, z: 0, flag: 'inside' }]);
		expect(v.overview.decided).toBe(7);
	});

	it('refuses judges’ figures to a role that may not see them', async () => {
		const judge = await practiceView(db, JUDGE, state('unit=judge'));
		expect(judge).toEqual({ ok: false, errors: [{ param: 'unit', code: 'forbidden', value: 'judge' }] });
		const filtered = await practiceView(db, JUDGE, state('judge=J-000001'));
		expect(filtered).toMatchObject({ ok: false, errors: [{ param: 'judge', code: 'forbidden' }] });
		const analyst = await practiceView(db, ANALYST, state('unit=judge&period=2024'));
		expect(analyst.ok && analyst.value.funnel.points.map((p) => p.unit)).toEqual(['J-000001']);
	});
});
