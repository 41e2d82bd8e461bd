/**
 * Case categories per case type: the classifier every case row's `category` refers to.
 * Criminal categories are keyed by the article of the Criminal Code, administrative-offence
 * ones by the article of the Code of Administrative Offences where one article dominates.
 */
import type { L10n } from './l10n';

/** The values of CASE_TYPES in schema.ts, as a type. */
export const CASE_TYPE_VALUES = ['civil', 'criminal', 'administrative', 'admin_offense'] as const;
export type CaseType = (typeof CASE_TYPE_VALUES)[number];

export interface Category {
	/** `<case type>.<slug>`, stable: it is stored in every case row. */
	id: string;
	caseType: CaseType;
	name: L10n;
	/** Article of the Criminal Code (criminal) or of the Code of Administrative Offences. */
	article?: string;
}

const c = (id: string, ru: string, kk: string, en: string, article?: string): Category => ({
	id,
	caseType: id.slice(0, id.indexOf('.')) as CaseType,
	name: { ru, kk, en },
	...(article ? { article } : {})
});

export const CATEGORIES: readonly Category[] = [
	c('civil.loan', 'Споры о займе и кредите', 'Қарыз және несие туралы даулар', 'Loan and credit disputes'),
	c('civil.unjust_enrichment', 'Неосновательное обогащение', 'Негізсіз баю', 'Unjust enrichment'),
	c('civil.invalid_transaction', 'Признание сделок недействительными', 'Мәмілелерді жарамсыз деп тану', 'Invalidation of transactions'),
	c(
		'civil.crypto_refund',
		'Возврат средств по сделкам с цифровыми активами',
		'Цифрлық активтермен мәмілелер бойынша қаражатты қайтару',
		'Refunds on crypto-asset deals'
	),
	c('civil.consumer', 'Защита прав потребителей', 'Тұтынушылардың құқықтарын қорғау', 'Consumer protection'),
	c('civil.labour', 'Трудовые споры', 'Еңбек даулары', 'Labour disputes'),
	c('civil.alimony', 'Взыскание алиментов', 'Алимент өндіру', 'Alimony'),
	c(
		'civil.family',
		'Расторжение брака и иные семейные споры',
		'Некені бұзу және өзге де отбасылық даулар',
		'Divorce and other family disputes'
	),
	c('civil.housing', 'Жилищные споры', 'Тұрғын үй даулары', 'Housing disputes'),
	c('civil.inheritance', 'Наследственные споры', 'Мұрагерлік даулар', 'Inheritance disputes'),
	c('civil.land', 'Земельные споры', 'Жер даулары', 'Land disputes'),
	c(
		'civil.corporate',
		'Корпоративные и предпринимательские споры',
		'Корпоративтік және кәсіпкерлік даулар',
		'Corporate and business disputes'
	),
	c('civil.insurance', 'Страховые споры', 'Сақтандыру даулары', 'Insurance disputes'),
	c('civil.tort', 'Возмещение вреда', 'Зиянды өтеу', 'Damages (tort)'),
	c('civil.other', 'Иные гражданские дела', 'Өзге де азаматтық істер', 'Other civil cases'),

	c('criminal.murder_99', 'Убийство', 'Кісі өлтіру', 'Murder', '99'),
	c(
		'criminal.bodily_harm_106',
		'Умышленное причинение тяжкого вреда здоровью',
		'Денсаулыққа қасақана ауыр зиян келтіру',
		'Grievous bodily harm',
		'106'
	),
	c('criminal.theft_188', 'Кража', 'Ұрлық', 'Theft', '188'),
	c(
		'criminal.embezzlement_189',
		'Присвоение или растрата вверенного имущества',
		'Сеніп тапсырылған бөтен мүлікті иемденіп алу немесе ысырап ету',
		'Embezzlement',
		'189'
	),
	c('criminal.fraud_190', 'Мошенничество', 'Алаяқтық', 'Fraud', '190'),
	c('criminal.robbery_191', 'Грабёж', 'Тонау', 'Robbery', '191'),
	c(
		'criminal.droppers_232_1',
		'Незаконная передача банковских счетов (дропперство)',
		'Банк шоттарын заңсыз беру (дропперлік)',
		'Illegal transfer of bank accounts (droppers)',
		'232-1'
	),
	c('criminal.hooliganism_293', 'Хулиганство', 'Бұзақылық', 'Hooliganism', '293'),
	c(
		'criminal.drugs_296',
		'Незаконный оборот наркотических средств без цели сбыта',
		'Есірткі құралдарын өткізу мақсатынсыз заңсыз айналымға салу',
		'Drug possession without intent to sell',
		'296'
	),
	c('criminal.traffic_345', 'Нарушение правил дорожного движения', 'Жол жүрісі қағидаларын бұзу', 'Traffic offences causing harm', '345'),
	c('criminal.bribery_366', 'Получение взятки', 'Пара алу', 'Taking a bribe', '366'),
	c('criminal.other', 'Иные уголовные дела', 'Өзге де қылмыстық істер', 'Other criminal cases'),

	c('administrative.tax', 'Налоговые споры', 'Салық даулары', 'Tax disputes'),
	c('administrative.customs', 'Таможенные споры', 'Кеден даулары', 'Customs disputes'),
	c('administrative.land', 'Споры с акиматами о земле', 'Жер туралы әкімдіктермен даулар', 'Land decisions of local authorities'),
	c('administrative.licensing', 'Лицензирование и разрешения', 'Лицензиялау және рұқсаттар', 'Licences and permits'),
	c('administrative.procurement', 'Государственные закупки', 'Мемлекеттік сатып алу', 'Public procurement'),
	c('administrative.migration', 'Миграционные решения', 'Көші-қон шешімдері', 'Migration decisions'),
	c('administrative.social_benefits', 'Социальные выплаты и пособия', 'Әлеуметтік төлемдер мен жәрдемақылар', 'Social benefits'),
	c('administrative.other', 'Иные административные дела', 'Өзге де әкімшілік істер', 'Other administrative cases'),

	c('admin_offense.traffic', 'Нарушения правил дорожного движения', 'Жол жүрісі қағидаларын бұзу', 'Traffic violations'),
	c('admin_offense.drunk_driving', 'Управление транспортом в состоянии опьянения', 'Мас күйінде көлік жүргізу', 'Drunk driving', '608'),
	c('admin_offense.petty_hooliganism', 'Мелкое хулиганство', 'Ұсақ бұзақылық', 'Petty hooliganism', '434'),
	c(
		'admin_offense.domestic_violence',
		'Противоправные действия в сфере семейно-бытовых отношений',
		'Отбасылық-тұрмыстық қатынастар саласындағы құқыққа қайшы әрекеттер',
		'Domestic violence',
		'73'
	),
	c(
		'admin_offense.tax_customs',
		'Налоговые и таможенные правонарушения',
		'Салық және кеден құқық бұзушылықтары',
		'Tax and customs offences'
	),
	c('admin_offense.trade', 'Нарушения правил торговли', 'Сауда қағидаларын бұзу', 'Trade rule violations'),
	c('admin_offense.migration', 'Нарушения миграционного законодательства', 'Көші-қон заңнамасын бұзу', 'Migration offences'),
	c('admin_offense.other', 'Иные административные правонарушения', 'Өзге де әкімшілік құқық бұзушылықтар', 'Other administrative offences')
];

const BY_ID = new Map(CATEGORIES.map((x) => [x.id, x]));

export function categoryById(id: string): Category | undefined {
	return BY_ID.get(id);
}

export function categoriesOf(caseType: CaseType): readonly Category[] {
	return CATEGORIES.filter((x) => x.caseType === caseType);
}
