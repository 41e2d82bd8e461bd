/**
 * Every catalog indicator against figures computed by hand from tests/fixtures (see its README).
 * Period: 2024 (366 days). The fixture rows the comments refer to are A1..A12, F1..F4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, indicatorById } from '../../domain/catalog';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { fixtureFigures } from '../../../../tests/support/fixture-figures';
import type { Database } from '../db/database';
import type { Access } from '../../domain/roles';
import { runIndicator, type IndicatorResult } from './run';

/** Figures as an analyst sees them (no suppression); the public view is tested at the end. */
const ANALYST: Access = { role: 'analyst', minCount: 5 };
const PUBLIC: Access = { role: 'public', minCount: 5 };

let db: Database;
beforeAll(async () => {
	db = await createFixtureDatabase();
});
afterAll(() => db.close());

const query = viewQuery;
const { result, value, series } = fixtureFigures(() => db, ANALYST, 'period=2024');

describe('caseload indicators (CEPEJ)', () => {
	it('counts incoming and resolved by the filing and decision dates, including the last day', async () => {
		// Filed in 2024: A2, A3, A4 (on 31 Dec), A6, A9, A10.
		expect(await value('incoming')).toBe(6);
		// Decided in 2024: A1, A2, A3 (on 31 Dec), A6, A7 (on 1 Jan), A9, A10.
		expect(await value('resolved')).toBe(7);
	});

	it('counts pending cases at the start and end of the period', async () => {
		// Filed before 2024 and undecided on 1 Jan: A1, A5, A7 (decided on 1 Jan itself).
		expect(await value('pending_start')).toBe(3);
		// A4 (filed on 31 Dec) and A5 (decided 2025); A3 was decided on 31 Dec, so it is not pending.
		expect(await value('pending_end')).toBe(2);
	});

	it('derives clearance rate, turnover and disposition time', async () => {
		expect(await value('clearance_rate')).toBeCloseTo((7 / 6) * 100, 10);
		expect(await value('turnover_ratio')).toBeCloseTo(3.5, 10);
		// Days of the year as CEPEJ counts them: 365, also in the leap year 2024.
		expect(await value('disposition_time')).toBeCloseTo((2 / 7) * 365, 10);
	});

	it('gives incoming per 100,000 inhabitants of the regions in scope', async () => {
		expect(await value('incoming_per_100k')).toBeCloseTo((6 / 19_765_004) * 1e5, 12);
		expect(await value('incoming_per_100k', 'period=2024&region=KZ-75')).toBeCloseTo((5 / 2_161_695) * 1e5, 12);
		const byRegion = await series('incoming_per_100k', 'period=2024&by=region', 'region');
		expect(byRegion['KZ-71']).toBeCloseTo((1 / 1_354_435) * 1e5, 12);
		expect(byRegion['KZ-75']).toBeCloseTo((5 / 2_161_695) * 1e5, 12);
	});

	it('shows division by zero as no data, not 0 or NaN', async () => {
		// J-000006 decided A7 in 2024 but had no filing in 2024.
		const byJudge = await series('clearance_rate', 'period=2024&by=judge', 'judge');
		expect(byJudge['J-000006']).toBeNull();
		expect(byJudge['J-000001']).toBeCloseTo(200, 10);
		expect(byJudge['J-000002']).toBeCloseTo(50, 10);
		// A region with no cases at all: zero counts, and no clearance rate.
		expect(await value('incoming', 'period=2024&region=KZ-10')).toBe(0);
		expect(await value('clearance_rate', 'period=2024&region=KZ-10')).toBeNull();
		expect(await value('median_days', 'period=2024&region=KZ-10')).toBeNull();
	});

	it('gives monthly flows and stocks, with empty months as zero', async () => {
		const incoming = await series('incoming', 'period=2024&grain=month');
		expect(Object.values(incoming)).toEqual([1, 1, 2, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
		const resolved = await series('resolved', 'period=2024&grain=month');
		expect(Object.values(resolved)).toEqual([2, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
		const pending = await series('pending_end', 'period=2024&grain=month');
		expect(Object.values(pending)).toEqual([2, 2, 3, 2, 2, 3, 2, 2, 2, 2, 2, 2]);
		expect(Object.keys(pending)[0]).toBe('2024-01-01');
	});

	it('keeps pending_end = pending_start + incoming − resolved for every group', async () => {
		for (const params of [
			'period=2024&grain=month',
			'period=2024&grain=quarter&by=region',
			'from=2023-06-15&to=2024-08-10&grain=month&by=case_type',
			'period=2024&by=judge'
		]) {
			const [start, incoming, resolved, end] = await Promise.all(
				['pending_start', 'incoming', 'resolved', 'pending_end'].map((id) => result(id, params))
			);
			const key = (r: Record<string, unknown>) => JSON.stringify([r.period, r.region, r.case_type, r.judge]);
			const lookup = (rs: IndicatorResult) => new Map(rs.rows.map((r) => [key(r), r.value ?? 0]));
			const [s, i, r] = [lookup(start), lookup(incoming), lookup(resolved)];
			expect(end.rows.length).toBeGreaterThan(0);
			for (const row of end.rows) {
				const k = key(row);
				expect(row.value, `${params} ${k}`).toBe((s.get(k) ?? 0) + (i.get(k) ?? 0) - (r.get(k) ?? 0));
			}
		}
	});

	it('answers "no data" for a period before the data of what is counted, not 0', async () => {
		// Nothing in the fixture before A5 (filed 2022-06-01): no case row, so no form either.
		expect((await result('clearance_rate', 'period=2021')).rows).toEqual([
			{ value: null, numerator: null, denominator: null, n: null, missing: 'no_data' }
		]);
		expect((await result('incoming', 'period=2021&source=cases')).rows[0]).toMatchObject({ value: null, missing: 'no_data' });
		// 2022 has a filing (A5) but no decision is recorded before 2023-06-01 (A11): incoming 1, the rest no data.
		expect(await value('incoming', 'period=2022')).toBe(1);
		expect((await result('resolved', 'period=2022')).rows[0]).toMatchObject({ value: null, missing: 'no_data' });
		expect((await result('clearance_rate', 'period=2022')).rows[0]).toMatchObject({ value: null, missing: 'no_data' });
		// Months before the first decision are no data, those after it counted (0 when none).
		const resolved = await series('resolved', 'from=2023-04-01&to=2023-07-31&grain=month');
		expect(resolved).toEqual({ '2023-04-01': null, '2023-05-01': null, '2023-06-01': 1, '2023-07-01': 0 });
	});

	it('lists the groups of a breakdown whose count is 0 as 0', async () => {
		// KZ-71's courts all have records, none pending past its limit in 2024; KZ71-OBL and KZ71-SMCC filed nothing in 2024.
		expect(await series('pending_past_limit', 'period=2024&by=court&region=KZ-71', 'court')).toEqual({
			'KZ71-D01': 0,
			'KZ71-OBL': 0,
			'KZ71-SMAO': 0,
			'KZ71-SMCC': 0
		});
		expect(await series('incoming', 'period=2024&by=court&region=KZ-71', 'court')).toEqual({
			'KZ71-D01': 1,
			'KZ71-OBL': 0,
			'KZ71-SMAO': 0,
			'KZ71-SMCC': 0
		});
		// A rate is listed only where it rests on a record: KZ71-D01 alone decided a case in 2024.
		expect(await series('clearance_rate', 'period=2024&by=court&region=KZ-71', 'court')).toEqual({ 'KZ71-D01': 200 });
	});

	it('marks buckets cut by the period as partial', async () => {
		const { rows } = await result('incoming', 'from=2024-01-15&to=2024-03-31&grain=month');
		expect(rows.map((r) => [r.period, r.partial])).toEqual([
			['2024-01-01', true],
			['2024-02-01', false],
			['2024-03-01', false]
		]);
		// A2 was filed on 5 January, before the cut.
		expect(rows[0].value).toBe(0);
	});
});

describe('timeliness indicators', () => {
	it('gives the median and 90th percentile of days to decision', async () => {
		// Days of the 2024 decisions: 1, 29, 30, 36, 46, 56, 305.
		expect(await value('median_days')).toBe(36);
		expect(await value('p90_days')).toBeCloseTo(56 + 0.4 * (305 - 56), 10);
	});

	it('measures decisions within the time standard and the statutory limit', async () => {
		// Only A3 (305 days, civil: standard 180 days, limit 2 months) misses both.
		expect(await value('within_standard_share')).toBeCloseTo((6 / 7) * 100, 10);
		expect(await value('within_limit_share')).toBeCloseTo((6 / 7) * 100, 10);
	});

	it('counts pending cases past their statutory limit, month by month', async () => {
		// A5 (criminal, limit 2022-08-01) all year; A3 (limit 2024-05-01) from May until decided on 31 Dec.
		expect(await value('pending_past_limit')).toBe(1);
		const monthly = await series('pending_past_limit', 'period=2024&grain=month');
		expect(Object.values(monthly)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1]);
	});

	it('gives the age of the pending caseload', async () => {
		// Pending on 31 Dec: A4 aged 0 days, A5 aged 944 days.
		expect(await value('pending_age_median')).toBe(472);
		expect(await value('pending_over_1y_share')).toBeCloseTo(50, 10);
		expect(await value('pending_over_2y_share')).toBeCloseTo(50, 10);
		const monthly = await series('pending_age_median', 'period=2024&grain=quarter');
		// On 31 Mar: A3 (30 days), A9 (16 days), A5 (669 days) → median 30.
		expect(monthly['2024-01-01']).toBe(30);
	});
});

describe('quality and outcome indicators', () => {
	it('gives the appeal rate of decisions', async () => {
		// A1 and A2 were appealed (A10, A9) of the 7 decisions of 2024.
		expect(await value('appeal_rate')).toBeCloseTo((2 / 7) * 100, 10);
		expect(await value('appeal_rate', 'period=2024&instance=first')).toBeCloseTo(40, 10);
	});

	it('attributes stability and reversals to the court whose act was reviewed', async () => {
		// A10 upheld A1, A9 reversed A2; both are acts of KZ75-D01.
		expect(await value('stability')).toBeCloseTo(50, 10);
		expect(await value('reversal_rate')).toBeCloseTo(50, 10);
		const byCourt = await series('stability', 'period=2024&by=court', 'court');
		expect(byCourt).toEqual({ 'KZ75-D01': 50 });
	});

	it('gives the merits share, grant rate and acquittal rate', async () => {
		expect(await value('merits_share')).toBe(100);
		// Granted A1, partially A3, denied A2; settlements are not decisions on the merits.
		expect(await value('grant_rate')).toBeCloseTo((2 / 3) * 100, 10);
		// No criminal verdict in 2024 (A5 was decided in 2025).
		expect(await value('acquittal_rate')).toBeNull();
	});
});

describe('digital and reconciliation indicators', () => {
	it('computes shares over the rows where the attribute is known', async () => {
		// Filed in 2024 with known e-filing: A2 (no), A3, A4, A6, A10 (yes); A9 unknown.
		expect(await value('e_filed_share')).toBeCloseTo(80, 10);
		expect(await value('video_hearing_share')).toBeCloseTo((2 / 7) * 100, 10);
		expect(await value('av_recorded_share')).toBeCloseTo((6 / 7) * 100, 10);
		expect(await value('auto_assigned_share')).toBe(100);
		expect(await value('extraterritorial_share')).toBeCloseTo((1 / 6) * 100, 10);
		// Civil first instance decided in 2024: A1, A2, A3 (none), A6 (mediation), A7 (settlement).
		expect(await value('reconciliation_share')).toBeCloseTo(40, 10);
	});
});

describe('judge workload', () => {
	it('averages resolved cases per judge and month and measures their spread', async () => {
		// Resolved per judge: J1 2, J2 1, J4 1, J6 1, J7 2.
		// 7 decisions, 5 judges, 12 calendar months.
		expect(await value('judge_workload')).toBeCloseTo(7 / 5 / 12, 10);
		expect(await value('judge_workload_spread')).toBeCloseTo(34.99271061118826, 8);
	});
});

describe('fraud indicators', () => {
	it('counts incidents and damage registered in the period', async () => {
		expect(await value('fraud_incidents')).toBe(3);
		expect(await value('fraud_damage')).toBe(450_000);
		expect(await value('fraud_damage_median')).toBe(100_000);
		expect(await value('fraud_recovered_share')).toBeCloseTo((20_000 / 450_000) * 100, 10);
		expect(await value('fraud_per_100k')).toBeCloseTo((3 / 19_765_004) * 1e5, 12);
		expect(await value('fraud_court_share')).toBeCloseTo((2 / 3) * 100, 10);
		expect(await value('fraud_conviction_share')).toBeCloseTo((1 / 3) * 100, 10);
	});

	it('sets aside filters that do not apply to fraud and says so', async () => {
		const r = await result('fraud_incidents', 'period=2024&instance=first&region=KZ-75');
		expect(r.ignored).toEqual(['instance']);
		expect(r.rows[0].value).toBe(2);
	});
});

describe('aggregate reporting forms as a source', () => {
	const H1 = 'from=2024-01-01&to=2024-06-30&source=court_stats';

	it('sums flows and takes stocks from each unit’s first and last form', async () => {
		expect(await value('incoming', H1)).toBe(45);
		expect(await value('resolved', H1)).toBe(50);
		expect(await value('pending_start', H1)).toBe(14);
		expect(await value('pending_end', H1)).toBe(9);
		expect(await value('clearance_rate', H1)).toBeCloseTo((50 / 45) * 100, 10);
		expect(await series('pending_end', `${H1}&grain=quarter`)).toEqual({ '2024-01-01': 17, '2024-04-01': 9 });
		expect(await series('incoming', `${H1}&by=region`, 'region')).toEqual({ 'KZ-71': 15, 'KZ-75': 30 });
	});

	it('uses case records when they exist and the forms otherwise, and says which', async () => {
		expect((await result('incoming', 'period=2024')).source).toBe('cases');
		const formsOnly = await result('incoming', 'from=2024-01-01&to=2024-06-30&court=KZ71-D02');
		expect(formsOnly.source).toBe('court_stats');
		expect(formsOnly.rows[0].value).toBe(15);
	});

	it('answers "no data" with the reason for buckets that cut the quarterly forms, never a part of a form or 0', async () => {
		const months = `from=2024-01-01&to=2024-03-31&grain=month&source=court_stats`;
		const shape = (r: IndicatorResult) => r.rows.map((row) => [row.period, row.value, row.missing ?? null]);
		// Flows: a month holds a third of no form.
		expect(shape(await result('incoming', months))).toEqual([
			['2024-01-01', null, 'form_periods'],
			['2024-02-01', null, 'form_periods'],
			['2024-03-01', null, 'form_periods']
		]);
		// Stocks: the end of March is where the Q1 forms end (15 + 2), the start of January where they start (10 + 4).
		expect(shape(await result('pending_end', months))).toEqual([
			['2024-01-01', null, 'form_periods'],
			['2024-02-01', null, 'form_periods'],
			['2024-03-01', 17, null]
		]);
		expect(shape(await result('pending_start', months)).map((r) => r[1])).toEqual([14, null, null]);
		expect(shape(await result('disposition_time', months)).map((r) => r[2])).toEqual(['form_periods', 'form_periods', 'form_periods']);
		// A period across form periods: no data for a flow, a stock and a rate.
		for (const id of ['incoming', 'pending_end', 'clearance_rate']) {
			const { rows } = await result(id, 'from=2024-02-15&to=2024-04-30&source=court_stats');
			expect(rows, id).toEqual([{ value: null, numerator: null, denominator: null, n: null, missing: 'form_periods' }]);
		}
		// The year 2024 runs past the last form (30 June): its end is no form's end.
		expect((await result('incoming', 'period=2024&source=court_stats')).rows[0].missing).toBe('form_periods');
	});

	it('gives whole form periods and says "no data" where no form reports', async () => {
		const quarters = await result('disposition_time', 'period=2024&grain=quarter&source=court_stats');
		// Q1: pending at end 17, resolved 15 + 8, 90 days (CEPEJ: 29 February left out); Q2: 9, 20 + 7, 91 days.
		expect(quarters.rows.map((r) => [r.value, r.missing ?? null])).toEqual([
			[(17 / 23) * 90, null],
			[(9 / 27) * 91, null],
			[null, 'no_data'],
			[null, 'no_data']
		]);
		expect((await result('incoming', 'period=2023&source=court_stats')).rows[0]).toMatchObject({ value: null, missing: 'no_data' });
	});
});

describe('query checks against the indicator', () => {
	it('refuses breakdowns and sources the indicator does not have', async () => {
		const byScheme = await runIndicator(db, indicatorById('incoming')!, query('period=2024&by=scheme'), ANALYST);
		expect(byScheme).toMatchObject({ ok: false, errors: [{ param: 'by', code: 'bad_by', value: 'scheme' }] });
		const forms = await runIndicator(db, indicatorById('median_days')!, query('period=2024&source=court_stats'), ANALYST);
		expect(forms).toMatchObject({ ok: false, errors: [{ param: 'source', code: 'bad_source' }] });
		const perCapitaByCourt = await runIndicator(db, indicatorById('incoming_per_100k')!, query('period=2024&by=court'), ANALYST);
		expect(perCapitaByCourt).toMatchObject({ ok: false, errors: [{ param: 'by', code: 'bad_by' }] });
	});

	it('runs every catalog indicator at every grain and breakdown without an error', async () => {
		for (const indicator of INDICATORS) {
			for (const params of ['period=2024', 'period=2024&grain=month', 'period=2024&grain=quarter&by=region']) {
				const out = await runIndicator(db, indicator, query(params), ANALYST);
				expect(out.ok, `${indicator.id} ${params}`).toBe(true);
			}
		}
	});
});

describe('what the public may see', () => {
	it('hides figures resting on fewer than the minimum of records, but not zeros', async () => {
		const out = await runIndicator(db, indicatorById('incoming')!, query('period=2024&by=region'), PUBLIC);
		if (!out.ok) throw new Error('query failed');
		// KZ-71 had 1 filing (hidden); KZ-75's 5 are hidden too, or the national 6 minus them would give KZ-71's (and say so).
		expect(out.value.rows).toEqual([
			{ region: 'KZ-71', value: null, numerator: null, denominator: null, n: null, suppressed: true },
			{ region: 'KZ-75', value: null, numerator: null, denominator: null, n: null, suppressed: true, hidden: 'protects_other' }
		]);
		const zero = await runIndicator(db, indicatorById('incoming')!, query('period=2024&region=KZ-10'), PUBLIC);
		expect(zero).toMatchObject({ ok: true, value: { rows: [{ value: 0, n: 0 }] } });
		// A rate on 3 decisions on the merits is hidden too.
		const rate = await runIndicator(db, indicatorById('grant_rate')!, query('period=2024'), PUBLIC);
		expect(rate).toMatchObject({ ok: true, value: { rows: [{ value: null, suppressed: true }] } });
	});

	it('refuses breakdowns and filters by individual judges below the analyst role', async () => {
		for (const role of ['public', 'judge'] as const) {
			const by = await runIndicator(db, indicatorById('resolved')!, query('period=2024&by=judge'), { role, minCount: 5 });
			expect(by).toMatchObject({ ok: false, errors: [{ param: 'by', code: 'forbidden', value: 'judge' }] });
			const filter = await runIndicator(db, indicatorById('resolved')!, query('period=2024&judge=J-000001'), { role, minCount: 5 });
			expect(filter).toMatchObject({ ok: false, errors: [{ param: 'judge', code: 'forbidden' }] });
		}
	});
});
