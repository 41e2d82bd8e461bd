/**
 * The 20 first-level units of Kazakhstan in force since 8 June 2022, and the normalisation of
 * the many ways real files spell them (DOMAIN.md §3).
 */
import { tr, type L10n, type Locale } from './l10n';

export interface Region {
	/** ISO 3166-2:KZ code, the canonical key everywhere. */
	code: string;
	/** Two-digit KATO prefix; full KATO codes are this followed by seven zeros. */
	kato: string;
	name: L10n;
	/** Population on 1 January 2023 (Bureau of National Statistics). */
	population: number;
	/** Spellings seen in real files, matched after normalisation. */
	aliases: readonly string[];
	/** Former ISO 3166-2:KZ letter codes. */
	oldIso: readonly string[];
}

const r = (code: string, en: string, ru: string, kk: string, population: number, aliases: string[], oldIso: string[] = []): Region => ({
	code,
	kato: code.slice(3),
	name: { ru, kk, en },
	population,
	aliases,
	oldIso
});

export const REGIONS: readonly Region[] = [
	r('KZ-10', 'Abai', 'Абайская область', 'Абай облысы', 610_189, ['Abai', 'Abay', 'Абай', 'Абайская']),
	r(
		'KZ-11',
		'Akmola',
		'Акмолинская область',
		'Ақмола облысы',
		787_971,
		['Akmola', 'Aqmola', 'Akmolinskaya', 'Акмолинская', 'Ақмола', 'Акмола'],
		['KZ-AKM']
	),
	r(
		'KZ-15',
		'Aktobe',
		'Актюбинская область',
		'Ақтөбе облысы',
		928_185,
		['Aktobe', 'Aqtobe', 'Aktyubinsk', 'Aktyubinskaya', 'Актюбинская', 'Ақтөбе', 'Актобе'],
		['KZ-AKT']
	),
	r(
		'KZ-19',
		'Almaty region',
		'Алматинская область',
		'Алматы облысы',
		1_505_984,
		['Almaty region', 'Almaty oblast', 'Almaty oblysy', 'Almatinskaya', 'Алматинская'],
		['KZ-ALM']
	),
	r('KZ-23', 'Atyrau', 'Атырауская область', 'Атырау облысы', 693_040, ['Atyrau', 'Atyrauskaya', 'Атырауская', 'Атырау'], ['KZ-ATY']),
	r(
		'KZ-27',
		'West Kazakhstan',
		'Западно-Казахстанская область',
		'Батыс Қазақстан облысы',
		688_091,
		[
			'West Kazakhstan',
			'Western Kazakhstan',
			'Zapadno-Kazakhstanskaya',
			'Batys Kazakhstan',
			'Batys Qazaqstan',
			'Западно-Казахстанская',
			'Батыс Қазақстан',
			'ЗКО',
			'WKO'
		],
		['KZ-ZAP']
	),
	r(
		'KZ-31',
		'Zhambyl',
		'Жамбылская область',
		'Жамбыл облысы',
		1_217_955,
		['Zhambyl', 'Jambyl', 'Zhambul', 'Jambul', 'Zhambylskaya', 'Жамбылская', 'Жамбыл'],
		['KZ-ZHA']
	),
	r('KZ-33', 'Zhetysu', 'Жетысуская область', 'Жетісу облысы', 698_675, [
		'Zhetysu',
		'Jetisu',
		'Zhetisu',
		'Jetysu',
		'Zhetysuskaya',
		'Жетысуская',
		'Жетісу',
		'Жетысу'
	]),
	r(
		'KZ-35',
		'Karaganda',
		'Карагандинская область',
		'Қарағанды облысы',
		1_134_753,
		['Karaganda', 'Karagandy', 'Qaraghandy', 'Qaragandy', 'Karagandinskaya', 'Карагандинская', 'Қарағанды', 'Караганды'],
		['KZ-KAR']
	),
	r(
		'KZ-39',
		'Kostanay',
		'Костанайская область',
		'Қостанай облысы',
		832_110,
		['Kostanay', 'Kostanai', 'Qostanay', 'Kustanai', 'Kostanayskaya', 'Костанайская', 'Қостанай', 'Костанай'],
		['KZ-KUS']
	),
	r(
		'KZ-43',
		'Kyzylorda',
		'Кызылординская область',
		'Қызылорда облысы',
		833_531,
		['Kyzylorda', 'Qyzylorda', 'Kzyl-Orda', 'Kyzylordinskaya', 'Кызылординская', 'Қызылорда', 'Кызылорда'],
		['KZ-KZY']
	),
	r(
		'KZ-47',
		'Mangystau',
		'Мангистауская область',
		'Маңғыстау облысы',
		766_956,
		['Mangystau', 'Mangistau', 'Mangghystau', 'Mangistauskaya', 'Мангистауская', 'Маңғыстау', 'Мангыстау', 'Мангистау'],
		['KZ-MAN']
	),
	r(
		'KZ-55',
		'Pavlodar',
		'Павлодарская область',
		'Павлодар облысы',
		754_903,
		['Pavlodar', 'Pavlodarskaya', 'Павлодарская', 'Павлодар'],
		['KZ-PAV']
	),
	r(
		'KZ-59',
		'North Kazakhstan',
		'Северо-Казахстанская область',
		'Солтүстік Қазақстан облысы',
		534_024,
		[
			'North Kazakhstan',
			'Northern Kazakhstan',
			'Severo-Kazakhstanskaya',
			'Soltustik Kazakhstan',
			'Soltustik Qazaqstan',
			'Северо-Казахстанская',
			'Солтүстік Қазақстан',
			'СКО',
			'NKO'
		],
		['KZ-SEV']
	),
	r(
		'KZ-61',
		'Turkistan',
		'Туркестанская область',
		'Түркістан облысы',
		2_119_063,
		[
			'Turkistan',
			'Turkestan',
			'Turkestanskaya',
			'Туркестанская',
			'Түркістан',
			'Туркестан',
			'South Kazakhstan',
			'Southern Kazakhstan',
			'Ontustik Kazakhstan',
			'Ontustik Qazaqstan',
			'Южно-Казахстанская',
			'Оңтүстік Қазақстан',
			'ЮКО'
		],
		['KZ-YUZ']
	),
	r('KZ-62', 'Ulytau', 'Улытауская область', 'Ұлытау облысы', 221_395, ['Ulytau', 'Ulytauskaya', 'Улытауская', 'Ұлытау', 'Улытау']),
	r(
		'KZ-63',
		'East Kazakhstan',
		'Восточно-Казахстанская область',
		'Шығыс Қазақстан облысы',
		730_172,
		[
			'East Kazakhstan',
			'Eastern Kazakhstan',
			'Vostochno-Kazakhstanskaya',
			'Shygys Kazakhstan',
			'Shyghys Qazaqstan',
			'Восточно-Казахстанская',
			'Шығыс Қазақстан',
			'ВКО',
			'EKO'
		],
		['KZ-VOS']
	),
	r(
		'KZ-71',
		'Astana',
		'Астана',
		'Астана',
		1_354_435,
		['Astana', 'Астана', 'Nur-Sultan', 'Nursultan', 'Нур-Султан', 'Нұр-Сұлтан'],
		['KZ-AST']
	),
	r('KZ-75', 'Almaty', 'Алматы', 'Алматы', 2_161_695, ['Almaty city', 'Alma-Ata city'], ['KZ-ALA']),
	r('KZ-79', 'Shymkent', 'Шымкент', 'Шымкент', 1_191_877, ['Shymkent', 'Шымкент', 'Чимкент', 'Chimkent'], ['KZ-SHY'])
];

/** Abai, Zhetysu and Ulytau regions exist from this day (DOMAIN.md §3). */
export const REGIONS_FORMED = '2022-06-08';
/** The region each of them was split from: East Kazakhstan, Almaty region, Karaganda. */
export const SPLIT_FROM: Readonly<Record<string, string>> = { 'KZ-10': 'KZ-63', 'KZ-33': 'KZ-19', 'KZ-62': 'KZ-35' };

/** The region a place of today's region `code` belonged to on the day `date` (ISO). */
export function regionOn(code: string, date: string): string {
	return date < REGIONS_FORMED ? (SPLIT_FROM[code] ?? code) : code;
}

export const REGION_CODES: readonly string[] = REGIONS.map((x) => x.code);
const BY_CODE = new Map(REGIONS.map((x) => [x.code, x]));

export function regionByCode(code: string): Region | undefined {
	return BY_CODE.get(code);
}

export const TOTAL_POPULATION = REGIONS.reduce((sum, x) => sum + x.population, 0);

/** Kazakh letters folded to their nearest Russian ones, so Қарағанды and Караганды meet. */
const KAZAKH_FOLD: Record<string, string> = {
	ә: 'а',
	ғ: 'г',
	қ: 'к',
	ң: 'н',
	ө: 'о',
	ұ: 'у',
	ү: 'у',
	һ: 'х',
	і: 'и',
	ё: 'е'
};
const CITY_WORDS = new Set(['г', 'город', 'city', 'каласы', 'qalasy', 'kalasy', 'gorod', 'qala']);
const REGION_WORDS = new Set(['область', 'обл', 'облысы', 'oblast', 'oblysy', 'region', 'province', 'oblys']);

function fold(text: string): string {
	let s = text.toLowerCase().normalize('NFC');
	// A Latin "i" inside Cyrillic text is a common typing quirk for Kazakh "і".
	if (/[а-яёәғқңөұүһі]/.test(s)) s = s.replace(/i/g, 'и');
	s = s.replace(/[әғқңөұүһіё]/g, (ch) => KAZAKH_FOLD[ch] ?? ch);
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

interface Key {
	core: string;
	city: boolean;
	region: boolean;
}

function keyOf(text: string): Key {
	const words = fold(text).split(' ').filter(Boolean);
	const core = words.filter((w) => !CITY_WORDS.has(w) && !REGION_WORDS.has(w));
	return {
		core: core.join(' '),
		city: words.some((w) => CITY_WORDS.has(w)),
		region: words.some((w) => REGION_WORDS.has(w))
	};
}

const ALMATY_CORES = new Set(['алматы', 'almaty', 'алма ата', 'alma ata']);
const ALIASES = new Map<string, string>();
for (const region of REGIONS) {
	for (const name of [...region.aliases, region.name.en, region.name.ru, region.name.kk]) {
		const { core, city, region: isRegion } = keyOf(name);
		// "Almaty" alone names both the city and the region: resolved by markers below.
		if (ALMATY_CORES.has(core)) continue;
		// Region-level names also match with their marker words stripped; city names keep theirs.
		ALIASES.set(core, region.code);
		if (city || isRegion) ALIASES.set(fold(name), region.code);
	}
}

export type RegionMatch = { ok: true; code: string } | { ok: false; reason: 'empty' | 'unknown' | 'ambiguous'; candidates?: string[] };

/**
 * Maps an ISO code (current or former), a KATO code (2 or 9 digits) or a name in any of the
 * known spellings to the current ISO 3166-2:KZ code.
 */
export function normalizeRegion(input: string | null | undefined): RegionMatch {
	const raw = (input ?? '').trim();
	if (!raw) return { ok: false, reason: 'empty' };

	const iso = /^kz[\s_-]?([a-z]{3}|\d{2})$/i.exec(raw);
	if (iso) {
		const suffix = iso[1].toUpperCase();
		const code = /^\d/.test(suffix) ? `KZ-${suffix}` : REGIONS.find((x) => x.oldIso.includes(`KZ-${suffix}`))?.code;
		if (code && BY_CODE.has(code)) return { ok: true, code };
		return { ok: false, reason: 'unknown' };
	}

	const kato = /^(\d{2})(\d{7})?$/.exec(raw.replace(/\s/g, ''));
	if (kato) {
		// 51 is the KATO prefix of the former South Kazakhstan region, now Turkistan.
		const prefix = kato[1] === '51' ? '61' : kato[1];
		const code = `KZ-${prefix}`;
		if (BY_CODE.has(code) && (!kato[2] || /^0+$/.test(kato[2]))) return { ok: true, code };
		return { ok: false, reason: 'unknown' };
	}

	const key = keyOf(raw);
	if (ALMATY_CORES.has(key.core)) {
		if (key.city && !key.region) return { ok: true, code: 'KZ-75' };
		if (key.region && !key.city) return { ok: true, code: 'KZ-19' };
		return { ok: false, reason: 'ambiguous', candidates: ['KZ-75', 'KZ-19'] };
	}
	const code = ALIASES.get(key.core) ?? ALIASES.get(fold(raw));
	return code ? { ok: true, code } : { ok: false, reason: 'unknown' };
}

/**
 * A region's name without the Russian or Kazakh word for "region", for small map tiles (English
 * names are short already, and "Almaty region" must stay apart from Almaty).
 */
export function regionShortName(code: string, locale: Locale): string {
	const region = BY_CODE.get(code);
	return region ? tr(region.name, locale).replace(/\s+(область|облысы)$/, '') : code;
}
