import { describe, expect, it } from 'vitest';
import { changeScale, compareWithYearEarlier, MIN_COMPARISON_BASE, type ComparisonInput } from './comparison';

const base: ComparisonInput = {
	unit: 'count',
	current: 120,
	previous: 100,
	currentBase: 120,
	previousBase: 100,
	previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
	dataFrom: '2019-01-01'
};

describe('comparison with a year earlier', () => {
	it('changes rates and shares in points, counts, amounts and durations in percent', () => {
		expect(changeScale('percent')).toBe('points');
		for (const unit of ['count', 'kzt', 'days', 'ratio', 'per100k', 'per_judge_month'] as const) expect(changeScale(unit)).toBe('percent');
		expect(compareWithYearEarlier(base)).toEqual({ comparable: true, change: 20, scale: 'percent' });
		const rate = compareWithYearEarlier({ ...base, unit: 'percent', current: 96.5, previous: 95.3 });
		expect(rate).toMatchObject({ comparable: true, scale: 'points' });
		expect(rate.comparable && rate.change).toBeCloseTo(1.2);
	});

	it('gives no change against a period before the data or only partly covered by it', () => {
		// A 2019 quarter against 2018, when 2018 holds only the backlog pending on 1 January 2019 (+30 080 % before).
		const q = { from: '2018-01-01', to: '2018-03-31' };
		expect(compareWithYearEarlier({ ...base, previousPeriod: q })).toEqual({
			comparable: false,
			reason: 'before_data',
			dataFrom: '2019-01-01'
		});
		const partly = { from: '2018-10-01', to: '2019-09-30' };
		expect(compareWithYearEarlier({ ...base, previousPeriod: partly })).toEqual({
			comparable: false,
			reason: 'incomplete',
			dataFrom: '2019-01-01'
		});
	});

	it('gives no change on a tiny base, nor a relative change from zero', () => {
		const small = { comparable: false, reason: 'small_base', min: MIN_COMPARISON_BASE };
		expect(compareWithYearEarlier({ ...base, previous: 3, previousBase: 3 })).toEqual(small);
		expect(compareWithYearEarlier({ ...base, current: 12, currentBase: 12 })).toEqual(small);
		expect(compareWithYearEarlier({ ...base, unit: 'kzt', previous: 0, previousBase: 500 })).toEqual(small);
		// A rate of 0 % on a large base is a real base: its change is in points.
		expect(compareWithYearEarlier({ ...base, unit: 'percent', current: 2, previous: 0, previousBase: 500 })).toEqual({
			comparable: true,
			change: 2,
			scale: 'points'
		});
	});

	it('says there is nothing to compare when a figure is missing or hidden', () => {
		expect(compareWithYearEarlier({ ...base, previous: null, previousBase: null })).toEqual({ comparable: false, reason: 'no_data' });
		expect(compareWithYearEarlier({ ...base, current: null, currentBase: null })).toEqual({ comparable: false, reason: 'no_data' });
		expect(compareWithYearEarlier({ ...base, dataFrom: null })).toMatchObject({ comparable: true });
	});
});
