/**
 * The court directory: about 370 courts of the three-level system (first instance, regional
 * appeal courts, cassation) plus the Supreme Court. Names are plausible generic ones, not
 * the real names of each court. Everything here is derived from fixed tables, so the
 * directory, its ids and its judge counts never change between runs.
 */
import type { L10n } from './l10n';
import { CASE_TYPE_VALUES, type CaseType } from './categories';
import { REGIONS, REGIONS_FORMED, SPLIT_FROM, type Region } from './regions';

/** The values of INSTANCES in schema.ts, as a type. */
export const INSTANCE_VALUES = ['first', 'appeal', 'cassation', 'supervisory'] as const;
export type Instance = (typeof INSTANCE_VALUES)[number];

export type CourtKind =
	'district' | 'economic' | 'administrative' | 'criminal' | 'juvenile' | 'admin_offense' | 'regional' | 'cassation' | 'supreme';

export interface Court {
	/** Short stable uppercase code, /^[A-Z0-9-]{2,24}$/. */
	id: string;
	/** ISO 3166-2:KZ code of the seat. */
	region: string;
	kind: CourtKind;
	instances: Instance[];
	caseTypes: CaseType[];
	name: L10n;
	/** A curated short name, unique among the courts of its region (the region is left out). */
	short: L10n;
	/** First day of work, for courts created during the period covered. */
	activeFrom?: string;
	/** Sitting judges at national volume. */
	judges: number;
}

/** Start of the cassation courts (Decree No. 748 of 27 Dec 2024). */
export const CASSATION_REFORM_DATE = '2025-07-01';
/** Start of the specialised administrative courts (Administrative Procedure Code). */
export const ADMINISTRATIVE_COURTS_DATE = '2021-07-01';

/** Judges in post at the end of 2023 (DOMAIN.md §2), split by level below. */
export const TOTAL_JUDGES = 2364;
const APPEAL_JUDGES = 475;
const CASSATION_JUDGES = { 'CASS-CIV': 30, 'CASS-CRIM': 24, 'CASS-ADM': 16 } as const;
const SUPREME_JUDGES = 49;
const FIRST_INSTANCE_JUDGES = TOTAL_JUDGES - APPEAL_JUDGES - SUPREME_JUDGES - Object.values(CASSATION_JUDGES).reduce((a, b) => a + b, 0);

/** District courts shared among the regions: 5 each plus the rest in proportion to population. */
const DISTRICT_COURTS = 246;
const DISTRICT_BASE = 5;

/** Share of a region's first-instance judges in each kind of court. */
const FIRST_INSTANCE_SPLIT: Record<Exclude<CourtKind, 'regional' | 'cassation' | 'supreme'>, number> = {
	district: 0.68,
	economic: 0.06,
	administrative: 0.06,
	criminal: 0.05,
	juvenile: 0.03,
	admin_offense: 0.12
};

/** Name parts that Russian and Kazakh grammar need (genitive forms, seat of the region). */
interface RegionNames {
	/** "of the region" in RU / KK genitive and EN. */
	of: L10n;
	/** Seat of an oblast (genitive in RU); cities of republican status have none. */
	seat?: L10n;
	appeal: L10n;
}

const NAMES: Record<string, RegionNames> = {
	'KZ-10': oblast('Абайской области', 'Абай облысының', 'Abai Region', ['Семея', 'Семей', 'Semey'], ['Абайский', 'Абай', 'Abai']),
	'KZ-11': oblast(
		'Акмолинской области',
		'Ақмола облысының',
		'Akmola Region',
		['Кокшетау', 'Көкшетау', 'Kokshetau'],
		['Акмолинский', 'Ақмола', 'Akmola']
	),
	'KZ-15': oblast(
		'Актюбинской области',
		'Ақтөбе облысының',
		'Aktobe Region',
		['Актобе', 'Ақтөбе', 'Aktobe'],
		['Актюбинский', 'Ақтөбе', 'Aktobe']
	),
	'KZ-19': oblast(
		'Алматинской области',
		'Алматы облысының',
		'Almaty Region',
		['Конаева', 'Қонаев', 'Konaev'],
		['Алматинский', 'Алматы', 'Almaty']
	),
	'KZ-23': oblast(
		'Атырауской области',
		'Атырау облысының',
		'Atyrau Region',
		['Атырау', 'Атырау', 'Atyrau'],
		['Атырауский', 'Атырау', 'Atyrau']
	),
	'KZ-27': oblast(
		'Западно-Казахстанской области',
		'Батыс Қазақстан облысының',
		'West Kazakhstan Region',
		['Уральска', 'Орал', 'Oral'],
		['Западно-Казахстанский', 'Батыс Қазақстан', 'West Kazakhstan']
	),
	'KZ-31': oblast(
		'Жамбылской области',
		'Жамбыл облысының',
		'Zhambyl Region',
		['Тараза', 'Тараз', 'Taraz'],
		['Жамбылский', 'Жамбыл', 'Zhambyl']
	),
	'KZ-33': oblast(
		'Жетысуской области',
		'Жетісу облысының',
		'Zhetysu Region',
		['Талдыкоргана', 'Талдықорған', 'Taldykorgan'],
		['Жетысуский', 'Жетісу', 'Zhetysu']
	),
	'KZ-35': oblast(
		'Карагандинской области',
		'Қарағанды облысының',
		'Karaganda Region',
		['Караганды', 'Қарағанды', 'Karaganda'],
		['Карагандинский', 'Қарағанды', 'Karaganda']
	),
	'KZ-39': oblast(
		'Костанайской области',
		'Қостанай облысының',
		'Kostanay Region',
		['Костаная', 'Қостанай', 'Kostanay'],
		['Костанайский', 'Қостанай', 'Kostanay']
	),
	'KZ-43': oblast(
		'Кызылординской области',
		'Қызылорда облысының',
		'Kyzylorda Region',
		['Кызылорды', 'Қызылорда', 'Kyzylorda'],
		['Кызылординский', 'Қызылорда', 'Kyzylorda']
	),
	'KZ-47': oblast(
		'Мангистауской области',
		'Маңғыстау облысының',
		'Mangystau Region',
		['Актау', 'Ақтау', 'Aktau'],
		['Мангистауский', 'Маңғыстау', 'Mangystau']
	),
	'KZ-55': oblast(
		'Павлодарской области',
		'Павлодар облысының',
		'Pavlodar Region',
		['Павлодара', 'Павлодар', 'Pavlodar'],
		['Павлодарский', 'Павлодар', 'Pavlodar']
	),
	'KZ-59': oblast(
		'Северо-Казахстанской области',
		'Солтүстік Қазақстан облысының',
		'North Kazakhstan Region',
		['Петропавловска', 'Петропавл', 'Petropavl'],
		['Северо-Казахстанский', 'Солтүстік Қазақстан', 'North Kazakhstan']
	),
	'KZ-61': oblast(
		'Туркестанской области',
		'Түркістан облысының',
		'Turkistan Region',
		['Туркестана', 'Түркістан', 'Turkistan'],
		['Туркестанский', 'Түркістан', 'Turkistan']
	),
	'KZ-62': oblast(
		'Улытауской области',
		'Ұлытау облысының',
		'Ulytau Region',
		['Жезказгана', 'Жезқазған', 'Zhezkazgan'],
		['Улытауский', 'Ұлытау', 'Ulytau']
	),
	'KZ-63': oblast(
		'Восточно-Казахстанской области',
		'Шығыс Қазақстан облысының',
		'East Kazakhstan Region',
		['Усть-Каменогорска', 'Өскемен', 'Oskemen'],
		['Восточно-Казахстанский', 'Шығыс Қазақстан', 'East Kazakhstan']
	),
	'KZ-71': city('Астаны', 'Астана', 'Astana'),
	'KZ-75': city('Алматы', 'Алматы', 'Almaty'),
	'KZ-79': city('Шымкента', 'Шымкент', 'Shymkent')
};

function oblast(ruOf: string, kkOf: string, enOf: string, seat: [string, string, string], adj: [string, string, string]): RegionNames {
	return {
		of: { ru: ruOf, kk: kkOf, en: enOf },
		seat: { ru: seat[0], kk: seat[1], en: seat[2] },
		appeal: { ru: `${adj[0]} областной суд`, kk: `${adj[1]} облыстық соты`, en: `${adj[2]} Regional Court` }
	};
}

function city(ruGenitive: string, kk: string, en: string): RegionNames {
	return {
		of: { ru: `города ${ruGenitive}`, kk: `${kk} қаласының`, en },
		appeal: { ru: `Суд города ${ruGenitive}`, kk: `${kk} қаласының соты`, en: `${en} City Court` }
	};
}

type SpecialisedKind = Exclude<CourtKind, 'district' | 'regional' | 'cassation' | 'supreme'>;

/** Id suffix, name stems and jurisdiction of each specialised first-instance court. */
const SPECIALISED: Record<
	SpecialisedKind,
	{ suffix: string; caseTypes: CaseType[]; ru: string; kk: string; en: string; short: L10n; activeFrom?: string }
> = {
	economic: {
		suffix: 'SMEC',
		caseTypes: ['civil'],
		ru: 'Специализированный межрайонный экономический суд',
		kk: 'мамандандырылған ауданаралық экономикалық соты',
		en: 'Specialised Interdistrict Economic Court',
		short: { ru: 'Экономический суд', kk: 'Экономикалық сот', en: 'Economic Court' }
	},
	administrative: {
		suffix: 'SAC',
		caseTypes: ['administrative'],
		ru: 'Специализированный межрайонный административный суд',
		kk: 'мамандандырылған ауданаралық әкімшілік соты',
		en: 'Specialised Interdistrict Administrative Court',
		short: { ru: 'Административный суд', kk: 'Әкімшілік сот', en: 'Administrative Court' },
		activeFrom: ADMINISTRATIVE_COURTS_DATE
	},
	criminal: {
		suffix: 'SMCC',
		caseTypes: ['criminal'],
		ru: 'Специализированный межрайонный суд по уголовным делам',
		kk: 'қылмыстық істер жөніндегі мамандандырылған ауданаралық соты',
		en: 'Specialised Interdistrict Criminal Court',
		short: { ru: 'Суд по уголовным делам', kk: 'Қылмыстық істер соты', en: 'Criminal Court' }
	},
	juvenile: {
		suffix: 'JUV',
		caseTypes: ['civil', 'criminal', 'admin_offense'],
		ru: 'Специализированный межрайонный суд по делам несовершеннолетних',
		kk: 'кәмелетке толмағандардың істері жөніндегі мамандандырылған ауданаралық соты',
		en: 'Specialised Interdistrict Juvenile Court',
		short: { ru: 'Суд по делам несовершеннолетних', kk: 'Кәмелетке толмағандар соты', en: 'Juvenile Court' }
	},
	admin_offense: {
		suffix: 'SMAO',
		caseTypes: ['admin_offense'],
		ru: 'Специализированный межрайонный суд по административным правонарушениям',
		kk: 'әкімшілік құқық бұзушылықтар жөніндегі мамандандырылған ауданаралық соты',
		en: 'Specialised Interdistrict Court for Administrative Offences',
		short: { ru: 'Суд по адм. правонарушениям', kk: 'Әкімшілік құқық бұзушылық соты', en: 'Administrative Offences Court' }
	}
};

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map(Math.floor);
	const order = exact.map((x, i) => [x - parts[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	const missing = total - parts.reduce((a, b) => a + b, 0);
	for (let k = 0; k < missing; k++) parts[order[k][1]]++;
	return parts;
}

/** Relative caseload of the n-th district court of a region: the seat's court is the busiest. */
export function districtWeight(region: string, ordinal: number): number {
	return NAMES[region].seat ? 1 + 2 / ordinal : 1 + 0.5 / ordinal;
}

const courtCode = (region: Region) => `KZ${region.kato}`;

function districtName(region: Region, ordinal: number): { name: L10n; short: L10n } {
	const n = NAMES[region.code];
	if (n.seat && ordinal === 1) {
		const name = { ru: `Городской суд г. ${n.seat.ru}`, kk: `${n.seat.kk} қалалық соты`, en: `${n.seat.en} City Court` };
		return { name, short: name };
	}
	return {
		name: {
			ru: `Районный суд №${ordinal} ${n.of.ru}`,
			kk: `${n.of.kk} №${ordinal} аудандық соты`,
			en: `District Court No. ${ordinal} of ${n.of.en}`
		},
		short: { ru: `Районный суд №${ordinal}`, kk: `№${ordinal} аудандық сот`, en: `District Court No. ${ordinal}` }
	};
}

function regionCourts(region: Region, districts: number, pool: number, appealJudges: number): Court[] {
	const code = courtCode(region);
	const of = NAMES[region.code].of;
	// The courts of a region formed in 2022 work under its name from that day; before, their cases were the former region's.
	const formed = SPLIT_FROM[region.code] ? { activeFrom: REGIONS_FORMED } : {};
	const ordinals = Array.from({ length: districts }, (_, i) => i + 1);
	const districtJudges = apportion(
		Math.round(pool * FIRST_INSTANCE_SPLIT.district),
		ordinals.map((o) => districtWeight(region.code, o))
	);
	const courts: Court[] = [
		{
			id: `${code}-OBL`,
			region: region.code,
			kind: 'regional',
			instances: ['appeal'],
			caseTypes: [...CASE_TYPE_VALUES],
			name: NAMES[region.code].appeal,
			short: NAMES[region.code].appeal,
			...formed,
			judges: appealJudges
		}
	];
	for (const o of ordinals) {
		courts.push({
			id: `${code}-D${String(o).padStart(2, '0')}`,
			region: region.code,
			kind: 'district',
			instances: ['first'],
			caseTypes: [...CASE_TYPE_VALUES],
			...districtName(region, o),
			...formed,
			judges: Math.max(2, districtJudges[o - 1])
		});
	}
	for (const [kind, s] of Object.entries(SPECIALISED) as [SpecialisedKind, (typeof SPECIALISED)[SpecialisedKind]][]) {
		courts.push({
			id: `${code}-${s.suffix}`,
			region: region.code,
			kind,
			instances: ['first'],
			caseTypes: [...s.caseTypes],
			name: { ru: `${s.ru} ${of.ru}`, kk: `${of.kk} ${s.kk}`, en: `${s.en} of ${of.en}` },
			short: s.short,
			...(s.activeFrom ? { activeFrom: s.activeFrom } : {}),
			...formed,
			judges: Math.max(2, Math.round(pool * FIRST_INSTANCE_SPLIT[kind]))
		});
	}
	return courts;
}

function cassationCourt(id: keyof typeof CASSATION_JUDGES, caseType: CaseType, ru: string, kk: string, en: string): Court {
	const name = {
		ru: `Кассационный суд по ${ru} делам`,
		kk: `${kk} істер жөніндегі кассациялық сот`,
		en: `Cassation Court for ${en} Cases`
	};
	return {
		id,
		region: 'KZ-71',
		kind: 'cassation',
		instances: ['cassation'],
		caseTypes: [caseType],
		name,
		short: name,
		activeFrom: CASSATION_REFORM_DATE,
		judges: CASSATION_JUDGES[id]
	};
}

function buildCourts(): Court[] {
	const districts = apportion(
		DISTRICT_COURTS - DISTRICT_BASE * REGIONS.length,
		REGIONS.map((r) => r.population)
	).map((n) => n + DISTRICT_BASE);
	const populations = REGIONS.map((r) => r.population);
	const firstInstance = apportion(FIRST_INSTANCE_JUDGES, populations);
	const appeal = apportion(APPEAL_JUDGES, populations);
	return [
		{
			id: 'SC',
			region: 'KZ-71',
			kind: 'supreme',
			// Cassation until 30 June 2025, supervisory review of final acts from 1 July 2025.
			instances: ['cassation', 'supervisory'],
			caseTypes: ['civil', 'criminal', 'administrative'],
			name: {
				ru: 'Верховный Суд Республики Казахстан',
				kk: 'Қазақстан Республикасының Жоғарғы Соты',
				en: 'Supreme Court of the Republic of Kazakhstan'
			},
			short: { ru: 'Верховный Суд', kk: 'Жоғарғы Сот', en: 'Supreme Court' },
			judges: SUPREME_JUDGES
		},
		cassationCourt('CASS-CIV', 'civil', 'гражданским', 'Азаматтық', 'Civil'),
		cassationCourt('CASS-CRIM', 'criminal', 'уголовным', 'Қылмыстық', 'Criminal'),
		cassationCourt('CASS-ADM', 'administrative', 'административным', 'Әкімшілік', 'Administrative'),
		...REGIONS.flatMap((r, i) => regionCourts(r, districts[i], firstInstance[i], appeal[i]))
	];
}

export const COURTS: readonly Court[] = buildCourts();

const BY_ID = new Map(COURTS.map((x) => [x.id, x]));

export function courtById(id: string): Court | undefined {
	return BY_ID.get(id);
}

/** The appeal court of a region. */
export function regionalCourtOf(region: string): Court {
	const court = COURTS.find((x) => x.kind === 'regional' && x.region === region);
	if (!court) throw new Error(`No regional court for ${region}`);
	return court;
}
