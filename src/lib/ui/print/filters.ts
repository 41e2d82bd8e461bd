/**
 * The active filters of a view, in words, for the header of a printed briefing. Read from the
 * URL parameters every page keeps its view state in (query.ts), so any page's filters print.
 */
import { DIMENSIONS } from '$lib/domain/catalog/dimensions';
import { tr, type Locale } from '$lib/domain/l10n';
import { valueLabel } from '$lib/domain/labels';

export interface FilterText {
	label: string;
	values: string;
}

export function describeFilters(params: URLSearchParams, locale: Locale): FilterText[] {
	return DIMENSIONS.flatMap((dim) => {
		const raw = params.get(dim.id);
		if (!raw) return [];
		return [
			{
				label: tr(dim.label, locale),
				values: raw
					.split(',')
					.map((v) => valueLabel(dim.id, v, locale))
					.join(', ')
			}
		];
	});
}
