import { describe, expect, it } from 'vitest';
import { indicatorById, indicatorStatus } from '$lib/domain/catalog';
import { mapScale } from './classes';

describe('map colour classes', () => {
	it('keep an outlier in a class of its own, the worse end darkest', () => {
		// Days: 259 no longer shares a shade with 43 (quantile classes put them together).
		const days = [43, 45, 47, 50, 52, 55, 58, 61, 259];
		const scale = mapScale(days, 'down');
		expect(scale.kind).toBe('worse');
		expect(scale.classOf(259)).not.toBe(scale.classOf(61));
		expect(scale.classOf(259).fill).toBe('var(--map-worse-5)');
		expect(scale.classOf(259)).toMatchObject({ from: 259, to: 259 });
		expect(scale.classOf(43).fill).toBe('var(--map-worse-1)');
		// Higher is better: the lowest value is the darkest.
		const shares = mapScale([52, 80, 81, 83, 90], 'up');
		expect(shares.classOf(52).fill).toBe('var(--map-worse-5)');
		expect(shares.classOf(90).fill).not.toBe('var(--map-worse-5)');
	});

	it('colour a neutral figure darker where larger, with as many classes as distinct values up to five', () => {
		const scale = mapScale([10, 10, 20], 'neutral');
		expect(scale.kind).toBe('more');
		expect(scale.classes.map((c) => [c.from, c.to])).toEqual([
			[10, 10],
			[20, 20]
		]);
		expect(scale.classOf(20).fill).toBe('var(--seq-5)');
		expect(mapScale([], 'neutral').classes).toEqual([]);
	});

	it('follow the catalog’s thresholds and direction where there are some: the worst clearance rate is red, not the lightest', () => {
		for (const id of ['clearance_rate', 'disposition_time', 'e_filing_share']) {
			const indicator = indicatorById(id);
			if (!indicator?.thresholds) continue;
			const scale = mapScale([], indicator.better, indicator.thresholds);
			expect(scale.kind).toBe('status');
			const { warn, bad, target } = indicator.thresholds;
			for (const value of [bad - 10, bad - 0.1, bad, (bad + warn) / 2, warn, target ?? warn, (target ?? warn) + 10]) {
				const cls = scale.classOf(value);
				const status = indicatorStatus(indicator, value);
				expect(cls.status === 'below_target' ? 'ok' : cls.status, `${id} ${value}`).toBe(status);
			}
		}
		const clearance = mapScale([], 'up', { target: 100, warn: 100, bad: 95 });
		expect(clearance.classOf(80).fill).toBe('var(--map-alert)');
		expect(clearance.classOf(101).fill).toBe('var(--map-ok)');
		const efiling = mapScale([], 'up', { target: 90, warn: 85, bad: 80 });
		expect(efiling.classOf(87).status).toBe('below_target');
	});
});
