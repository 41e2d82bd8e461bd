import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '$lib/domain/categories';
import { CASE_TYPES } from '$lib/domain/schema';
import { filterOptions, groupOptions } from './options';

describe('filter options', () => {
	it('lists categories under their case types, every category once', () => {
		const runs = groupOptions(filterOptions('category', {}, 'en'));
		expect(runs.map((r) => r.group)).toEqual(CASE_TYPES.map((t) => t.label.en));
		expect(runs.flatMap((r) => r.options.map((o) => o.value))).toEqual(CATEGORIES.map((c) => c.id));
		expect(runs.find((r) => r.group === 'Criminal')!.options.every((o) => o.value.startsWith('criminal.'))).toBe(true);
	});

	it('narrows categories to the chosen case type, and leaves lists without groups as one run', () => {
		expect(groupOptions(filterOptions('category', { case_type: ['civil'] }, 'kk')).map((r) => r.group)).toEqual(['Азаматтық']);
		const regions = groupOptions(filterOptions('region', {}, 'en'));
		expect(regions).toHaveLength(1);
		expect(regions[0].group).toBeUndefined();
		expect(regions[0].options).toHaveLength(20);
	});
});
