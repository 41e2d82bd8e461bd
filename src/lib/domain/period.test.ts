import { describe, expect, it } from 'vitest';
import { addMonths, addYears, bucketEnd, buckets, daysInPeriod, previousYear, resolvePeriod } from './period';

describe('periods', () => {
	it('resolves named periods against the data as-of date', () => {
		expect(resolvePeriod({ kind: 'year', year: 2024 }, '2026-09-30')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
		expect(resolvePeriod({ kind: 'quarter', year: 2025, quarter: 3 }, '2026-09-30')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
		expect(resolvePeriod({ kind: 'last12' }, '2026-09-30')).toEqual({ from: '2025-10-01', to: '2026-09-30' });
		expect(resolvePeriod({ kind: 'last12' }, '2026-09-15')).toEqual({ from: '2025-10-01', to: '2026-09-15' });
	});

	it('counts days inclusively, leap years included', () => {
		expect(daysInPeriod({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
		expect(daysInPeriod({ from: '2024-12-31', to: '2024-12-31' })).toBe(1);
	});

	it('compares with the same period a year earlier, 29 February included', () => {
		expect(previousYear({ from: '2024-02-29', to: '2025-02-28' })).toEqual({ from: '2023-02-28', to: '2024-02-28' });
		expect(addYears('2024-03-01', -1)).toBe('2023-03-01');
	});

	it('shifts by months, the end of a longer month to the end of a shorter one', () => {
		expect(addMonths('2025-07-01', -15)).toBe('2024-04-01');
		expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
	});

	it('cuts buckets at the period and marks cut or unfinished ones as partial', () => {
		expect(buckets({ from: '2024-11-15', to: '2025-02-10' }, 'month', '2025-01-31')).toEqual([
			{ period: '2024-11-01', from: '2024-11-15', to: '2024-11-30', partial: true },
			{ period: '2024-12-01', from: '2024-12-01', to: '2024-12-31', partial: false },
			{ period: '2025-01-01', from: '2025-01-01', to: '2025-01-31', partial: false },
			{ period: '2025-02-01', from: '2025-02-01', to: '2025-02-10', partial: true }
		]);
		expect(buckets({ from: '2026-01-01', to: '2026-12-31' }, 'year', '2026-09-30')[0].partial).toBe(true);
		expect(buckets({ from: '2025-01-01', to: '2025-12-31' }, 'quarter').map((b) => b.period)).toEqual([
			'2025-01-01',
			'2025-04-01',
			'2025-07-01',
			'2025-10-01'
		]);
	});
});

describe('bucket ends', () => {
	it('gives the last day of the month, quarter or year', () => {
		expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
		expect(bucketEnd('2025-08-15', 'quarter')).toBe('2025-09-30');
		expect(bucketEnd('2025-01-01', 'year')).toBe('2025-12-31');
	});
});
