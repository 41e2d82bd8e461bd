/** Human names of dimension values in a language; unknown codes are shown as they are. */
import { dimensionById, type Dimension, type DimensionId } from './catalog/dimensions';
import { categoryById } from './categories';
import { courtById } from './courts';
import { tr, type Locale } from './l10n';
import { regionByCode } from './regions';

/** `dimension`: a catalog dimension's id, or the dimension itself (a defined indicator's column). */
export function valueLabel(dimension: DimensionId | Dimension, value: string, locale: Locale): string {
	const dim = typeof dimension === 'string' ? dimensionById(dimension) : dimension;
	if (!dim || value === '') return value;
	switch (dim.values.kind) {
		case 'region': {
			const region = regionByCode(value);
			return region ? tr(region.name, locale) : value;
		}
		case 'court': {
			const court = courtById(value);
			return court ? tr(court.name, locale) : value;
		}
		case 'category': {
			const category = categoryById(value);
			return category ? tr(category.name, locale) : value;
		}
		case 'enum': {
			const label = dim.values.values.find((v) => v.value === value)?.label;
			return label ? tr(label, locale) : value;
		}
		case 'code':
		case 'text':
			return value;
	}
}
