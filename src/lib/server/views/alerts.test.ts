import { describe, expect, it } from 'vitest';
import type { KpiFigure } from '../metrics/kpis';
import { rankAlerts, WATCHED, type Alert } from './alerts';

const figure = (id: string, value: number | null, months: (number | null)[] = []): KpiFigure => ({
	id,
	value,
	missing: null,
	hiddenBelow: null,
	previous: null,
	comparison: { comparable: false, reason: 'no_data' },
	previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
	ignored: [],
	spark: months,
	months: months.map((v, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}-01`, partial: false, value: v }))
});

describe('alerts', () => {
	it('watches the catalog indicators with thresholds that a batch can compute', () => {
		expect(WATCHED).toContain('clearance_rate');
		expect(WATCHED).toContain('stability');
		expect(WATCHED).not.toContain('judge_workload_spread');
	});

	it('ranks alerts before watches, and the farther beyond the threshold the higher', () => {
		const cassation: Alert = {
			kind: 'overdue_cassation',
			indicator: 'pending_past_limit',
			status: 'alert',
			value: 3,
			reference: null,
			filters: { instance: ['cassation'] },
			severity: 2.5
		};
		const alerts = rankAlerts(
			[
				figure('clearance_rate', 99), // below the target of 100: watch
				figure('stability', 70), // below 80: alert
				figure('e_filed_share', 95), // on target: no alert
				figure('median_days', 50), // above 45: watch, farther than clearance
				figure('pending_end', 10, [100, 110, 120, 130])
			],
			cassation
		);
		expect(alerts.map((a) => `${a.kind}:${a.indicator}:${a.status}`)).toEqual([
			'overdue_cassation:pending_past_limit:alert',
			'threshold:stability:alert',
			'backlog_growth:pending_end:watch',
			'threshold:median_days:watch',
			'threshold:clearance_rate:watch'
		]);
		expect(alerts.find((a) => a.indicator === 'stability')?.reference).toBe(80);
	});

	it('holds the e-filing target of one case type only when the page is filtered to it', () => {
		// 85 % of all cases has no target (the 90 % is civil claims'); of civil cases it is a watch, of criminal cases (70 %) fine.
		const figures = [figure('e_filed_share', 85)];
		expect(rankAlerts(figures, null)).toEqual([]);
		expect(rankAlerts(figures, null, { case_type: ['civil'] })).toMatchObject([
			{ indicator: 'e_filed_share', status: 'watch', reference: 90 }
		]);
		expect(rankAlerts(figures, null, { case_type: ['criminal'] })).toEqual([]);
		expect(rankAlerts(figures, null, { case_type: ['civil', 'criminal'] })).toEqual([]);
	});

	it('needs three increases in a row for the backlog, and no hidden figures', () => {
		expect(rankAlerts([figure('pending_end', 10, [100, 110, 105, 130])], null)).toEqual([]);
		expect(rankAlerts([{ ...figure('stability', 10), hiddenBelow: 5 }], null)).toEqual([]);
	});

	it('raises none on a period the data covers only in part (the backlog of 2018 "grew" as the records began)', () => {
		expect(rankAlerts([{ ...figure('stability', 10), incomplete: '2019-01-01' }], null)).toEqual([]);
		const pending = figure('pending_end', 10, [100, 110, 120, 130]);
		expect(rankAlerts([{ ...pending, incomplete: '2025-03-01' }], null)).toEqual([]);
		// Complete from the first of the four months compared: the alert stands.
		expect(rankAlerts([{ ...pending, incomplete: '2025-01-01' }], null)).toMatchObject([{ kind: 'backlog_growth' }]);
	});
});
