import { describe, expect, it } from 'vitest';
import { describeFilters } from './filters';

describe('describeFilters', () => {
	it('names regions, enumerations and categories in the language asked for, in catalog order', () => {
		const params = new URLSearchParams('case_type=civil,criminal&region=KZ-71,KZ-75&period=2024');
		expect(describeFilters(params, 'ru')).toEqual([
			{ label: 'Регион', values: 'Астана, Алматы' },
			{ label: 'Вид судопроизводства', values: expect.stringMatching(/^Гражданск.*, Уголовн/) }
		]);
		expect(describeFilters(params, 'kk')[0]).toEqual({ label: 'Өңір', values: 'Астана, Алматы' });
		expect(describeFilters(params, 'en')[0]).toEqual({ label: 'Region', values: 'Astana, Almaty' });
	});

	it('keeps a code it has no name for, and ignores parameters that are not filters', () => {
		expect(describeFilters(new URLSearchParams('judge=J-17&grain=month&tab=x'), 'en')).toEqual([{ label: 'Judge', values: 'J-17' }]);
		expect(describeFilters(new URLSearchParams(''), 'en')).toEqual([]);
	});
});
