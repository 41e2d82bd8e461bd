import { describe, expect, it } from 'vitest';
import { OVERVIEW_GROUPS } from '$lib/domain/overview';
import type { KpiFigure } from '$lib/server/metrics/kpis';
import { groupSummary } from './summary';

const group = (id: string) => OVERVIEW_GROUPS.find((g) => g.id === id)!;
const kpi = (id: string, value: number | null, previous: number | null, hiddenBelow: number | null = null): KpiFigure => ({
	id,
	value,
	previous,
	hiddenBelow,
	missing: null,
	comparison:
		value === null || previous === null || hiddenBelow !== null
			? { comparable: false, reason: hiddenBelow !== null ? 'hidden' : 'no_data' }
			: { comparable: true, change: ((value - previous) / previous) * 100, scale: 'percent' },
	previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
	ignored: [],
	spark: [],
	months: []
});
const regions = (rows: [string, number | null, number][]) => ({
	indicator: 'clearance_rate',
	dimension: 'region' as const,
	rows: rows.map(([region, value, n]) => ({ region, value, n, numerator: null, denominator: null }))
});

describe('group summary', () => {
	it('says what moved most, the figure off its target and the region furthest from it', () => {
		const kpis = [kpi('incoming', 1100, 1000), kpi('resolved', 1050, 1000), kpi('pending_end', 500, 490), kpi('clearance_rate', 95.5, 100)];
		const lead = regions([
			['KZ-75', 90.2, 400],
			['KZ-71', 99.5, 300],
			// The lowest, but on too few records to be named.
			['KZ-62', 50, 12]
		]);
		expect(groupSummary(group('workload'), kpis, lead, {}, 'en')).toBe(
			'Incoming cases: 1,100, +10.0% on a year earlier; clearance rate at 95.5% against a target of ≥ 100.0%; clearance rate furthest from target in Almaty (90.2%).'
		);
	});

	it('gives a rate’s change in percentage points and judges it by the target that holds for the filters', () => {
		const kpis = [kpi('e_filed_share', 82.4, 80.1), kpi('reconciliation_share', 20, 20)];
		// The e-filing target is set per case type: civil cases ≥ 90%, criminal ≥ 70%, none for all together.
		expect(groupSummary(group('digital'), kpis, undefined, { case_type: ['criminal'] }, 'en')).toBe(
			'E-filed share: 82.4%, +2.3 pp on a year earlier; every figure within its target.'
		);
		expect(groupSummary(group('digital'), kpis, undefined, { case_type: ['civil'] }, 'en')).toBe(
			'E-filed share: 82.4% against a target of ≥ 90.0%, +2.3 pp on a year earlier.'
		);
		expect(groupSummary(group('digital'), kpis, undefined, {}, 'en')).toBe('E-filed share: 82.4%, +2.3 pp on a year earlier.');
	});

	it('says in one clause that the figure that moved most misses its target', () => {
		expect(groupSummary(group('quality'), [kpi('stability', 80, 82.1)], undefined, {}, 'en')).toBe(
			'Stability of judicial acts: 80.0% against a target of ≥ 90.0%, −2.1 pp on a year earlier.'
		);
	});

	it('leaves out what the figures cannot say: hidden values, no year earlier, a single unit', () => {
		const kpis = [kpi('stability', 80, null)];
		expect(groupSummary(group('quality'), kpis, regions([['KZ-75', 60, 100]]), {}, 'en')).toBe(
			'Stability of judicial acts at 80.0% against a target of ≥ 90.0%.'
		);
		expect(groupSummary(group('quality'), [kpi('stability', null, null, 5)], undefined, {}, 'ru')).toBe('Нет данных за период.');
	});
});
