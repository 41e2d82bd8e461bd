import { describe, expect, it } from 'vitest';
import { COURTS } from './courts';
import { shortLabel, shortLabels, valueLabel } from './labels';
import { LOCALES } from './l10n';
import { FRAUD_SCHEMES, OUTCOMES } from './schema';

describe('short names', () => {
	it('of courts are unique among the courts of each region, in every language, and never longer than the name', () => {
		for (const locale of LOCALES) {
			const regions = new Set(COURTS.map((c) => c.region));
			for (const region of regions) {
				const courts = COURTS.filter((c) => c.region === region);
				const shorts = courts.map((c) => shortLabel('court', c.id, locale));
				expect(new Set(shorts).size, `${region} ${locale}`).toBe(courts.length);
				courts.forEach((c, i) => expect(shorts[i].length).toBeLessThanOrEqual(valueLabel('court', c.id, locale).length));
			}
		}
	});

	it('of schemes and outcomes are unique and shorter where curated', () => {
		for (const locale of LOCALES) {
			for (const [dimension, values] of [
				['scheme', FRAUD_SCHEMES],
				['outcome', OUTCOMES]
			] as const) {
				const shorts = values.map((v) => shortLabel(dimension, v.value, locale));
				expect(new Set(shorts).size, `${dimension} ${locale}`).toBe(values.length);
				values.forEach((v, i) => expect(shorts[i].length).toBeLessThanOrEqual(valueLabel(dimension, v.value, locale).length));
			}
		}
	});

	it('name the region where two courts shown together would read the same, and give way to the full names where that is not enough', () => {
		const labels = shortLabels('court', ['KZ75-D02', 'KZ19-D02', 'KZ19-D03'], 'en');
		expect(labels.get('KZ75-D02')).toBe('Almaty · District Court No. 2');
		expect(labels.get('KZ19-D02')).toBe('Almaty region · District Court No. 2');
		expect(labels.get('KZ19-D03')).toBe('District Court No. 3');
		// In Kazakh the city and the region are both "Алматы" without the word for region.
		const kk = shortLabels('court', ['KZ75-D02', 'KZ19-D02'], 'kk');
		expect(kk.get('KZ75-D02')).toBe(valueLabel('court', 'KZ75-D02', 'kk'));
		expect(kk.get('KZ19-D02')).toBe(valueLabel('court', 'KZ19-D02', 'kk'));
		const economic = shortLabels('court', ['KZ47-SMEC', 'KZ63-SMEC'], 'kk');
		expect([...economic.values()]).toEqual(['Маңғыстау · Экономикалық сот', 'Шығыс Қазақстан · Экономикалық сот']);
	});
});
