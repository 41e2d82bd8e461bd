import { describe, expect, it } from 'vitest';
import { changeScale, compareWithYearEarlier, MIN_COMPARISON_BASE, type ComparisonInput } from './comparison';

const base: ComparisonInput = {
	unit: 'count',
	current: { value: 120, n: 120 },
	previous: { value: 100, n: 100 },
	previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
	dataFrom: '2019-01-01'
};

describe('comparison with a year earlier', () => {
	it('changes rates and shares in points, counts, amounts and durations in percent', () => {
		expect(changeScale('percent')).toBe('points');
		for (const unit of ['count', 'kzt', 'days', 'ratio', 'per100k', 'per_judge_month'] as const) expect(changeScale(unit)).toBe('percent');
		expect(compareWithYearEarlier(base)).toEqual({ comparable: true, change: 20, scale: 'percent' });
		const rate = compareWithYearEarlier({ ...base, unit: 'percent', current: { value: 96.5, n: 400 }, previous: { value: 95.3, n: 380 } });
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
		expect(compareWithYearEarlier({ ...base, previous: { value: 3, n: 3 } })).toEqual(small);
		expect(compareWithYearEarlier({ ...base, current: { value: 12, n: 12 } })).toEqual(small);
		expect(compareWithYearEarlier({ ...base, unit: 'kzt', previous: { value: 0, n: 500 } })).toEqual(small);
		// A rate of 0 % on a large base is a real base: its change is in points.
		expect(compareWithYearEarlier({ ...base, unit: 'percent', current: { value: 2, n: 500 }, previous: { value: 0, n: 500 } })).toEqual({
			comparable: true,
			change: 2,
			scale: 'points'
		});
	});

	it('says there is nothing to compare when a figure is missing, hidden or provisional', () => {
		const none = { value: null, n: null };
		expect(compareWithYearEarlier({ ...base, previous: none })).toEqual({ comparable: false, reason: 'no_data' });
		expect(compareWithYearEarlier({ ...base, previous: undefined })).toEqual({ comparable: false, reason: 'no_data' });
		expect(compareWithYearEarlier({ ...base, current: none })).toEqual({ comparable: false, reason: 'no_data' });
		expect(compareWithYearEarlier({ ...base, previous: { ...none, suppressed: true } })).toEqual({ comparable: false, reason: 'hidden' });
		expect(compareWithYearEarlier({ ...base, current: { ...none, suppressed: true } })).toEqual({ comparable: false, reason: 'hidden' });
		const young = { value: 6.5, n: 400, provisional: true };
		expect(compareWithYearEarlier({ ...base, unit: 'percent', current: young })).toEqual({ comparable: false, reason: 'provisional' });
		expect(compareWithYearEarlier({ ...base, unit: 'percent', previous: young })).toEqual({ comparable: false, reason: 'provisional' });
		expect(compareWithYearEarlier({ ...base, dataFrom: null })).toMatchObject({ comparable: true });
	});
});
