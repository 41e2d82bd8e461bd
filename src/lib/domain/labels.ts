/**
 * Human names of dimension values in a language; unknown codes are shown as they are. Values
 * with long names also have curated short ones, for charts where space is tight.
 */
import { dimensionById, type Dimension, type DimensionId } from './catalog/dimensions';
import { categoryById } from './categories';
import { courtById } from './courts';
import { tr, type L10n, type Locale } from './l10n';
import { regionByCode, regionShortName } from './regions';

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

/** Curated short names of long enum values, by dimension (courts carry their own, courts.ts). */
const SHORT: Partial<Record<DimensionId, Record<string, L10n>>> = {
	scheme: {
		fake_bank_security: { ru: 'Звонок «из банка»', kk: '«Банктен» қоңырау', en: 'Bank security call' },
		classifieds_buyer_seller: { ru: 'Сайт объявлений', kk: 'Хабарландыру сайты', en: 'Classifieds' },
		hacked_messenger: { ru: 'Взлом мессенджера', kk: 'Мессенджерді бұзу', en: 'Hacked messenger' },
		investment_platform: { ru: 'Ложные инвестиции', kk: 'Жалған инвестиция', en: 'Fake investment' },
		online_loan_identity: { ru: 'Кредит на чужие данные', kk: 'Бөтен деректерге несие', en: 'Loan on stolen identity' }
	},
	outcome: {
		convicted: { ru: 'Обвинительный приговор', kk: 'Айыптау үкімі', en: 'Convicted' },
		partially_granted: { ru: 'Удовл. частично', kk: 'Ішінара қанағатт.', en: 'Partly granted' },
		left_without_consideration: { ru: 'Без рассмотрения', kk: 'Қараусыз қалдырылды', en: 'Not considered' },
		not_admitted: { ru: 'Не допущено', kk: 'Жіберілмеді', en: 'Not admitted' }
	},
	review_outcome: {
		not_admitted: { ru: 'Не допущено', kk: 'Жіберілмеді', en: 'Not admitted' }
	},
	category: {
		'civil.invalid_transaction': { ru: 'Недействит. сделки', kk: 'Жарамсыз мәмілелер', en: 'Invalid transactions' },
		'civil.crypto_refund': { ru: 'Цифровые активы', kk: 'Цифрлық активтер', en: 'Crypto refunds' }
	}
};

export function shortLabel(dimension: DimensionId, value: string, locale: Locale): string {
	if (dimensionById(dimension)?.values.kind === 'court') {
		const court = courtById(value);
		if (court) return tr(court.short, locale);
	}
	const short = SHORT[dimension]?.[value];
	return short ? tr(short, locale) : valueLabel(dimension, value, locale);
}

/** A court's short name after its region's ("Маңғыстау · Экономикалық сот"); null for other values. */
function placedCourt(dimension: DimensionId, value: string, locale: Locale): string | null {
	const court = dimensionById(dimension)?.values.kind === 'court' ? courtById(value) : undefined;
	return court ? `${regionShortName(court.region, locale)} · ${tr(court.short, locale)}` : null;
}

/** Each of `labels` where no other reads the same, else what `instead` gives for its value. */
function unique(values: readonly string[], labels: readonly string[], instead: (value: string) => string): string[] {
	const seen = new Map<string, number>();
	for (const l of labels) seen.set(l, (seen.get(l) ?? 0) + 1);
	return labels.map((l, i) => (seen.get(l)! > 1 ? instead(values[i]) : l));
}

/**
 * Short names of a set of values shown together: a short name two values would share (two
 * regions' "District Court No. 2") gives way to the court's short name after its region's, and
 * where even these meet (Almaty city and region in Kazakh), to the full names, so no two labels
 * read the same.
 */
export function shortLabels(dimension: DimensionId, values: readonly string[], locale: Locale): Map<string, string> {
	const full = (v: string) => valueLabel(dimension, v, locale);
	const placed = unique(
		values,
		values.map((v) => shortLabel(dimension, v, locale)),
		(v) => placedCourt(dimension, v, locale) ?? full(v)
	);
	return new Map(values.map((v, i) => [v, unique(values, placed, full)[i]]));
}
