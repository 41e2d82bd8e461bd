import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/domain/l10n';
import { REGION_CODES } from '$lib/domain/regions';
import { fitLabel, MAP_LABELS } from './labels';

describe('map labels', () => {
	it('name every region with a short name and an abbreviation, each unique in every language', () => {
		expect(Object.keys(MAP_LABELS).sort()).toEqual([...REGION_CODES].sort());
		for (const locale of LOCALES) {
			for (const kind of ['short', 'abbr'] as const) {
				const names = REGION_CODES.map((code) => MAP_LABELS[code][kind][locale]);
				expect(new Set(names).size, `${kind} ${locale}: ${names}`).toBe(names.length);
			}
			// The city and the region of Almaty are told apart (in Kazakh both were "Алматы").
			expect(MAP_LABELS['KZ-19'].short[locale]).not.toBe(MAP_LABELS['KZ-75'].short[locale]);
		}
	});

	it('shrink to the space, then abbreviate, then give up', () => {
		expect(fitLabel('KZ-43', 'ru', 200)).toEqual({ text: 'Кызылорда', size: 11 });
		const narrow = fitLabel('KZ-43', 'ru', 45)!;
		expect(narrow.text).toBe('Кызылорда');
		expect(narrow.size).toBeGreaterThanOrEqual(8);
		expect(narrow.size).toBeLessThan(11);
		expect(fitLabel('KZ-43', 'ru', 25)).toEqual({ text: 'Кзл', size: 11 });
		expect(fitLabel('KZ-43', 'ru', 10)).toBeNull();
	});
});
