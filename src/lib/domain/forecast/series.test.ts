import { describe, expect, it } from 'vitest';
import { monthsAfter, prepareSeries, shiftMonth, type MonthPoint } from './series';

const months = (values: (number | null)[]): MonthPoint[] =>
	['2018-12-01', ...monthsAfter('2018-12-01', values.length - 1)].map((period, i) => ({ period, value: values[i], partial: false }));

describe('preparing a monthly series', () => {
	const year = [100, 110, 120, 115, 105, 100, 90, 85, 110, 120, 125, 118];

	it('leaves out an incomplete last month instead of reading it as a low month', () => {
		const points = months([...year, ...year, 40]);
		points[points.length - 1].partial = true;
		const s = prepareSeries(points);
		expect(s.values).toEqual([...year, ...year]);
		expect(s.partial).toEqual({ period: points[24].period, value: 40 });
	});

	it('drops months without data at the start and the run-in of the records', () => {
		const s = prepareSeries(months([null, 0, 3, 40, ...year, ...year]));
		// 3 and 40 are under 80 % of the same month a year later (year[9], year[10] after the shift).
		expect(s.runIn).toBe(2);
		expect(s.values).toEqual([...year, ...year]);
		expect(s.periods[0]).toBe('2019-04-01');
	});

	it('keeps a low month that is not at the start', () => {
		const dip = [...year, ...year.map((v, i) => (i === 3 ? 40 : v)), ...year];
		expect(prepareSeries(months(dip)).values).toEqual(dip);
	});

	it('finds the break and says when a month is hidden from the viewer', () => {
		const points = months([...year, ...year]);
		points[5].suppressed = true;
		points[5].value = null;
		const s = prepareSeries(points, { breakDate: '2020-07-01' });
		expect(s.suppressed).toBe(true);
		expect(s.periods[0]).toBe(points[6].period);
		expect(s.periods[s.breakAt!]).toBe('2020-07-01');
	});

	it('starts where the territory took its present form', () => {
		const s = prepareSeries(months([...year, ...year, ...year]), { since: '2020-03-01' });
		expect(s.periods[0]).toBe('2020-03-01');
		expect(s.values).toEqual([...year.slice(3), ...year]);
	});

	it('counts months across year ends', () => {
		expect(monthsAfter('2026-11-15', 3)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
		expect(shiftMonth('2025-07-01', -13)).toBe('2024-06-01');
	});
});
