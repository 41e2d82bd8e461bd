import { describe, expect, it } from 'vitest';
import { FRAUD_REFERENCES, funnelSteps, monthlyAverage, monthsIn } from './fraud';

describe('fraud reference figures', () => {
	it('holds the published figures of seed 001 with their periods', () => {
		const byId = Object.fromEntries(FRAUD_REFERENCES.map((r) => [r.id, r]));
		expect(byId['2024']).toMatchObject({
			from: '2024-01-01',
			to: '2024-12-31',
			incidents: { value: 22_000, atLeast: true },
			damageKzt: { value: 45.5e9 }
		});
		expect(byId['2025-q1']).toMatchObject({ from: '2025-01-01', to: '2025-03-31', incidents: { value: 6_200, atLeast: false } });
		expect(byId['2025-jan-aug']).toMatchObject({
			to: '2025-08-31',
			incidents: { value: 14_000, atLeast: true },
			damageKzt: { value: 6e9, atLeast: true }
		});
	});

	it('spreads a period total over its months for a monthly chart', () => {
		expect(monthsIn('2024-01-01', '2024-12-31')).toBe(12);
		expect(monthsIn('2025-01-01', '2025-03-31')).toBe(3);
		expect(monthsIn('2024-11-01', '2025-02-28')).toBe(4);
		const [y2024, q1, janAug] = FRAUD_REFERENCES;
		expect(monthlyAverage(y2024, 22_000)).toBeCloseTo(22_000 / 12, 10);
		expect(monthlyAverage(q1, 6_200)).toBeCloseTo(6_200 / 3, 10);
		expect(monthlyAverage(janAug, 6e9)).toBe(750_000_000);
	});
});

describe('funnel conversions', () => {
	it('divides each stage by the one before, and says "no data" where it cannot', () => {
		const steps = funnelSteps([
			{ id: 'a', value: 8 },
			{ id: 'b', value: 7 },
			{ id: 'c', value: 0 },
			{ id: 'd', value: 0 },
			{ id: 'e', value: null }
		]);
		expect(steps.map((s) => s.conversion)).toEqual([null, 87.5, 0, null, null]);
	});
});
