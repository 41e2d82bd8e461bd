import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINES, mergeDeadlines } from './deadlines';

describe('deadline configuration', () => {
	it('keeps the documented defaults, with the six-month cassation limit of seed 000', () => {
		expect(mergeDeadlines(undefined)).toEqual(DEFAULT_DEADLINES);
		expect(DEFAULT_DEADLINES.statutory.cassation).toEqual({ months: 6 });
	});

	it('overlays an operator file and names any bad entry', () => {
		const merged = mergeDeadlines({ statutory: { 'first.civil': { days: 90 } } });
		expect(merged.statutory['first.civil']).toEqual({ days: 90 });
		expect(merged.statutory.cassation).toEqual({ months: 6 });
		expect(() => mergeDeadlines({ statutory: { 'first.tax': { days: 9 } } })).toThrow('unknown limit "statutory.first.tax"');
		expect(() => mergeDeadlines({ standard: { appeal: { weeks: 2 } } })).toThrow('"standard.appeal" must be');
		expect(() => mergeDeadlines({ statutory: { appeal: { days: -1 } } })).toThrow('"statutory.appeal" must be');
		expect(() => mergeDeadlines({ other: {} })).toThrow('unknown limits group "other"');
	});
});
