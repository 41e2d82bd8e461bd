/** The values a filter offers, with their names, from the domain's directories (no server trip). */
import { dimensionById, type Dimension, type DimensionId } from '$lib/domain/catalog';
import { CATEGORIES } from '$lib/domain/categories';
import { COURTS } from '$lib/domain/courts';
import { tr, type Locale } from '$lib/domain/l10n';
import { valueLabel } from '$lib/domain/labels';
import type { Filters } from '$lib/domain/query';
import { REGIONS } from '$lib/domain/regions';
import { CASE_TYPES, enumLabel } from '$lib/domain/schema';

export interface Option {
	value: string;
	label: string;
	/** The heading the option is listed under (a category under its case type). */
	group?: string;
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/**
 * Options of a dimension, narrowed by the other filters where they nest: courts by region,
 * categories by case type. Free-form codes (judge, article) have no list.
 */
export function filterOptions(id: DimensionId, filters: Filters, locale: Locale): Option[] {
	const values = dimensionById(id)?.values;
	switch (values?.kind) {
		case 'region':
			return REGIONS.map((r) => ({ value: r.code, label: tr(r.name, locale) })).sort(byLabel);
		case 'court': {
			const regions = filters.region;
			return COURTS.filter((c) => !regions?.length || regions.includes(c.region))
				.map((c) => ({ value: c.id, label: tr(c.name, locale) }))
				.sort(byLabel);
		}
		case 'category': {
			const types = filters.case_type;
			return CATEGORIES.filter((c) => !types?.length || types.includes(c.caseType)).map((c) => ({
				value: c.id,
				label: tr(c.name, locale),
				group: tr(enumLabel(CASE_TYPES, c.caseType)!, locale)
			}));
		}
		case 'enum':
			return values.values.map((v) => ({ value: v.value, label: tr(v.label, locale) }));
		default:
			return [];
	}
}

export function optionLabel(dimension: DimensionId | Dimension, value: string, locale: Locale): string {
	return valueLabel(dimension, value, locale);
}

/** Options in runs of the same group, in their order: the optgroups of a select. */
export function groupOptions(options: readonly Option[]): { group?: string; options: Option[] }[] {
	const runs: { group?: string; options: Option[] }[] = [];
	for (const option of options) {
		const last = runs.at(-1);
		if (last && last.group === option.group) last.options.push(option);
		else runs.push({ group: option.group, options: [option] });
	}
	return runs;
}
