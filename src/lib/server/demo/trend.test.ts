import { describe, expect, it } from 'vitest';
import { dayOf } from './calendar';
import { Trend } from './trend';

describe('Trend', () => {
	it('interpolates between dated anchors and holds beyond the ends', () => {
		const t = new Trend([
			['2020-01-01', 10],
			['2020-01-11', 20]
		]);
		expect(t.at(dayOf('2019-06-01'))).toBe(10);
		expect(t.at(dayOf('2020-01-06'))).toBe(15);
		expect(t.at(dayOf('2021-01-01'))).toBe(20);
	});

	it('turns yearly figures into a path without steps whose yearly averages are the figures', () => {
		const table = { 2019: 0.8, 2020: 0.84, 2021: 0.86, 2022: 0.88 };
		const t = Trend.yearly(table);
		for (const [y, v] of Object.entries(table)) expect(t.yearAverage(Number(y))).toBeCloseTo(v, 4);
		// New Year's Day moves it no more than any other day.
		const jump = t.at(dayOf('2021-01-01')) - t.at(dayOf('2020-12-31'));
		expect(Math.abs(jump)).toBeLessThan(0.001);
	});

	it('refuses anchors out of order', () => {
		expect(
			() =>
				new Trend([
					['2020-02-01', 1],
					['2020-01-01', 2]
				])
		).toThrow(/order/);
	});
});
