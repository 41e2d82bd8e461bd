import { describe, expect, it } from 'vitest';
import { periodChoices, unlistedChoice } from './period';

describe('period choices', () => {
	const choices = periodChoices('2026-09-30', 2019);

	it('list the years and quarters from the first year of complete data to the as-of date', () => {
		expect(choices.years).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
		expect(choices.quarters[0]).toEqual({ year: 2026, quarter: 3 });
		expect(choices.quarters.at(-1)).toEqual({ year: 2019, quarter: 1 });
	});

	it('offer a chosen year or quarter before the complete data too, said to be incomplete, so that the select never reads blank', () => {
		expect(unlistedChoice('y2018', choices, 2019, 'en')).toEqual({ value: 'y2018', text: '2018 (incomplete data)' });
		expect(unlistedChoice('y2018', choices, 2019, 'ru')).toEqual({ value: 'y2018', text: '2018 (данные неполные)' });
		expect(unlistedChoice('q2018-4', choices, 2019, 'kk')?.text).toBe('2018 ж. 4-тоқсан (деректер толық емес)');
		for (const listed of ['y2019', 'q2026-3', 'last12', 'range', '']) expect(unlistedChoice(listed, choices, 2019, 'en')).toBeNull();
	});
});
