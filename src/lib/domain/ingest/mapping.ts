/**
 * Which column of a file is which canonical field: suggested from header synonyms in Russian,
 * Kazakh and English, and which kind of dataset the columns make. Shared by the browser (the
 * suggestion the user corrects) and the server (the CLI, which has no one to ask).
 */
import { CANONICAL_TABLES, type CanonicalKind, type FieldSpec } from '../schema';
import { candidateOf, foldText, suggest, type Candidate } from './fuzzy';
import { namedAs, variantOf, type Named } from './words';

export type DatasetKind = CanonicalKind | 'other';
export const DATASET_KINDS: readonly DatasetKind[] = ['cases', 'fraud', 'court_stats', 'other'];

export function isDatasetKind(value: unknown): value is DatasetKind {
	return typeof value === 'string' && (DATASET_KINDS as readonly string[]).includes(value);
}

/** Header spellings beyond the field's name and its labels in the schema (which count too). */
const SYNONYMS: Record<CanonicalKind, Record<string, readonly string[]>> = {
	cases: {
		case_id: ['id', 'ид', 'идентификатор', 'id дела', 'id производства', 'proceeding', 'case id'],
		case_number: ['номер дела', '№ дела', 'номер', 'іс нөмірі', 'істің нөмірі', 'case no', 'case number', 'number', 'docket'],
		instance: ['инстанция', 'судебная инстанция', 'саты', 'сот сатысы', 'instance', 'level'],
		court_id: ['суд', 'код суда', 'наименование суда', 'сот', 'сот коды', 'court', 'court code', 'court id'],
		region: ['регион', 'область', 'облыс', 'өңір', 'аймақ', 'region', 'oblast', 'като', 'kato', 'код региона'],
		case_type: ['вид судопроизводства', 'вид дела', 'тип дела', 'іс түрі', 'сот ісін жүргізу түрі', 'case type', 'type'],
		category: ['категория', 'категория дела', 'санат', 'іс санаты', 'category'],
		article: ['статья', 'статья ук', 'бап', 'article'],
		judge_id: ['судья', 'код судьи', 'судья id', 'судья коды', 'judge', 'judge id'],
		filed_date: [
			'дата поступления',
			'поступило',
			'дата регистрации',
			'түскен күні',
			'түскен күн',
			'тіркелген күні',
			'filed',
			'filing date',
			'date filed',
			'received'
		],
		decided_date: [
			'дата решения',
			'дата рассмотрения',
			'дата окончания',
			'шешім күні',
			'шешім шығарылған күн',
			'decided',
			'decision date',
			'date decided'
		],
		outcome: ['результат', 'результат рассмотрения', 'исход', 'нәтиже', 'outcome', 'result', 'decision'],
		e_filed: ['электронно', 'подано электронно', 'электронная подача', 'электронды', 'e-filed', 'efiled'],
		hearing_format: ['формат', 'форма заседания', 'формат заседания', 'отырыс форматы', 'hearing', 'hearing format'],
		av_recorded: ['аудиозапись', 'видеозапись', 'аудио видео', 'аудио-видеозапись', 'бейнежазба', 'recorded', 'av recorded'],
		reconciliation: ['примирение', 'медиация', 'татуласу', 'reconciliation', 'mediation'],
		claim_amount_kzt: ['сумма иска', 'цена иска', 'талап сомасы', 'claim', 'claim amount'],
		awarded_amount_kzt: ['присуждено', 'взыскано', 'сумма взыскания', 'өндірілді', 'awarded', 'awarded amount'],
		auto_assigned: ['автораспределение', 'автоматическое распределение', 'автобөлу', 'auto assigned', 'auto-assigned'],
		extraterritorial: ['экстерриториальность', 'экстерриториальная подсудность', 'экстерриториялық', 'extraterritorial']
	},
	fraud: {
		incident_id: ['id', 'ид', 'id факта', 'номер факта', 'куи', 'номер куи', 'факт id', 'incident', 'incident id'],
		registered_date: ['дата регистрации', 'дата', 'зарегистрировано', 'тіркелген күні', 'күні', 'registered', 'date', 'registration date'],
		region: ['регион', 'область', 'облыс', 'өңір', 'аймақ', 'region', 'oblast', 'като', 'kato', 'код региона'],
		scheme: ['схема', 'способ', 'способ мошенничества', 'схема мошенничества', 'алаяқтық схемасы', 'scheme', 'method'],
		channel: ['канал', 'канал связи', 'арна', 'channel'],
		damage_kzt: ['ущерб', 'сумма ущерба', 'размер ущерба', 'залал', 'залал сомасы', 'damage', 'loss', 'amount'],
		recovered_kzt: ['возмещено', 'возмещение', 'сумма возмещения', 'өтелді', 'өтелген', 'recovered', 'refunded'],
		article: ['статья', 'статья ук', 'бап', 'қк бабы', 'article'],
		status: ['статус', 'состояние', 'мәртебе', 'status', 'state'],
		victim_age_group: [
			'возраст',
			'возраст потерпевшего',
			'возрастная группа',
			'жасы',
			'жәбірленушінің жасы',
			'age',
			'victim age',
			'age group'
		],
		case_number: ['номер дела', '№ дела', 'номер дела в суде', 'іс нөмірі', 'case number', 'case no']
	},
	court_stats: {
		period_start: ['начало периода', 'период с', 'с', 'дата начала', 'кезең басы', 'from', 'start', 'period start'],
		period_end: ['конец периода', 'период по', 'по', 'дата окончания', 'кезең соңы', 'to', 'end', 'period end'],
		region: ['регион', 'область', 'облыс', 'өңір', 'аймақ', 'region', 'oblast', 'като', 'kato', 'код региона'],
		court_id: ['суд', 'код суда', 'сот', 'сот коды', 'court', 'court id'],
		instance: ['инстанция', 'саты', 'instance'],
		case_type: ['вид судопроизводства', 'вид дела', 'іс түрі', 'case type'],
		category: ['категория', 'санат', 'category'],
		pending_start: [
			'остаток на начало',
			'остаток на начало периода',
			'не окончено на начало',
			'басындағы қалдық',
			'pending start',
			'pending at start',
			'opening backlog'
		],
		incoming: ['поступило', 'поступило дел', 'поступление', 'түсті', 'түскен істер', 'incoming', 'received', 'filed'],
		resolved: ['окончено', 'рассмотрено', 'окончено производством', 'аяқталды', 'қаралды', 'resolved', 'disposed', 'decided'],
		pending_end: [
			'остаток на конец',
			'остаток на конец периода',
			'не окончено на конец',
			'соңындағы қалдық',
			'pending end',
			'pending at end',
			'closing backlog'
		]
	}
};

/** Header text reduced to what matters: lower case, ё as е, letters and digits separated by single spaces. */
export function headerKey(text: string): string {
	return text
		.toLowerCase()
		.replaceAll('ё', 'е')
		.replace(/[_\-–—.,:;()"'«»/\\№#]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function spellings(kind: CanonicalKind, field: FieldSpec): string[] {
	return [field.name, field.label.ru, field.label.kk, field.label.en, ...(SYNONYMS[kind][field.name] ?? [])].map(headerKey);
}

const INDEX = new Map(
	(Object.keys(CANONICAL_TABLES) as CanonicalKind[]).map((kind) => {
		const byKey = new Map<string, string>();
		for (const field of CANONICAL_TABLES[kind].fields) {
			for (const key of spellings(kind, field)) if (!byKey.has(key)) byKey.set(key, field.name);
		}
		return [kind, byKey] as const;
	})
);

/** Words of a header that do not tell fields apart (units, joining words). */
const HEADER_IGNORED = new Set(['тг', 'тенге', 'kzt', 'и', 'в', 'по', 'на', 'the', 'of', 'in'].map(foldText));

const LOOSE = new Map(
	(Object.keys(CANONICAL_TABLES) as CanonicalKind[]).map((kind) => {
		const fields = CANONICAL_TABLES[kind].fields;
		const named: Named<string>[] = fields.map((f) => namedAs(f.name, spellings(kind, f), HEADER_IGNORED));
		const candidates: Candidate<string>[] = fields.map((f) => candidateOf(f.name, spellings(kind, f)));
		return [kind, { named, candidates }] as const;
	})
);

/** Field of each column (by position) or null; each field is given to its first column only. */
export type Mapping = (string | null)[];

/**
 * How a column found its field: its header is a known spelling (exact), or the same words give
 * or take one, in another form, order or abbreviation ("Дата пост. дела"; variant); or it only
 * looks like one (suggested: taken by the upload page for the user to confirm, never by the CLI).
 */
export type HeaderMatch = 'exact' | 'variant' | 'suggested';

export interface HeaderChoice {
	field: string | null;
	how: HeaderMatch | null;
}

/** Each column's field and how it was found; exact spellings are placed before variants, variants before suggestions. */
export function matchHeaders(columns: readonly string[], kind: CanonicalKind): HeaderChoice[] {
	const byKey = INDEX.get(kind)!;
	const loose = LOOSE.get(kind)!;
	const out: HeaderChoice[] = columns.map(() => ({ field: null, how: null }));
	const taken = new Set<string>();
	const place = (how: HeaderMatch, find: (column: string) => string | null) =>
		columns.forEach((column, i) => {
			if (out[i].field) return;
			const field = find(column);
			if (!field || taken.has(field)) return;
			taken.add(field);
			out[i] = { field, how };
		});
	place('exact', (column) => byKey.get(headerKey(column)) ?? null);
	place('variant', (column) => variantOf(column, loose.named, 1, HEADER_IGNORED));
	place('suggested', (column) => suggest(column, loose.candidates, 0.8, HEADER_IGNORED)?.key ?? null);
	return out;
}

/** The fields of exact and variant headers: what is read without asking anyone. */
export function suggestMapping(columns: readonly string[], kind: CanonicalKind): Mapping {
	return matchHeaders(columns, kind).map((c) => (c.how === 'suggested' ? null : c.field));
}

/** A column left without a field, and the field it looks like (for the CLI's --map hint). */
export function unplacedColumns(
	columns: readonly string[],
	mapping: Mapping,
	kind: CanonicalKind
): { column: string; suggestion: string | null }[] {
	const choices = matchHeaders(columns, kind);
	const mapped = new Set(mapping.filter(Boolean));
	return columns.flatMap((column, i) =>
		mapping[i] ? [] : [{ column, suggestion: choices[i].field && !mapped.has(choices[i].field) ? choices[i].field : null }]
	);
}

/** Required fields of the kind that no column is mapped to. */
export function missingRequired(mapping: Mapping, kind: CanonicalKind): FieldSpec[] {
	const mapped = new Set(mapping.filter((f): f is string => !!f));
	return CANONICAL_TABLES[kind].fields.filter((f) => f.required && !mapped.has(f.name));
}

export interface KindGuess {
	kind: DatasetKind;
	mapping: Mapping;
	missing: FieldSpec[];
}

/**
 * The canonical kind whose required fields the columns cover best; "other" when none covers at
 * least half of them. A kind with some fields missing is still proposed, with what is missing.
 */
export function detectKind(columns: readonly string[]): KindGuess {
	let best: KindGuess & { score: number } = { kind: 'other', mapping: columns.map(() => null), missing: [], score: 0.5 };
	for (const kind of Object.keys(CANONICAL_TABLES) as CanonicalKind[]) {
		const mapping = suggestMapping(columns, kind);
		const required = CANONICAL_TABLES[kind].fields.filter((f) => f.required).length;
		const missing = missingRequired(mapping, kind);
		const score = (required - missing.length) / required;
		if (score > best.score || (score === best.score && best.kind !== 'other' && missing.length < best.missing.length)) {
			best = { kind, mapping, missing, score };
		}
	}
	const { score: _, ...guess } = best;
	return guess;
}

/** Validates a mapping sent by a client: known fields of the kind, each used at most once. */
export function checkMapping(mapping: unknown, width: number, kind: CanonicalKind): mapping is Mapping {
	if (!Array.isArray(mapping) || mapping.length !== width) return false;
	const names = new Set(CANONICAL_TABLES[kind].fields.map((f) => f.name));
	const used = mapping.filter((f) => f !== null);
	return used.every((f) => typeof f === 'string' && names.has(f)) && new Set(used).size === used.length;
}
