/**
 * Dimensions: the ways an indicator can be broken down or filtered. Each maps to one column of
 * the fact tables it exists in; this list is the whitelist of identifiers the SQL compiler uses.
 */
import type { L10n } from '../l10n';
import {
	CASE_TYPES,
	FRAUD_CHANNELS,
	FRAUD_SCHEMES,
	FRAUD_STATUSES,
	INSTANCES,
	OUTCOMES,
	VICTIM_AGE_GROUPS,
	type EnumValue
} from '../schema';

/**
 * Sources an indicator is computed from (the SQL of each lives in the server's fact list).
 * `fraud_verdicts` links fraud incidents to their first-instance court case by case number;
 * `fraud_reviews` adds the next instance's decision on it.
 */
export type FactId = 'cases' | 'appeals' | 'reviews' | 'fraud' | 'court_stats' | 'fraud_verdicts' | 'fraud_reviews';
/** A fact of the catalog, or a dataset read by indicators defined as data (described at run time). */
export type FactRef = FactId | `dataset:${string}`;
export const CASE_FACTS: readonly FactId[] = ['cases', 'appeals', 'reviews'];
const FRAUD_FACTS: readonly FactId[] = ['fraud', 'fraud_verdicts', 'fraud_reviews'];

export const DIMENSION_IDS = [
	'region',
	'court',
	'instance',
	'case_type',
	'category',
	'judge',
	'article',
	'outcome',
	'review_outcome',
	'scheme',
	'channel',
	'status',
	'victim_age_group'
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export type DimensionValues =
	| { kind: 'region' }
	| { kind: 'court' }
	| { kind: 'category' }
	| { kind: 'enum'; values: readonly EnumValue[] }
	| { kind: 'code' }
	/** A dataset's column (indicators defined as data): any text, `distinct` values in the data. */
	| { kind: 'text'; distinct: number };

export interface Dimension {
	id: DimensionId;
	label: L10n;
	column: string;
	facts: readonly FactRef[];
	values: DimensionValues;
	/** Shown only to roles allowed to see individual judges. */
	personal?: boolean;
}

const d = (
	id: DimensionId,
	column: string,
	facts: readonly FactId[],
	values: DimensionValues,
	label: L10n,
	personal = false
): Dimension => ({ id, column, facts, values, label, personal });

const ALL: readonly FactId[] = ['cases', 'appeals', 'reviews', 'court_stats', ...FRAUD_FACTS];
const COURT_FACTS: readonly FactId[] = [...CASE_FACTS, 'court_stats'];

export const DIMENSIONS: readonly Dimension[] = [
	d('region', 'region', ALL, { kind: 'region' }, { ru: 'Регион', kk: 'Өңір', en: 'Region' }),
	d('court', 'court_id', COURT_FACTS, { kind: 'court' }, { ru: 'Суд', kk: 'Сот', en: 'Court' }),
	d('instance', 'instance', COURT_FACTS, { kind: 'enum', values: INSTANCES }, { ru: 'Инстанция', kk: 'Саты', en: 'Instance' }),
	d(
		'case_type',
		'case_type',
		COURT_FACTS,
		{ kind: 'enum', values: CASE_TYPES },
		{ ru: 'Вид судопроизводства', kk: 'Іс түрі', en: 'Case type' }
	),
	d('category', 'category', COURT_FACTS, { kind: 'category' }, { ru: 'Категория', kk: 'Санат', en: 'Category' }),
	d('judge', 'judge_id', CASE_FACTS, { kind: 'code' }, { ru: 'Судья', kk: 'Судья', en: 'Judge' }, true),
	d('article', 'article', [...CASE_FACTS, ...FRAUD_FACTS], { kind: 'code' }, { ru: 'Статья', kk: 'Бап', en: 'Article' }),
	d(
		'outcome',
		'outcome',
		['cases', 'appeals', 'fraud_verdicts', 'fraud_reviews'],
		{ kind: 'enum', values: OUTCOMES },
		{ ru: 'Результат', kk: 'Нәтиже', en: 'Outcome' }
	),
	// What the next instance decided on a proceeding (upheld, reversed…): the appeal result.
	d(
		'review_outcome',
		'review_outcome',
		['reviews', 'fraud_reviews'],
		{ kind: 'enum', values: OUTCOMES },
		{ ru: 'Результат пересмотра', kk: 'Қайта қарау нәтижесі', en: 'Review outcome' }
	),
	d('scheme', 'scheme', FRAUD_FACTS, { kind: 'enum', values: FRAUD_SCHEMES }, { ru: 'Схема', kk: 'Схема', en: 'Scheme' }),
	d('channel', 'channel', FRAUD_FACTS, { kind: 'enum', values: FRAUD_CHANNELS }, { ru: 'Канал', kk: 'Арна', en: 'Channel' }),
	d('status', 'status', FRAUD_FACTS, { kind: 'enum', values: FRAUD_STATUSES }, { ru: 'Статус', kk: 'Мәртебе', en: 'Status' }),
	d(
		'victim_age_group',
		'victim_age_group',
		FRAUD_FACTS,
		{ kind: 'enum', values: VICTIM_AGE_GROUPS },
		{ ru: 'Возраст потерпевшего', kk: 'Жәбірленуші жасы', en: 'Victim age' }
	)
];

const BY_ID = new Map(DIMENSIONS.map((x) => [x.id, x]));

export function dimensionById(id: string): Dimension | undefined {
	return BY_ID.get(id as DimensionId);
}

export function isDimensionId(id: string): id is DimensionId {
	return BY_ID.has(id as DimensionId);
}

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];
