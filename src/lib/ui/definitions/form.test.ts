import { describe, expect, it } from 'vitest';
import { parseDefinition } from '$lib/domain/definitions/shape';
import { definitionToForm, emptyForm, formToDefinition } from './form';

const columns = [
	{ name: 'Year', type: 'year' as const },
	{ name: 'Month', type: 'month' as const },
	{ name: 'Case Type', type: 'text' as const },
	{ name: 'Filings', type: 'number' as const }
];

describe('definition editor form', () => {
	it('turns the form into a definition of the right shape and back', () => {
		const form = {
			...emptyForm(4),
			id: 'criminal_share',
			name: { ru: 'Доля', kk: 'Үлес', en: 'Share' },
			ratio: true,
			numerator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Type', op: 'in', value: 'Criminal;Traffic' }] },
			denominator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Year', op: 'ge', value: '2020' }] },
			timeMode: 'parts' as const,
			year: 'Year',
			month: 'Month',
			dimensions: ['Case Type'],
			unit: 'percent',
			better: 'lower',
			warn: '25',
			bad: '30,5'
		};
		const definition = formToDefinition(form, columns);
		expect(definition).toEqual({
			id: 'criminal_share',
			dataset: 4,
			name: { ru: 'Доля', kk: 'Үлес', en: 'Share' },
			measure: {
				ratio: {
					numerator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Type', op: 'in', value: ['Criminal', 'Traffic'] }] },
					denominator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Year', op: 'ge', value: 2020 }] }
				},
				scale: 100
			},
			time: { year: 'Year', month: 'Month' },
			dimensions: ['Case Type'],
			unit: 'percent',
			better: 'lower',
			thresholds: { warn: 25, bad: 30.5 }
		});
		const parsed = parseDefinition(definition);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(formToDefinition(definitionToForm({ ...parsed.definition, datasetId: 4 }), columns)).toEqual(definition);
	});
});
