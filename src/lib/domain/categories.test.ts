import { describe, expect, it } from 'vitest';
import { CASE_TYPE_VALUES, CATEGORIES, categoriesOf, categoryById } from './categories';
import { LOCALES } from './l10n';

describe('case categories', () => {
	it('have unique ids prefixed by their case type', () => {
		expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
		for (const c of CATEGORIES) {
			expect(c.id).toMatch(/^(civil|criminal|administrative|admin_offense)\.[a-z0-9_]+$/);
			expect(c.id.startsWith(`${c.caseType}.`)).toBe(true);
			expect(CASE_TYPE_VALUES).toContain(c.caseType);
		}
	});

	it('cover each case type with a workable number of categories', () => {
		expect(categoriesOf('civil').length).toBeGreaterThanOrEqual(12);
		expect(categoriesOf('civil').length).toBeLessThanOrEqual(15);
		expect(categoriesOf('criminal').length).toBeGreaterThanOrEqual(11);
		expect(categoriesOf('criminal').length).toBeLessThanOrEqual(14);
		expect(categoriesOf('administrative')).toHaveLength(8);
		expect(categoriesOf('admin_offense')).toHaveLength(8);
	});

	it('include the categories fraud victims and prosecutors use', () => {
		for (const id of ['civil.loan', 'civil.unjust_enrichment', 'civil.invalid_transaction', 'civil.crypto_refund', 'civil.consumer']) {
			expect(categoryById(id), id).toBeDefined();
		}
		expect(categoryById('criminal.fraud_190')?.article).toBe('190');
		expect(categoryById('criminal.droppers_232_1')?.article).toBe('232-1');
		expect(categoryById('criminal.theft_188')?.article).toBe('188');
		expect(categoryById('criminal.drugs_296')?.article).toBe('296');
		expect(categoryById('criminal.traffic_345')?.article).toBe('345');
		expect(categoryById('admin_offense.petty_hooliganism')?.article).toBe('434');
	});

	it('key every criminal category but "other" by its article, matching the id', () => {
		for (const c of categoriesOf('criminal')) {
			if (c.id === 'criminal.other') expect(c.article).toBeUndefined();
			else expect(c.id.endsWith(`_${c.article?.replace('-', '_')}`), c.id).toBe(true);
		}
	});

	it('name every category in Russian, Kazakh and English, unique within its case type', () => {
		for (const type of CASE_TYPE_VALUES) {
			for (const locale of LOCALES) {
				const names = categoriesOf(type).map((c) => c.name[locale]);
				for (const n of names) expect(n.trim().length).toBeGreaterThan(2);
				expect(new Set(names).size, `${type} ${locale}`).toBe(names.length);
			}
		}
	});

	it('finds categories by id', () => {
		expect(categoryById('civil.labour')?.caseType).toBe('civil');
		expect(categoryById('civil.unknown')).toBeUndefined();
	});
});
