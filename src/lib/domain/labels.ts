/** Human names of dimension values in a language; unknown codes are shown as they are. */
import { dimensionById, type DimensionId } from './catalog/dimensions';
import { categoryById } from './categories';
import { courtById } from './courts';
import { tr, type Locale } from './l10n';
import { regionByCode } from './regions';

export function valueLabel(dimension: DimensionId, value: string, locale: Locale): string {
	const dim = dimensionById(dimension);
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
			return value;
	}
}
