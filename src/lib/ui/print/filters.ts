/**
 * The active filters of a view, in words, for the header of a printed briefing. Read from the
 * URL parameters every page keeps its view state in (query.ts), so any page's filters print.
 */
import { DIMENSIONS, type Dimension } from '$lib/domain/catalog/dimensions';
import { categoryById } from '$lib/domain/categories';
import { courtById } from '$lib/domain/courts';
import { tr, type Locale } from '$lib/domain/l10n';
import { regionByCode } from '$lib/domain/regions';

export interface FilterText {
	label: string;
	values: string;
}

function valueName(dim: Dimension, value: string, locale: Locale): string {
	const values = dim.values;
	const name =
		values.kind === 'region'
			? regionByCode(value)?.name
			: values.kind === 'court'
				? courtById(value)?.name
				: values.kind === 'category'
					? categoryById(value)?.name
					: values.kind === 'enum'
						? values.values.find((v) => v.value === value)?.label
						: undefined;
	return name ? tr(name, locale) : value;
}

export function describeFilters(params: URLSearchParams, locale: Locale): FilterText[] {
	return DIMENSIONS.flatMap((dim) => {
		const raw = params.get(dim.id);
		if (!raw) return [];
		return [{ label: tr(dim.label, locale), values: raw.split(',').map((v) => valueName(dim, v, locale)).join(', ') }];
	});
}
