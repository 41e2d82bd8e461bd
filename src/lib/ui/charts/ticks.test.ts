import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { bucketTicks, tickLabels, unitTicks, valueDomain } from './ticks';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));

describe('unitTicks', () => {
	it('keeps whole numbers on a count axis, every tick otherwise', () => {
		const small = scaleLinear().domain([0, 3]);
		expect(unitTicks(small, 5, 'count')).toEqual([0, 1, 2, 3]);
		expect(unitTicks(small, 5, 'percent')).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
		expect(unitTicks(scaleLinear().domain([0, 1000]), 5, 'count')).toEqual([0, 200, 400, 600, 800, 1000]);
	});
});

describe('tickLabels', () => {
	it('never repeats a label: as many decimals as keep the ticks apart', () => {
		// Before: "0 %, 1 %, 1 %, 2 %, 2 %…" on a 0–3 % axis.
		expect(plain(tickLabels([0, 0.5, 1, 1.5, 2], 'percent', 'ru'))).toEqual(['0,0 %', '0,5 %', '1,0 %', '1,5 %', '2,0 %']);
		expect(tickLabels([90, 95, 100], 'percent', 'en')).toEqual(['90%', '95%', '100%']);
		expect(tickLabels([1000, 1020, 1040, 1060], 'count', 'en')).toEqual(['1k', '1.02k', '1.04k', '1.06k']);
		expect(tickLabels([0, 2000, 4000], 'count', 'en')).toEqual(['0', '2k', '4k']);
	});
});

describe('bucketTicks', () => {
	const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);

	it('labels every bucket when they fit, else every 2nd, 3rd, 6th… on the calendar', () => {
		expect(bucketTicks(months.slice(0, 6), 'month', 8)).toEqual(months.slice(0, 6));
		expect(bucketTicks(months, 'month', 8)).toEqual([
			'2024-01-01',
			'2024-04-01',
			'2024-07-01',
			'2024-10-01',
			'2025-01-01',
			'2025-04-01',
			'2025-07-01',
			'2025-10-01'
		]);
		expect(bucketTicks(months, 'month', 3)).toEqual(['2024-01-01', '2025-01-01']);
	});

	it('puts a yearly series on years and a quarterly one on quarters, never on months between', () => {
		const years = ['2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01'];
		expect(bucketTicks(years, 'year', 10)).toEqual(years);
		expect(bucketTicks(years, 'year', 4)).toEqual(['2020-01-01', '2022-01-01', '2024-01-01', '2026-01-01']);
		const quarters = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'];
		expect(bucketTicks(quarters, 'quarter', 4)).toEqual(['2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01']);
	});
});

describe('valueDomain', () => {
	it('draws rates near 100 % around their values, and counts and rates near 0 from 0', () => {
		const [lo, hi] = valueDomain([96.1, 99.4, 102.3, 100], 'percent');
		expect(lo).toBeGreaterThan(90);
		expect(hi).toBeLessThan(105);
		expect(valueDomain([2, 9, 14], 'percent')[0]).toBe(0);
		// Low rates start at 0 even when far from it against their spread (an appeal rate's fall read as a collapse).
		expect(valueDomain([11.4, 10.9, 6.5], 'percent')[0]).toBe(0);
		expect(valueDomain([30, 40], 'percent')[0]).toBe(0);
		expect(valueDomain([120_000, 140_000], 'count')[0]).toBe(0);
		expect(valueDomain([], 'count')).toEqual([0, 1]);
	});
});
