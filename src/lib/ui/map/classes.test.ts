import { describe, expect, it } from 'vitest';
import { indicatorById, indicatorStatus } from '$lib/domain/catalog';
import { classLabels, mapScale } from './classes';

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

	it('label every class apart, with as few decimals as that takes, and no unit word (the legend says it once)', () => {
		// Per 100 000 values near 0.4: one decimal read "0,4 – 0,4" for two classes.
		const values = [0.381, 0.384, 0.392, 0.401, 0.404, 0.412, 0.419, 0.43];
		for (const locale of ['ru', 'kk', 'en'] as const) {
			const labels = classLabels(mapScale(values, 'down'), 'per100k', locale);
			expect(new Set(labels).size).toBe(labels.length);
			for (const label of labels) {
				const [from, to] = label.split(' – ');
				if (to) expect(from, label).not.toBe(to);
				expect(label).not.toMatch(/100/);
			}
		}
		expect(classLabels(mapScale([43, 61, 120, 259], 'down'), 'days', 'ru')).toEqual(['43', '61', '120', '259']);
		expect(classLabels(mapScale([1.2, 1.4, 2.5, 2.6, 9], 'neutral'), 'per100k', 'en')).toEqual(['1.2', '1.4', '2.5', '2.6', '9.0']);
		// Values no legend can tell apart (beyond its decimals) share a class rather than read alike.
		const close = mapScale([1, 1.00001, 1.00002, 2], 'neutral');
		expect(close.classes).toHaveLength(2);
		expect(close.classOf(1.00002)).toBe(close.classOf(1));
	});

	it('close a percent range with its sign once and keep status breaks whole', () => {
		const scale = mapScale([], 'up', { target: 100, warn: 100, bad: 95 });
		expect(classLabels(scale, 'percent', 'en')).toEqual(['< 95%', '95 – 100%', '≥ 100%']);
	});
});
