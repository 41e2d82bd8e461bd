/**
 * The canonical data model: the tables the dashboard reads and the contract a CSV upload maps
 * to. Enumerations carry their labels so that every page and export names values the same way.
 */
import type { L10n } from './l10n';

export interface EnumValue {
	value: string;
	label: L10n;
}

function enumOf(values: Record<string, L10n>): readonly EnumValue[] {
	return Object.entries(values).map(([value, label]) => ({ value, label }));
}

export const INSTANCES = enumOf({
	first: { ru: 'Первая инстанция', kk: 'Бірінші саты', en: 'First instance' },
	appeal: { ru: 'Апелляция', kk: 'Апелляция', en: 'Appeal' },
	cassation: { ru: 'Кассация', kk: 'Кассация', en: 'Cassation' },
	supervisory: { ru: 'Пересмотр Верховным Судом', kk: 'Жоғарғы Соттың қайта қарауы', en: 'Supreme Court review' }
});

export const CASE_TYPES = enumOf({
	civil: { ru: 'Гражданские', kk: 'Азаматтық', en: 'Civil' },
	criminal: { ru: 'Уголовные', kk: 'Қылмыстық', en: 'Criminal' },
	administrative: { ru: 'Административные (АППК)', kk: 'Әкімшілік (ӘРПК)', en: 'Administrative' },
	admin_offense: { ru: 'Об административных правонарушениях', kk: 'Әкімшілік құқық бұзушылық', en: 'Administrative offences' }
});

export const FIRST_INSTANCE_OUTCOMES = [
	'granted',
	'partially_granted',
	'denied',
	'left_without_consideration',
	'terminated',
	'settled',
	'convicted',
	'acquitted',
	'returned_to_prosecutor'
] as const;
export const REVIEW_OUTCOMES = ['upheld', 'reversed', 'modified', 'returned', 'not_admitted'] as const;

export const OUTCOMES = enumOf({
	granted: { ru: 'Удовлетворено', kk: 'Қанағаттандырылды', en: 'Granted' },
	partially_granted: { ru: 'Удовлетворено частично', kk: 'Ішінара қанағаттандырылды', en: 'Partially granted' },
	denied: { ru: 'Отказано', kk: 'Бас тартылды', en: 'Denied' },
	left_without_consideration: { ru: 'Оставлено без рассмотрения', kk: 'Қараусыз қалдырылды', en: 'Left without consideration' },
	terminated: { ru: 'Производство прекращено', kk: 'Іс жүргізу тоқтатылды', en: 'Terminated' },
	settled: { ru: 'Мировое соглашение', kk: 'Татуласу келісімі', en: 'Settled' },
	convicted: { ru: 'Обвинительный приговор / взыскание', kk: 'Айыптау үкімі / жаза', en: 'Convicted / penalty imposed' },
	acquitted: { ru: 'Оправдательный приговор', kk: 'Ақтау үкімі', en: 'Acquitted' },
	returned_to_prosecutor: { ru: 'Возвращено прокурору', kk: 'Прокурорға қайтарылды', en: 'Returned to prosecutor' },
	upheld: { ru: 'Оставлено без изменения', kk: 'Өзгеріссіз қалдырылды', en: 'Upheld' },
	reversed: { ru: 'Отменено', kk: 'Күшін жойды', en: 'Reversed' },
	modified: { ru: 'Изменено', kk: 'Өзгертілді', en: 'Modified' },
	returned: { ru: 'Возвращено', kk: 'Қайтарылды', en: 'Returned' },
	not_admitted: { ru: 'Не допущено к рассмотрению', kk: 'Қарауға жіберілмеді', en: 'Not admitted' }
});

export const HEARING_FORMATS = enumOf({
	in_person: { ru: 'Очно', kk: 'Бетпе-бет', en: 'In person' },
	video: { ru: 'Видеоконференция', kk: 'Бейнеконференция', en: 'Video link' },
	written: { ru: 'Письменное производство', kk: 'Жазбаша іс жүргізу', en: 'Written procedure' }
});

export const RECONCILIATIONS = enumOf({
	none: { ru: 'Нет', kk: 'Жоқ', en: 'None' },
	mediation: { ru: 'Медиация', kk: 'Медиация', en: 'Mediation' },
	settlement: { ru: 'Мировое соглашение', kk: 'Татуласу келісімі', en: 'Settlement' },
	e_reconciliation: { ru: 'Е-примирение', kk: 'Е-татуласу', en: 'E-reconciliation' }
});

export const FRAUD_SCHEMES = enumOf({
	fake_bank_security: {
		ru: 'Звонок «службы безопасности банка»',
		kk: '«Банк қауіпсіздік қызметінің» қоңырауы',
		en: 'Fake bank security call'
	},
	fake_police: { ru: 'Звонок «полиции»', kk: '«Полиция» қоңырауы', en: 'Fake police call' },
	classifieds_buyer_seller: {
		ru: 'Лжепокупатель / лжепродавец на сайте объявлений',
		kk: 'Хабарландыру сайтындағы жалған сатып алушы / сатушы',
		en: 'Fake buyer or seller on classifieds'
	},
	fake_rental: { ru: 'Ложная аренда жилья', kk: 'Жалған тұрғын үй жалдау', en: 'Fake rental' },
	cheap_car: { ru: 'Дешёвый автомобиль', kk: 'Арзан автокөлік', en: 'Cheap car offer' },
	hacked_messenger: {
		ru: 'Взломанный мессенджер, просьба родственнику',
		kk: 'Бұзылған мессенджер, туысқа өтініш',
		en: 'Hacked messenger, plea to relatives'
	},
	investment_platform: {
		ru: 'Ложные инвестиции и пирамиды',
		kk: 'Жалған инвестициялар мен пирамидалар',
		en: 'Fake investment platform or pyramid'
	},
	online_loan_identity: {
		ru: 'Онлайн-кредит на чужие данные',
		kk: 'Бөтен деректерге онлайн-несие',
		en: 'Online loan with stolen identity'
	},
	other: { ru: 'Другое', kk: 'Басқа', en: 'Other' }
});

export const FRAUD_CHANNELS = enumOf({
	phone_call: { ru: 'Телефонный звонок', kk: 'Телефон қоңырауы', en: 'Phone call' },
	messenger: { ru: 'Мессенджер', kk: 'Мессенджер', en: 'Messenger' },
	social_media: { ru: 'Социальные сети', kk: 'Әлеуметтік желілер', en: 'Social media' },
	classifieds_site: { ru: 'Сайт объявлений', kk: 'Хабарландыру сайты', en: 'Classifieds site' },
	fake_website: { ru: 'Поддельный сайт', kk: 'Жалған сайт', en: 'Fake website' },
	sms: { ru: 'SMS', kk: 'SMS', en: 'SMS' },
	other: { ru: 'Другое', kk: 'Басқа', en: 'Other' }
});

export const FRAUD_ARTICLES = enumOf({
	'190': { ru: 'ст. 190 УК (мошенничество)', kk: 'ҚК 190-бабы (алаяқтық)', en: 'CC art. 190 (fraud)' },
	'232-1': { ru: 'ст. 232-1 УК (дропперы)', kk: 'ҚК 232-1-бабы (дропперлер)', en: 'CC art. 232-1 (droppers)' }
});

export const FRAUD_STATUSES = enumOf({
	registered: { ru: 'Зарегистрировано', kk: 'Тіркелді', en: 'Registered' },
	investigating: { ru: 'Расследуется', kk: 'Тергелуде', en: 'Under investigation' },
	in_court: { ru: 'В суде', kk: 'Сотта', en: 'In court' },
	convicted: { ru: 'Осуждён', kk: 'Сотталды', en: 'Convicted' },
	closed: { ru: 'Прекращено', kk: 'Тоқтатылды', en: 'Closed' }
});

export const VICTIM_AGE_GROUPS = enumOf({
	under_18: { ru: 'до 18', kk: '18-ге дейін', en: 'under 18' },
	'18_29': { ru: '18–29', kk: '18–29', en: '18–29' },
	'30_44': { ru: '30–44', kk: '30–44', en: '30–44' },
	'45_59': { ru: '45–59', kk: '45–59', en: '45–59' },
	'60_plus': { ru: '60 и старше', kk: '60 және одан асқан', en: '60 and over' },
	unknown: { ru: 'Не указан', kk: 'Көрсетілмеген', en: 'Unknown' }
});

export type FieldType = 'string' | 'date' | 'boolean' | 'decimal' | 'integer' | 'enum' | 'region';

export interface FieldSpec {
	name: string;
	type: FieldType;
	required: boolean;
	/** For `enum` fields: the allowed values. */
	values?: readonly EnumValue[];
	label: L10n;
}

const f = (name: string, type: FieldType, required: boolean, label: L10n, values?: readonly EnumValue[]): FieldSpec => ({
	name,
	type,
	required,
	label,
	values
});

export const CASE_FIELDS: readonly FieldSpec[] = [
	f('case_id', 'string', true, { ru: 'ID производства', kk: 'Іс жүргізу ID', en: 'Proceeding ID' }),
	f('case_number', 'string', true, { ru: 'Номер дела', kk: 'Іс нөмірі', en: 'Case number' }),
	f('instance', 'enum', true, { ru: 'Инстанция', kk: 'Саты', en: 'Instance' }, INSTANCES),
	f('court_id', 'string', true, { ru: 'Суд', kk: 'Сот', en: 'Court' }),
	f('region', 'region', true, { ru: 'Регион', kk: 'Өңір', en: 'Region' }),
	f('case_type', 'enum', true, { ru: 'Вид судопроизводства', kk: 'Сот ісін жүргізу түрі', en: 'Case type' }, CASE_TYPES),
	f('category', 'string', true, { ru: 'Категория', kk: 'Санат', en: 'Category' }),
	f('article', 'string', false, { ru: 'Статья', kk: 'Бап', en: 'Article' }),
	f('judge_id', 'string', false, { ru: 'Судья (псевдоним)', kk: 'Судья (бүркеншік ат)', en: 'Judge (pseudonym)' }),
	f('filed_date', 'date', true, { ru: 'Дата поступления', kk: 'Түскен күні', en: 'Filed' }),
	f('decided_date', 'date', false, { ru: 'Дата решения', kk: 'Шешім күні', en: 'Decided' }),
	f('outcome', 'enum', false, { ru: 'Результат', kk: 'Нәтиже', en: 'Outcome' }, OUTCOMES),
	f('e_filed', 'boolean', false, { ru: 'Подано электронно', kk: 'Электронды берілді', en: 'E-filed' }),
	f('hearing_format', 'enum', false, { ru: 'Формат заседания', kk: 'Отырыс форматы', en: 'Hearing format' }, HEARING_FORMATS),
	f('av_recorded', 'boolean', false, { ru: 'Аудио-видеозапись', kk: 'Аудио-бейнежазба', en: 'Audio/video recorded' }),
	f('reconciliation', 'enum', false, { ru: 'Примирение', kk: 'Татуласу', en: 'Reconciliation' }, RECONCILIATIONS),
	f('claim_amount_kzt', 'decimal', false, { ru: 'Сумма иска, тг', kk: 'Талап сомасы, тг', en: 'Claim, KZT' }),
	f('awarded_amount_kzt', 'decimal', false, { ru: 'Присуждено, тг', kk: 'Өндірілді, тг', en: 'Awarded, KZT' }),
	f('auto_assigned', 'boolean', false, { ru: 'Автораспределение', kk: 'Автобөлу', en: 'Auto-assigned' }),
	f('extraterritorial', 'boolean', false, { ru: 'Экстерриториальность', kk: 'Экстерриториялық', en: 'Extraterritorial' })
];

export const FRAUD_FIELDS: readonly FieldSpec[] = [
	f('incident_id', 'string', true, { ru: 'ID факта', kk: 'Факт ID', en: 'Incident ID' }),
	f('registered_date', 'date', true, { ru: 'Дата регистрации', kk: 'Тіркелген күні', en: 'Registered' }),
	f('region', 'region', true, { ru: 'Регион', kk: 'Өңір', en: 'Region' }),
	f('scheme', 'enum', true, { ru: 'Схема', kk: 'Схема', en: 'Scheme' }, FRAUD_SCHEMES),
	f('channel', 'enum', true, { ru: 'Канал', kk: 'Арна', en: 'Channel' }, FRAUD_CHANNELS),
	f('damage_kzt', 'decimal', true, { ru: 'Ущерб, тг', kk: 'Залал, тг', en: 'Damage, KZT' }),
	f('recovered_kzt', 'decimal', false, { ru: 'Возмещено, тг', kk: 'Өтелді, тг', en: 'Recovered, KZT' }),
	f('article', 'enum', true, { ru: 'Статья УК', kk: 'ҚК бабы', en: 'Criminal Code article' }, FRAUD_ARTICLES),
	f('status', 'enum', true, { ru: 'Статус', kk: 'Мәртебе', en: 'Status' }, FRAUD_STATUSES),
	f(
		'victim_age_group',
		'enum',
		false,
		{ ru: 'Возраст потерпевшего', kk: 'Жәбірленушінің жасы', en: 'Victim age group' },
		VICTIM_AGE_GROUPS
	),
	f('case_number', 'string', false, { ru: 'Номер дела в суде', kk: 'Соттағы іс нөмірі', en: 'Court case number' })
];

export const COURT_STATS_FIELDS: readonly FieldSpec[] = [
	f('period_start', 'date', true, { ru: 'Начало периода', kk: 'Кезең басы', en: 'Period start' }),
	f('period_end', 'date', true, { ru: 'Конец периода', kk: 'Кезең соңы', en: 'Period end' }),
	f('region', 'region', true, { ru: 'Регион', kk: 'Өңір', en: 'Region' }),
	f('court_id', 'string', false, { ru: 'Суд', kk: 'Сот', en: 'Court' }),
	f('instance', 'enum', true, { ru: 'Инстанция', kk: 'Саты', en: 'Instance' }, INSTANCES),
	f('case_type', 'enum', true, { ru: 'Вид судопроизводства', kk: 'Сот ісін жүргізу түрі', en: 'Case type' }, CASE_TYPES),
	f('category', 'string', false, { ru: 'Категория', kk: 'Санат', en: 'Category' }),
	f('pending_start', 'integer', true, { ru: 'Остаток на начало', kk: 'Басындағы қалдық', en: 'Pending at start' }),
	f('incoming', 'integer', true, { ru: 'Поступило', kk: 'Түсті', en: 'Incoming' }),
	f('resolved', 'integer', true, { ru: 'Окончено', kk: 'Аяқталды', en: 'Resolved' }),
	f('pending_end', 'integer', true, { ru: 'Остаток на конец', kk: 'Соңындағы қалдық', en: 'Pending at end' })
];

export type CanonicalKind = 'cases' | 'fraud' | 'court_stats';

export interface CanonicalTable {
	kind: CanonicalKind;
	/** DuckDB table name; a fixed identifier, never user input. */
	table: string;
	fields: readonly FieldSpec[];
	/** Columns whose combination must be unique. */
	key: readonly string[];
}

export const CANONICAL_TABLES: Record<CanonicalKind, CanonicalTable> = {
	cases: { kind: 'cases', table: 'cases', fields: CASE_FIELDS, key: ['case_id'] },
	fraud: { kind: 'fraud', table: 'fraud', fields: FRAUD_FIELDS, key: ['incident_id'] },
	court_stats: {
		kind: 'court_stats',
		table: 'court_stats',
		fields: COURT_STATS_FIELDS,
		key: ['period_start', 'period_end', 'region', 'court_id', 'instance', 'case_type', 'category']
	}
};

/** DuckDB column type of each field type. */
export const SQL_TYPE: Record<FieldType, string> = {
	string: 'VARCHAR',
	enum: 'VARCHAR',
	region: 'VARCHAR',
	date: 'DATE',
	boolean: 'BOOLEAN',
	decimal: 'DECIMAL(18,2)',
	integer: 'BIGINT'
};

export function enumLabel(values: readonly EnumValue[], value: string): L10n | undefined {
	return values.find((v) => v.value === value)?.label;
}
