/**
 * Cell values of enumerations, yes/no fields and regions as real files write them, placed on
 * the field's codes. In order:
 * - exact: a code or a label as the schema spells it (values.ts) or a region normalizeRegion knows;
 * - given: a value the user mapped (the upload preview, a profile, the CLI's --values);
 * - variant: the same words as a code's label or a common spreadsheet spelling of it, in any
 *   grammatical form, order or abbreviation (words.ts), naming one code only;
 * - otherwise nothing, with a suggestion by likeness (fuzzy.ts) for the user to confirm.
 * Exact, given and variant values are loaded; a suggestion never is without confirmation.
 */
import type { L10n } from '../l10n';
import { normalizeRegion, REGIONS } from '../regions';
import { CANONICAL_TABLES, type CanonicalKind, type FieldSpec } from '../schema';
import { suggestRegion } from '../explore/region-suggest';
import { candidateOf, foldText, suggest, type Candidate } from './fuzzy';
import { enumKey, enumSpellings, parseBoolean } from './values';
import { namedAs, variantOf, type Named } from './words';

/** Per field name, the code of each value text (folded by `enumKey`). */
export type ValueCodes = Record<string, Record<string, string>>;

export type Placement = 'exact' | 'given' | 'variant';

export interface ValueChoice {
	code: string | null;
	how: Placement | null;
	/** For a value not placed: the code it most likely means, to be confirmed. */
	suggestion: string | null;
}

export interface FieldCode {
	code: string;
	label: L10n;
}

const YES_NO: readonly FieldCode[] = [
	{ code: 'true', label: { ru: 'Да', kk: 'Иә', en: 'Yes' } },
	{ code: 'false', label: { ru: 'Нет', kk: 'Жоқ', en: 'No' } }
];

/** Whether cell values of this field are placed on codes. */
export function isCodedField(field: FieldSpec): boolean {
	return field.type === 'enum' || field.type === 'boolean' || field.type === 'region';
}

/** The codes a value of this field can be placed on, with their names. */
export function codesOf(field: FieldSpec): readonly FieldCode[] {
	if (field.type === 'boolean') return YES_NO;
	if (field.type === 'region') return REGIONS.map((r) => ({ code: r.code, label: r.name }));
	return (field.values ?? []).map((v) => ({ code: v.value, label: v.label }));
}

/**
 * Common spellings in Russian (and Kazakh, English) spreadsheets beyond the schema's labels,
 * by field name and code. Grammatical forms, word order and abbreviations of these need no
 * entry (words.ts matches them).
 */
const SPELLINGS: Record<string, Record<string, readonly string[]>> = {
	instance: {
		first: ['1', 'I', '1 инстанция', 'первая', 'суд первой инстанции', 'первая инст', 'бірінші', 'first'],
		appeal: ['апелляционная', 'апелляционная инстанция', 'апелляционный суд', '2', 'II', 'апелляциялық', 'appellate'],
		cassation: ['кассационная', 'кассационная инстанция', 'кассационный суд', '3', 'III', 'кассациялық'],
		supervisory: ['надзор', 'надзорная', 'надзорная инстанция', 'Верховный суд', 'ВС РК', 'пересмотр', 'supervisory', 'supreme court']
	},
	case_type: {
		civil: ['гражданское', 'ГПК', 'гр'],
		criminal: ['уголовное', 'УПК', 'уг'],
		administrative: ['административное', 'АППК', 'административный процесс', 'ӘРПК'],
		admin_offense: [
			'административные правонарушения',
			'административное правонарушение',
			'адм правонарушения',
			'АП',
			'КоАП',
			'әкімшілік құқық бұзушылықтар',
			'administrative offence'
		]
	},
	outcome: {
		granted: ['удовлетворен', 'иск удовлетворен', 'удовлетворить', 'удовлетворено полностью', 'satisfied'],
		partially_granted: ['частично', 'удовлетворен частично', 'иск удовлетворен частично', 'partly granted'],
		denied: ['отказано в удовлетворении', 'в иске отказано', 'отказ', 'отказано в иске', 'отклонено', 'rejected', 'dismissed'],
		left_without_consideration: ['оставлен без рассмотрения', 'без рассмотрения', 'ОБР'],
		terminated: ['прекращено', 'производство по делу прекращено', 'прекращение производства', 'discontinued'],
		settled: ['мировое', 'утверждено мировое соглашение', 'мировое соглашение утверждено', 'settlement'],
		convicted: ['обвинительный', 'обвинительный приговор', 'осужден', 'наложено взыскание', 'взыскание', 'guilty'],
		acquitted: ['оправдательный', 'оправдан', 'not guilty'],
		returned_to_prosecutor: ['возврат прокурору', 'возвращено прокурору'],
		upheld: ['без изменения', 'оставлено без изменений', 'оставить без изменения', 'оставлен в силе', 'affirmed'],
		reversed: ['отмена', 'отменено полностью', 'отменить', 'quashed'],
		modified: ['изменение', 'изменить', 'изменено частично', 'varied'],
		returned: ['возврат', 'возвращена жалоба'],
		not_admitted: ['не допущено', 'не допущена', 'не принято к производству']
	},
	hearing_format: {
		in_person: ['очное', 'очный', 'очная', 'в зале суда', 'бетпе бет'],
		video: ['ВКС', 'видео', 'видеосвязь', 'онлайн', 'дистанционно', 'дистанционное', 'видеоконференцсвязь', 'online', 'remote'],
		written: ['письменно', 'письменное', 'письменная', 'без вызова сторон', 'written']
	},
	reconciliation: {
		none: ['отсутствует', 'не было', 'не применялось'],
		mediation: ['медиатор', 'процедура медиации'],
		settlement: ['мировое', 'мировое соглашение утверждено'],
		e_reconciliation: ['электронное примирение', 'е примирение', 'e примирение', 'онлайн примирение']
	},
	channel: {
		phone_call: ['звонок', 'телефон', 'по телефону', 'call', 'phone'],
		messenger: ['WhatsApp', 'Telegram', 'ватсап', 'телеграм'],
		social_media: ['соцсети', 'социальная сеть', 'Instagram', 'Facebook', 'ВКонтакте', 'TikTok'],
		classifieds_site: ['OLX', 'Krisha', 'Kolesa', 'Крыша', 'Колеса', 'объявление', 'сайт объявлений', 'classifieds'],
		fake_website: ['фишинг', 'фишинговый сайт', 'phishing'],
		sms: ['смс', 'sms сообщение', 'смс сообщение']
	},
	victim_age_group: {
		under_18: ['до 18 лет', 'младше 18', 'несовершеннолетний', 'under 18'],
		'60_plus': ['60+', 'старше 60', 'старше 60 лет', '60 лет и старше', 'over 60'],
		unknown: ['неизвестно', 'не установлен', 'нет данных']
	},
	boolean: {
		true: ['есть', 'имеется', 'истина', 'бар', 'применялось', 'yes'],
		false: ['отсутствует', 'не имеется', 'ложь', 'жоқ', 'не применялось', 'no']
	}
};

/** Words that carry no meaning in a value ("в иске", "дела об АП", "60 лет", "civil cases"). */
const IGNORED = new Set(
	[
		'и',
		'в',
		'во',
		'по',
		'на',
		'об',
		'о',
		'к',
		'с',
		'со',
		'the',
		'of',
		'and',
		'лет',
		'жас',
		'years',
		'дело',
		'дела',
		'дел',
		'case',
		'cases',
		'іс',
		'істер'
	].map(foldText)
);

interface Matchers {
	named: Named<string>[];
	candidates: Candidate<string>[];
}

const MATCHERS = new Map<string, Matchers>();

function matchersOf(field: FieldSpec): Matchers {
	const key = field.type === 'enum' ? field.name : field.type;
	let matchers = MATCHERS.get(key);
	if (!matchers) {
		const extra = SPELLINGS[key] ?? {};
		const names = codesOf(field).map(({ code, label }) => ({
			code,
			names: [code, label.ru, label.kk, label.en, ...(extra[code] ?? [])]
		}));
		matchers = {
			named: names.map((n) => namedAs(n.code, n.names, IGNORED)),
			candidates: names.map((n) => candidateOf(n.code, n.names))
		};
		MATCHERS.set(key, matchers);
	}
	return matchers;
}

const SPELLINGS_OF = new WeakMap<FieldSpec, Map<string, string>>();

function exactCode(field: FieldSpec, text: string): string | null {
	if (field.type === 'boolean') {
		const value = parseBoolean(text);
		return value === null ? null : String(value);
	}
	if (field.type === 'region') {
		const match = normalizeRegion(text);
		return match.ok ? match.code : null;
	}
	let spellings = SPELLINGS_OF.get(field);
	if (!spellings) SPELLINGS_OF.set(field, (spellings = enumSpellings(field.values ?? [])));
	return spellings.get(enumKey(text)) ?? null;
}

/** Where a cell's text (not empty) of a coded field goes; `given` are the user's codes of the field. */
export function placeValue(field: FieldSpec, text: string, given: Readonly<Record<string, string>> = {}): ValueChoice {
	const mapped = given[enumKey(text)];
	if (mapped !== undefined) return { code: mapped, how: 'given', suggestion: null };
	const exact = exactCode(field, text);
	if (exact !== null) return { code: exact, how: 'exact', suggestion: null };
	// Regions have their own spellings (regions.ts); only a likeness is added here.
	if (field.type === 'region') return { code: null, how: null, suggestion: suggestRegion(text) };
	const matchers = matchersOf(field);
	const variant = variantOf(text, matchers.named, 0, IGNORED);
	if (variant !== null) return { code: variant, how: 'variant', suggestion: null };
	return { code: null, how: null, suggestion: suggest(text, matchers.candidates, 0.7, IGNORED)?.key ?? null };
}

/** A value of a column that is not placed exactly, with its count among the rows looked at. */
export interface ValueInFile extends ValueChoice {
	field: string;
	/** The file's header of the column. */
	column: string;
	text: string;
	count: number;
}

/**
 * Every distinct value of the coded fields in `rows` that is not a code or label as the schema
 * spells it, most frequent first per column: what the user confirms or corrects.
 */
export function valuesToConfirm(
	rows: readonly string[][],
	columns: readonly string[],
	mapping: readonly (string | null)[],
	kind: CanonicalKind,
	given: ValueCodes = {}
): ValueInFile[] {
	const fields = new Map(CANONICAL_TABLES[kind].fields.map((f) => [f.name, f]));
	const out: ValueInFile[] = [];
	mapping.forEach((name, index) => {
		const field = name ? fields.get(name) : undefined;
		if (!field || !isCodedField(field)) return;
		const counts = new Map<string, number>();
		for (const row of rows) {
			const text = (row[index] ?? '').trim();
			if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
		}
		const seen = new Set<string>();
		for (const [text, count] of [...counts].sort((a, b) => b[1] - a[1])) {
			const choice = placeValue(field, text, given[field.name]);
			// Texts differing only in case or spaces are one value for the loader: listed once, summed.
			const key = enumKey(text);
			if (choice.how === 'exact') continue;
			if (seen.has(key)) {
				out.find((v) => v.field === field.name && enumKey(v.text) === key)!.count += count;
				continue;
			}
			seen.add(key);
			out.push({ field: field.name, column: columns[index], text, count, ...choice });
		}
	});
	return out;
}

/** The first entry of `codes` that is not a coded field of the kind with one of its codes ("field:text=code"), or null. */
export function valueCodesProblem(codes: unknown, kind: CanonicalKind): string | null {
	if (typeof codes !== 'object' || codes === null || Array.isArray(codes)) return 'values';
	const fields = new Map(CANONICAL_TABLES[kind].fields.map((f) => [f.name, f]));
	for (const [name, map] of Object.entries(codes)) {
		const field = fields.get(name);
		if (!field || !isCodedField(field) || typeof map !== 'object' || map === null || Array.isArray(map)) return name;
		const allowed = new Set(codesOf(field).map((c) => c.code));
		for (const [text, code] of Object.entries(map)) {
			if (text.length > 500 || typeof code !== 'string' || !allowed.has(code)) return `${name}:${text}=${String(code)}`;
		}
	}
	return null;
}

export function checkValueCodes(codes: unknown, kind: CanonicalKind): codes is ValueCodes {
	return valueCodesProblem(codes, kind) === null;
}

/** Adds a user's code for a value; keys are folded as the loader compares them. */
export function withValueCode(codes: ValueCodes, field: string, text: string, code: string): ValueCodes {
	return { ...codes, [field]: { ...codes[field], [enumKey(text)]: code } };
}

/** A `--values` flag, "field:text=code", read; null when it is not in that shape. */
export function parseValueFlag(flag: string): { field: string; text: string; code: string } | null {
	const colon = flag.indexOf(':');
	const equals = flag.lastIndexOf('=');
	if (colon < 1 || equals <= colon + 1 || equals === flag.length - 1) return null;
	return { field: flag.slice(0, colon).trim(), text: flag.slice(colon + 1, equals).trim(), code: flag.slice(equals + 1).trim() };
}

/** The `--values` flag that places `text` of `field` on `code`, quoted for a shell. */
export function valueFlag(field: string, text: string, code: string): string {
	return `--values ${JSON.stringify(`${field}:${text}=${code}`)}`;
}
