/**
 * The indicator catalog (DOMAIN.md §4): every figure the product shows is declared here once,
 * as data, and compiled to SQL in one place (server/metrics/compile.ts).
 */
import { FRAUD_COURT_INDICATORS, SEED_FRAUD } from './fraud-indicators';
import type { Indicator, Measure } from './types';

const DAYS_TO_DECISION = "date_diff('day', filed_date, decided_date)";
const ON_MERITS = "review_outcome IN ('upheld', 'reversed', 'modified')";
const FIRST_CIVIL = "instance = 'first' AND case_type = 'civil'";
/** First-instance and appeal courts belong to a region; cassation courts and the Supreme Court are national. */
const REGIONAL_COURTS = "instance IN ('first', 'appeal')";
/** Upheld, reversed or modified: a decision on the merits of a complaint (not returned, not refused admission). */
const OUTCOME_ON_MERITS = "outcome IN ('upheld', 'reversed', 'modified')";
/** Which statutory limits apply, said wherever they are used. */
const LIMITS_NOTE = {
	ru: 'Сроки: гражданские и административные дела — два месяца, дела об административных правонарушениях — 15 дней, апелляция — два месяца, кассационные жалобы, поступившие с 1 июля 2025 г., — шесть месяцев (более ранние не учитываются: для них такого срока не было); два месяца по уголовным делам первой инстанции — значение проекта по умолчанию, а не срок из УПК. Настраиваются.',
	kk: 'Мерзімдер: азаматтық және әкімшілік істер — екі ай, әкімшілік құқық бұзушылық істері — 15 күн, апелляция — екі ай, 2025 жылғы 1 шілдеден бастап түскен кассациялық шағымдар — алты ай (бұрынғылары есепке алынбайды: оларға мұндай мерзім болмаған); бірінші сатыдағы қылмыстық істер бойынша екі ай — ҚІЖК мерзімі емес, жобаның әдепкі мәні. Бапталады.',
	en: 'Limits: civil and administrative cases two months, administrative offences 15 days, appeals two months, cassation complaints received from 1 July 2025 six months (earlier ones are left out: they had no such limit); the two months for first-instance criminal cases are a project default, not a term of the Criminal Procedure Code. Configurable.'
};

const incoming: Measure = { kind: 'count', fact: 'cases', event: 'filed' };
const resolved: Measure = { kind: 'count', fact: 'cases', event: 'decided' };
const pendingEnd: Measure = { kind: 'stock', fact: 'cases', at: 'end' };
const pendingStart: Measure = { kind: 'stock', fact: 'cases', at: 'start' };
const fraudIncidents: Measure = { kind: 'count', fact: 'fraud', event: 'registered' };

const form = (column: 'incoming' | 'resolved' | 'pending_start' | 'pending_end'): Measure => ({ kind: 'form', column });

const CEPEJ = {
	ru: 'CEPEJ, Руководство по статистике правосудия',
	kk: 'CEPEJ, сот статистикасы жөніндегі нұсқаулық',
	en: 'CEPEJ Guidelines on judicial statistics'
};
const COURTOOLS = { ru: 'CourTools (NCSC)', kk: 'CourTools (NCSC)', en: 'CourTools (NCSC)' };
const PRACTICE = {
	ru: 'Стандартный показатель судов Казахстана',
	kk: 'Қазақстан соттарының стандартты көрсеткіші',
	en: 'Standard indicator of Kazakhstan courts'
};
const SEED_DIGITAL = {
	ru: 'Цифровое правосудие: сообщение судов Шымкента о «Судебном кабинете» (28.08.2025); статья о цифровых технологиях в подготовке судей',
	kk: 'Цифрлық сот төрелігі: Шымкент соттарының «Сот кабинеті» туралы хабарламасы (28.08.2025); судьяларды даярлаудағы цифрлық технологиялар туралы мақала',
	en: 'Digital justice: the courts of Shymkent on the “Judicial cabinet” (28 Aug 2025); an article on digital technologies in training judges'
};
const CASSATION_LAW = {
	ru: 'Конституционный закон РК № 109-VIII от 5 июля 2024 г.',
	kk: 'ҚР 2024 жылғы 5 шілдедегі № 109-VIII Конституциялық заңы',
	en: 'Constitutional Law No. 109-VIII of 5 July 2024'
};
const PROCEDURAL_CODES = {
	ru: `ГПК, УПК, АППК, КоАП РК; кассация: ${CASSATION_LAW.ru}`,
	kk: `АІЖК, ҚІЖК, ӘРПК, ӘҚБтК; кассация: ${CASSATION_LAW.kk}`,
	en: `Procedural codes of Kazakhstan; cassation: ${CASSATION_LAW.en}`
};

export const INDICATORS: readonly Indicator[] = [
	{
		id: 'incoming',
		group: 'caseload',
		name: { ru: 'Поступило дел', kk: 'Түскен істер', en: 'Incoming cases' },
		definition: {
			ru: 'Число дел и материалов, поступивших в суд за период.',
			kk: 'Кезең ішінде сотқа түскен істер мен материалдар саны.',
			en: 'Cases and materials filed with the court in the period.'
		},
		formula: {
			ru: 'число дел с датой поступления в периоде',
			kk: 'түскен күні кезеңге кіретін істер саны',
			en: 'count of cases with filing date in the period'
		},
		unit: 'count',
		better: 'neutral',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: incoming,
		formMeasure: form('incoming')
	},
	{
		id: 'resolved',
		group: 'caseload',
		name: { ru: 'Окончено дел', kk: 'Аяқталған істер', en: 'Resolved cases' },
		definition: {
			ru: 'Число дел, по которым вынесен итоговый акт за период.',
			kk: 'Кезең ішінде қорытынды акт шығарылған істер саны.',
			en: 'Cases decided (final act issued) in the period.'
		},
		formula: {
			ru: 'число дел с датой решения в периоде',
			kk: 'шешім күні кезеңге кіретін істер саны',
			en: 'count of cases with decision date in the period'
		},
		unit: 'count',
		better: 'up',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: resolved,
		formMeasure: form('resolved')
	},
	{
		id: 'pending_end',
		group: 'caseload',
		name: { ru: 'Остаток на конец периода', kk: 'Кезең соңындағы қалдық', en: 'Pending at end' },
		definition: {
			ru: 'Дела, поступившие не позднее конца периода и не оконченные к этой дате.',
			kk: 'Кезең соңына дейін түсіп, сол күнге дейін аяқталмаған істер.',
			en: 'Cases filed on or before the end of the period and not decided by then.'
		},
		formula: {
			ru: 'остаток на начало + поступило − окончено',
			kk: 'басындағы қалдық + түскені − аяқталғаны',
			en: 'pending at start + incoming − resolved'
		},
		unit: 'count',
		better: 'down',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: pendingEnd,
		formMeasure: form('pending_end')
	},
	{
		id: 'pending_start',
		group: 'caseload',
		name: { ru: 'Остаток на начало периода', kk: 'Кезең басындағы қалдық', en: 'Pending at start' },
		definition: {
			ru: 'Дела, поступившие до начала периода и не оконченные к его началу.',
			kk: 'Кезең басталғанға дейін түсіп, басында аяқталмаған істер.',
			en: 'Cases filed before the period and not decided when it began.'
		},
		formula: {
			ru: 'число дел, не оконченных на начало периода',
			kk: 'кезең басында аяқталмаған істер саны',
			en: 'count of cases undecided at the start of the period'
		},
		unit: 'count',
		better: 'down',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: pendingStart,
		formMeasure: form('pending_start')
	},
	{
		id: 'clearance_rate',
		group: 'caseload',
		name: { ru: 'Коэффициент разрешения дел', kk: 'Істерді шешу коэффициенті', en: 'Clearance rate' },
		definition: {
			ru: 'Отношение оконченных дел к поступившим. 100% и выше: остаток не растёт.',
			kk: 'Аяқталған істердің түскен істерге қатынасы. 100% және одан жоғары: қалдық өспейді.',
			en: 'Resolved cases as a share of incoming ones. At 100% or more the backlog does not grow.'
		},
		formula: { ru: 'окончено ÷ поступило × 100%', kk: 'аяқталғаны ÷ түскені × 100%', en: 'resolved ÷ incoming × 100%' },
		unit: 'percent',
		better: 'up',
		thresholds: { target: 100, warn: 100, bad: 95 },
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: { kind: 'ratio', num: resolved, den: incoming, scale: 100 },
		formMeasure: { kind: 'ratio', num: form('resolved'), den: form('incoming'), scale: 100 }
	},
	{
		id: 'turnover_ratio',
		group: 'caseload',
		name: { ru: 'Коэффициент оборачиваемости', kk: 'Айналым коэффициенті', en: 'Case turnover ratio' },
		definition: {
			ru: 'Сколько раз за период «оборачивается» остаток дел.',
			kk: 'Кезең ішінде істер қалдығы неше рет «айналады».',
			en: 'How many times the pending caseload is turned over in the period.'
		},
		formula: { ru: 'окончено ÷ остаток на конец', kk: 'аяқталғаны ÷ соңындағы қалдық', en: 'resolved ÷ pending at end' },
		unit: 'ratio',
		better: 'up',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: { kind: 'ratio', num: resolved, den: pendingEnd, scale: 1 },
		formMeasure: { kind: 'ratio', num: form('resolved'), den: form('pending_end'), scale: 1 }
	},
	{
		id: 'disposition_time',
		group: 'caseload',
		name: { ru: 'Расчётное время рассмотрения', kk: 'Есептік қарау уақыты', en: 'Disposition time' },
		definition: {
			ru: 'Сколько дней потребовалось бы, чтобы окончить остаток при текущем темпе.',
			kk: 'Қазіргі қарқынмен қалдықты аяқтауға қажет күндер саны.',
			en: 'Days the pending cases would need at the current pace of resolution.'
		},
		formula: {
			ru: 'остаток на конец ÷ окончено × дней в периоде (год — 365 дней, как у CEPEJ: 29 февраля не считается)',
			kk: 'соңындағы қалдық ÷ аяқталғаны × кезеңдегі күндер (жыл — 365 күн, CEPEJ сияқты: 29 ақпан есептелмейді)',
			en: 'pending at end ÷ resolved × days in period (a year of 365 days, as CEPEJ counts: 29 February is left out)'
		},
		unit: 'days',
		better: 'down',
		thresholds: { warn: 60, bad: 90 },
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: { kind: 'ratio', num: pendingEnd, den: resolved, scale: 'days' },
		formMeasure: { kind: 'ratio', num: form('pending_end'), den: form('resolved'), scale: 'days' }
	},
	{
		id: 'incoming_per_100k',
		group: 'caseload',
		name: { ru: 'Поступило на 100 тыс. жителей', kk: '100 мың тұрғынға түскені', en: 'Incoming per 100,000 inhabitants' },
		definition: {
			ru: 'Дела, поступившие в суды первой и апелляционной инстанции региона, на 100 000 его жителей (население на 1 января 2023 г.). Кассационные суды и Верховный суд общенациональны и к региону не относятся.',
			kk: 'Өңірдің бірінші және апелляциялық саты соттарына түскен істер, оның 100 000 тұрғынына шаққанда (2023 жылғы 1 қаңтардағы халық). Кассациялық соттар мен Жоғарғы Сот жалпыұлттық, өңірге жатпайды.',
			en: 'Cases filed with the first-instance and appeal courts of the regions in scope per 100,000 of their inhabitants (population on 1 January 2023). Cassation courts and the Supreme Court are national and belong to no region.'
		},
		formula: {
			ru: 'поступило в суды первой и апелляционной инстанции ÷ население × 100 000',
			kk: 'бірінші және апелляциялық саты соттарына түскені ÷ халық × 100 000',
			en: 'incoming at first instance and appeal ÷ population × 100,000'
		},
		unit: 'per100k',
		better: 'neutral',
		source: 'CEPEJ',
		sourceNote: CEPEJ,
		measure: { kind: 'per_capita', of: { ...incoming, where: REGIONAL_COURTS } },
		allowedBy: ['region']
	},
	{
		id: 'median_days',
		group: 'timeliness',
		name: { ru: 'Медианный срок рассмотрения', kk: 'Қараудың медианалық мерзімі', en: 'Median days to decision' },
		definition: {
			ru: 'Медиана дней от поступления до решения по делам, оконченным в периоде.',
			kk: 'Кезеңде аяқталған істер бойынша түскеннен шешімге дейінгі күндер медианасы.',
			en: 'Median days from filing to decision of the cases decided in the period.'
		},
		formula: {
			ru: 'медиана(дата решения − дата поступления)',
			kk: 'медиана(шешім күні − түскен күні)',
			en: 'median(decision date − filing date)'
		},
		unit: 'days',
		better: 'down',
		thresholds: { warn: 45, bad: 60 },
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'quantile', fact: 'cases', event: 'decided', expr: DAYS_TO_DECISION, q: 0.5 }
	},
	{
		id: 'p90_days',
		group: 'timeliness',
		name: { ru: '90-й процентиль срока', kk: 'Мерзімнің 90-шы процентилі', en: '90th percentile of days to decision' },
		definition: {
			ru: 'Срок, в который окончены 90% дел, оконченных в периоде.',
			kk: 'Кезеңде аяқталған істердің 90%-ы аяқталған мерзім.',
			en: 'Days within which 90% of the cases decided in the period were decided.'
		},
		formula: {
			ru: '90-й процентиль(дата решения − дата поступления)',
			kk: '90-шы процентиль(шешім күні − түскен күні)',
			en: '90th percentile(decision date − filing date)'
		},
		unit: 'days',
		better: 'down',
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'quantile', fact: 'cases', event: 'decided', expr: DAYS_TO_DECISION, q: 0.9 }
	},
	{
		id: 'within_standard_share',
		group: 'timeliness',
		name: { ru: 'Окончено в пределах нормативного срока', kk: 'Нормативтік мерзімде аяқталғаны', en: 'Decided within time standard' },
		definition: {
			ru: 'Доля дел, оконченных в пределах управленческого нормативного срока (настраивается).',
			kk: 'Басқарушылық нормативтік мерзімде аяқталған істер үлесі (бапталады).',
			en: 'Share of cases decided within the management time standard (configurable).'
		},
		formula: {
			ru: 'окончено в срок ÷ окончено × 100%',
			kk: 'мерзімінде аяқталғаны ÷ аяқталғаны × 100%',
			en: 'decided within standard ÷ decided × 100%'
		},
		unit: 'percent',
		better: 'up',
		thresholds: { target: 98, warn: 98, bad: 95 },
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'share', fact: 'cases', event: 'decided', hit: 'decided_date <= {standard}' }
	},
	{
		id: 'within_limit_share',
		group: 'timeliness',
		name: { ru: 'Соблюдение процессуальных сроков', kk: 'Іс жүргізу мерзімдерінің сақталуы', en: 'Statutory deadline compliance' },
		definition: {
			ru: `Доля дел, оконченных в срок, среди оконченных дел, для которых срок установлен. ${LIMITS_NOTE.ru}`,
			kk: `Мерзімі белгіленген аяқталған істер ішінде мерзімінде аяқталғандар үлесі. ${LIMITS_NOTE.kk}`,
			en: `Share of cases decided within their limit among the decided cases that have one. ${LIMITS_NOTE.en}`
		},
		formula: {
			ru: 'окончено в срок ÷ окончено (со сроком) × 100%',
			kk: 'мерзімінде аяқталғаны ÷ аяқталғаны (мерзімі барлар) × 100%',
			en: 'decided within limit ÷ decided (with a limit) × 100%'
		},
		unit: 'percent',
		better: 'up',
		thresholds: { target: 100, warn: 95, bad: 90 },
		source: 'statute',
		sourceNote: PROCEDURAL_CODES,
		measure: { kind: 'share', fact: 'cases', event: 'decided', hit: 'decided_date <= {deadline}', base: '{deadline} IS NOT NULL' }
	},
	{
		id: 'pending_past_limit',
		group: 'timeliness',
		name: { ru: 'Дела с нарушением срока в остатке', kk: 'Қалдықтағы мерзімі өткен істер', en: 'Pending past statutory limit' },
		definition: {
			ru: `Неоконченные на конец периода дела, срок рассмотрения которых уже истёк. ${LIMITS_NOTE.ru}`,
			kk: `Кезең соңында аяқталмаған, қарау мерзімі өтіп кеткен істер. ${LIMITS_NOTE.kk}`,
			en: `Cases pending at the end of the period whose statutory limit has already passed. ${LIMITS_NOTE.en}`
		},
		formula: {
			ru: 'число дел в остатке, у которых срок < конец периода',
			kk: 'мерзімі кезең соңынан бұрын өткен қалдықтағы істер саны',
			en: 'count of pending cases with limit date before the period end'
		},
		unit: 'count',
		better: 'down',
		source: 'statute',
		sourceNote: PROCEDURAL_CODES,
		measure: { kind: 'stock', fact: 'cases', at: 'end', since: '{deadline} + 1' }
	},
	{
		id: 'pending_age_median',
		group: 'timeliness',
		name: { ru: 'Медианный возраст остатка', kk: 'Қалдықтың медианалық жасы', en: 'Median age of pending cases' },
		definition: {
			ru: 'Медиана дней от поступления до конца периода для неоконченных дел.',
			kk: 'Аяқталмаған істер үшін түскеннен кезең соңына дейінгі күндер медианасы.',
			en: 'Median days from filing to the end of the period of the cases still pending.'
		},
		formula: {
			ru: 'медиана(конец периода − дата поступления) по остатку',
			kk: 'қалдық бойынша медиана(кезең соңы − түскен күні)',
			en: 'median(period end − filing date) over pending cases'
		},
		unit: 'days',
		better: 'down',
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'stock_quantile', fact: 'cases', q: 0.5 }
	},
	{
		id: 'pending_over_1y_share',
		group: 'timeliness',
		name: { ru: 'Остаток старше 1 года', kk: '1 жылдан асқан қалдық', en: 'Pending older than 1 year' },
		definition: {
			ru: 'Доля неоконченных дел, находящихся в производстве более одного года.',
			kk: 'Бір жылдан астам іс жүргізудегі аяқталмаған істер үлесі.',
			en: 'Share of pending cases that have been pending for more than one year.'
		},
		formula: {
			ru: 'остаток старше 365 дней ÷ остаток × 100%',
			kk: '365 күннен асқан қалдық ÷ қалдық × 100%',
			en: 'pending over 365 days ÷ pending × 100%'
		},
		unit: 'percent',
		better: 'down',
		thresholds: { warn: 2, bad: 5 },
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'ratio', num: { kind: 'stock', fact: 'cases', at: 'end', since: 'filed_date + 366' }, den: pendingEnd, scale: 100 }
	},
	{
		id: 'pending_over_2y_share',
		group: 'timeliness',
		name: { ru: 'Остаток старше 2 лет', kk: '2 жылдан асқан қалдық', en: 'Pending older than 2 years' },
		definition: {
			ru: 'Доля неоконченных дел, находящихся в производстве более двух лет.',
			kk: 'Екі жылдан астам іс жүргізудегі аяқталмаған істер үлесі.',
			en: 'Share of pending cases that have been pending for more than two years.'
		},
		formula: {
			ru: 'остаток старше 730 дней ÷ остаток × 100%',
			kk: '730 күннен асқан қалдық ÷ қалдық × 100%',
			en: 'pending over 730 days ÷ pending × 100%'
		},
		unit: 'percent',
		better: 'down',
		thresholds: { warn: 0.5, bad: 1 },
		source: 'CourTools',
		sourceNote: COURTOOLS,
		measure: { kind: 'ratio', num: { kind: 'stock', fact: 'cases', at: 'end', since: 'filed_date + 731' }, den: pendingEnd, scale: 100 }
	},
	{
		id: 'appeal_rate',
		group: 'quality',
		name: { ru: 'Доля обжалованных актов', kk: 'Шағымдалған актілер үлесі', en: 'Appeal rate' },
		definition: {
			ru: 'Доля решений, оконченных в периоде, на которые затем поступила жалоба в следующую инстанцию (до данных на дату среза). Жалоба подаётся в течение месяца (апелляция) или шести месяцев (кассация), поэтому показатель за последние шесть месяцев предварительный: он ещё вырастет.',
			kk: 'Кезеңде аяқталып, кейін келесі сатыға шағым түскен шешімдер үлесі (деректер күніне дейін). Шағым бір ай (апелляция) немесе алты ай (кассация) ішінде беріледі, сондықтан соңғы алты айдың көрсеткіші алдын ала: ол әлі өседі.',
			en: 'Share of decisions made in the period against which a complaint to the next instance has arrived by the data date. Complaints come within a month (appeal) or six months (cassation), so the figure of the last six months is provisional: it will still grow.'
		},
		formula: { ru: 'обжаловано ÷ окончено × 100%', kk: 'шағымдалғаны ÷ аяқталғаны × 100%', en: 'reviewed ÷ decided × 100%' },
		unit: 'percent',
		better: 'neutral',
		source: 'practice',
		sourceNote: PRACTICE,
		measure: { kind: 'share', fact: 'appeals', event: 'decided', hit: 'reviewed', where: "instance <> 'supervisory'" },
		maturesIn: { months: 6 }
	},
	{
		id: 'stability',
		group: 'quality',
		name: { ru: 'Стабильность судебных актов', kk: 'Сот актілерінің тұрақтылығы', en: 'Stability of judicial acts' },
		definition: {
			ru: 'Доля актов, оставленных без изменения, среди пересмотренных по существу вышестоящей инстанцией в периоде; относится к суду, вынесшему акт.',
			kk: 'Кезеңде жоғары сатыда мәні бойынша қаралған актілер ішінде өзгеріссіз қалдырылғандар үлесі; актіні шығарған сотқа жатады.',
			en: 'Share of acts upheld among those reviewed on the merits by the higher instance in the period; attributed to the court that issued the act.'
		},
		formula: {
			ru: 'оставлено без изменения ÷ (оставлено + отменено + изменено) × 100%',
			kk: 'өзгеріссіз ÷ (өзгеріссіз + күшін жойған + өзгертілген) × 100%',
			en: 'upheld ÷ (upheld + reversed + modified) × 100%'
		},
		unit: 'percent',
		better: 'up',
		thresholds: { target: 90, warn: 85, bad: 80 },
		source: 'practice',
		sourceNote: PRACTICE,
		measure: { kind: 'share', fact: 'reviews', event: 'review_decided', hit: "review_outcome = 'upheld'", base: ON_MERITS }
	},
	{
		id: 'reversal_rate',
		group: 'quality',
		name: {
			ru: 'Доля отменённых и изменённых актов',
			kk: 'Күшін жойған және өзгертілген актілер үлесі',
			en: 'Reversal and modification rate'
		},
		definition: {
			ru: 'Дополнение стабильности: доля отменённых или изменённых актов среди пересмотренных по существу.',
			kk: 'Тұрақтылықтың толықтауышы: мәні бойынша қаралғандар ішінде күшін жойған немесе өзгертілген актілер үлесі.',
			en: 'Complement of stability: share of acts reversed or modified among those reviewed on the merits.'
		},
		formula: {
			ru: '(отменено + изменено) ÷ пересмотрено по существу × 100%',
			kk: '(күшін жойған + өзгертілген) ÷ мәні бойынша қаралғаны × 100%',
			en: '(reversed + modified) ÷ reviewed on the merits × 100%'
		},
		unit: 'percent',
		better: 'down',
		thresholds: { warn: 15, bad: 20 },
		source: 'practice',
		sourceNote: PRACTICE,
		measure: { kind: 'share', fact: 'reviews', event: 'review_decided', hit: "review_outcome IN ('reversed', 'modified')", base: ON_MERITS }
	},
	{
		id: 'merits_share',
		group: 'quality',
		name: { ru: 'Рассмотрено по существу', kk: 'Мәні бойынша қаралғаны', en: 'Heard on the merits' },
		definition: {
			ru: 'Доля жалоб, оконченных вышестоящими инстанциями, рассмотренных по существу: акт оставлен без изменения, отменён или изменён. Возвращённые жалобы и не допущенные к рассмотрению по существу не рассмотрены. С 1 июля 2025 г. кассация сплошная.',
			kk: 'Жоғары сатыларда аяқталған шағымдар ішінде мәні бойынша қаралғандар үлесі: акт өзгеріссіз қалдырылды, күші жойылды немесе өзгертілді. Қайтарылған және қарауға жіберілмеген шағымдар мәні бойынша қаралмаған. 2025 жылғы 1 шілдеден бастап кассация толық.',
			en: 'Share of complaints decided by the higher instances that were heard on the merits: the act upheld, reversed or modified. Complaints returned or refused admission were not. Cassation is continuous since 1 July 2025.'
		},
		formula: {
			ru: '(оставлено + отменено + изменено) ÷ окончено × 100%',
			kk: '(өзгеріссіз + күші жойылды + өзгертілді) ÷ аяқталғаны × 100%',
			en: '(upheld + reversed + modified) ÷ decided × 100%'
		},
		unit: 'percent',
		better: 'neutral',
		source: 'seed',
		sourceNote: {
			ru: `Кассационная реформа: ${CASSATION_LAW.ru}; Указ Президента РК № 748 от 27 декабря 2024 г.`,
			kk: `Кассациялық реформа: ${CASSATION_LAW.kk}; ҚР Президентінің 2024 жылғы 27 желтоқсандағы № 748 Жарлығы`,
			en: `Cassation reform: ${CASSATION_LAW.en}; Presidential Decree No. 748 of 27 December 2024`
		},
		measure: { kind: 'share', fact: 'cases', event: 'decided', hit: OUTCOME_ON_MERITS, where: "instance <> 'first'" }
	},
	{
		id: 'grant_rate',
		group: 'outcomes',
		name: { ru: 'Доля удовлетворённых исков', kk: 'Қанағаттандырылған талаптар үлесі', en: 'Grant rate' },
		definition: {
			ru: 'Доля исков, удовлетворённых полностью или частично, среди разрешённых по существу в первой инстанции (гражданские и административные).',
			kk: 'Бірінші сатыда мәні бойынша шешілгендер ішінде толық немесе ішінара қанағаттандырылған талаптар үлесі.',
			en: 'Share of claims granted in full or in part among those decided on the merits at first instance (civil and administrative).'
		},
		formula: {
			ru: '(удовлетворено + частично) ÷ (удовлетворено + частично + отказано) × 100%',
			kk: '(қанағаттандырылды + ішінара) ÷ (+ бас тартылды) × 100%',
			en: '(granted + partially) ÷ (granted + partially + denied) × 100%'
		},
		unit: 'percent',
		better: 'neutral',
		source: 'practice',
		sourceNote: PRACTICE,
		measure: {
			kind: 'share',
			fact: 'cases',
			event: 'decided',
			hit: "outcome IN ('granted', 'partially_granted')",
			base: "outcome IN ('granted', 'partially_granted', 'denied')",
			where: "instance = 'first'"
		}
	},
	{
		id: 'acquittal_rate',
		group: 'outcomes',
		name: { ru: 'Доля оправдательных приговоров', kk: 'Ақтау үкімдерінің үлесі', en: 'Acquittal rate' },
		definition: {
			ru: 'Доля оправдательных приговоров среди приговоров первой инстанции по уголовным делам.',
			kk: 'Қылмыстық істер бойынша бірінші сатыдағы үкімдер ішінде ақтау үкімдерінің үлесі.',
			en: 'Share of acquittals among first-instance criminal verdicts.'
		},
		formula: {
			ru: 'оправдано ÷ (осуждено + оправдано) × 100%',
			kk: 'ақталғаны ÷ (сотталғаны + ақталғаны) × 100%',
			en: 'acquitted ÷ (convicted + acquitted) × 100%'
		},
		unit: 'percent',
		better: 'neutral',
		source: 'practice',
		sourceNote: PRACTICE,
		measure: {
			kind: 'share',
			fact: 'cases',
			event: 'decided',
			hit: "outcome = 'acquitted'",
			base: "outcome IN ('convicted', 'acquitted')",
			where: "instance = 'first' AND case_type = 'criminal'"
		}
	},
	{
		id: 'e_filed_share',
		group: 'digital',
		name: { ru: 'Подано в электронном виде', kk: 'Электронды түрде берілгені', en: 'E-filed share' },
		definition: {
			ru: 'Доля дел, поступивших в электронном виде (Судебный кабинет, «е-уголовное дело»), среди поступивших с известным способом подачи. Опубликованные ориентиры — по видам дел: более 90% гражданских исков и более 70% уголовных дел; для других видов и для всех вместе ориентира нет.',
			kk: 'Электронды түрде түскен істер үлесі (Сот кабинеті, «е-қылмыстық іс»), берілу тәсілі белгілі түскендер ішінде. Жарияланған бағдарлар іс түрлері бойынша: азаматтық талаптардың 90%-дан астамы және қылмыстық істердің 70%-дан астамы; басқа түрлер мен барлығы бірге үшін бағдар жоқ.',
			en: 'Share of cases filed electronically (Judicial cabinet, e-criminal case) among those with a known filing channel. The published figures are per case type: more than 90% of civil claims and more than 70% of criminal cases; other types and all types together have no target.'
		},
		formula: { ru: 'электронно ÷ поступило × 100%', kk: 'электронды ÷ түскені × 100%', en: 'e-filed ÷ incoming × 100%' },
		unit: 'percent',
		better: 'up',
		thresholdsByCaseType: { civil: { target: 90, warn: 90, bad: 80 }, criminal: { target: 70, warn: 70, bad: 60 } },
		source: 'seed',
		sourceNote: SEED_DIGITAL,
		measure: { kind: 'share', fact: 'cases', event: 'filed', hit: 'e_filed', base: 'e_filed IS NOT NULL' }
	},
	{
		id: 'video_hearing_share',
		group: 'digital',
		name: { ru: 'Заседания по видеосвязи', kk: 'Бейнебайланыс арқылы отырыстар', en: 'Video hearings' },
		definition: {
			ru: 'Доля дел, рассмотренных с участием сторон по видеосвязи.',
			kk: 'Тараптардың бейнебайланыс арқылы қатысуымен қаралған істер үлесі.',
			en: 'Share of decided cases heard with the parties joining by video link.'
		},
		formula: { ru: 'по видеосвязи ÷ окончено × 100%', kk: 'бейнебайланыспен ÷ аяқталғаны × 100%', en: 'video ÷ decided × 100%' },
		unit: 'percent',
		better: 'neutral',
		source: 'seed',
		sourceNote: SEED_DIGITAL,
		measure: { kind: 'share', fact: 'cases', event: 'decided', hit: "hearing_format = 'video'", base: 'hearing_format IS NOT NULL' }
	},
	{
		id: 'av_recorded_share',
		group: 'digital',
		name: { ru: 'Аудио- и видеофиксация', kk: 'Аудио-бейнетіркеу', en: 'Audio/video recorded' },
		definition: {
			ru: 'Доля дел, заседания по которым записаны средствами аудио- и видеофиксации.',
			kk: 'Отырыстары аудио-бейнетіркеумен жазылған істер үлесі.',
			en: 'Share of decided cases whose hearings were audio/video recorded.'
		},
		formula: { ru: 'с записью ÷ окончено × 100%', kk: 'жазбамен ÷ аяқталғаны × 100%', en: 'recorded ÷ decided × 100%' },
		unit: 'percent',
		better: 'up',
		thresholds: { target: 90, warn: 90, bad: 80 },
		source: 'seed',
		sourceNote: SEED_DIGITAL,
		measure: { kind: 'share', fact: 'cases', event: 'decided', hit: 'av_recorded', base: 'av_recorded IS NOT NULL' }
	},
	{
		id: 'auto_assigned_share',
		group: 'digital',
		name: { ru: 'Автоматическое распределение', kk: 'Автоматты бөлу', en: 'Automatic assignment' },
		definition: {
			ru: 'Доля дел, распределённых судьям автоматизированной системой.',
			kk: 'Судьяларға автоматтандырылған жүйемен бөлінген істер үлесі.',
			en: 'Share of incoming cases assigned to judges automatically.'
		},
		formula: { ru: 'автоматически ÷ поступило × 100%', kk: 'автоматты ÷ түскені × 100%', en: 'auto-assigned ÷ incoming × 100%' },
		unit: 'percent',
		better: 'up',
		thresholds: { target: 100, warn: 98, bad: 95 },
		source: 'seed',
		sourceNote: SEED_DIGITAL,
		measure: { kind: 'share', fact: 'cases', event: 'filed', hit: 'auto_assigned', base: 'auto_assigned IS NOT NULL' }
	},
	{
		id: 'extraterritorial_share',
		group: 'digital',
		name: { ru: 'Экстерриториальная подсудность', kk: 'Экстерриториялық соттылық', en: 'Extraterritorial assignment' },
		definition: {
			ru: 'Доля дел, распределённых судьям других регионов (с августа 2022 г.).',
			kk: 'Басқа өңірлердің судьяларына бөлінген істер үлесі (2022 жылғы тамыздан бастап).',
			en: 'Share of incoming cases assigned at random to judges of other regions (since August 2022).'
		},
		formula: {
			ru: 'экстерриториально ÷ поступило × 100%',
			kk: 'экстерриториялық ÷ түскені × 100%',
			en: 'extraterritorial ÷ incoming × 100%'
		},
		unit: 'percent',
		better: 'neutral',
		source: 'seed',
		sourceNote: SEED_DIGITAL,
		measure: { kind: 'share', fact: 'cases', event: 'filed', hit: 'extraterritorial', base: 'extraterritorial IS NOT NULL' }
	},
	{
		id: 'reconciliation_share',
		group: 'reconciliation',
		name: { ru: 'Примирение сторон', kk: 'Тараптардың татуласуы', en: 'Reconciliation share' },
		definition: {
			ru: 'Доля гражданских дел первой инстанции, оконченных медиацией, мировым соглашением или е-примирением.',
			kk: 'Медиациямен, татуласу келісімімен немесе е-татуласумен аяқталған бірінші сатыдағы азаматтық істер үлесі.',
			en: 'Share of first-instance civil cases ended by mediation, settlement or e-reconciliation.'
		},
		formula: { ru: 'примирением ÷ окончено × 100%', kk: 'татуласумен ÷ аяқталғаны × 100%', en: 'reconciled ÷ decided × 100%' },
		unit: 'percent',
		better: 'up',
		source: 'seed',
		sourceNote: {
			ru: 'Медиация и примирение: статистика РОО «Международный правозащитный центр»',
			kk: 'Медиация және татуласу: «Халықаралық құқық қорғау орталығы» РҚБ статистикасы',
			en: 'Mediation and reconciliation: statistics of the International Human Rights Center, a public association'
		},
		measure: {
			kind: 'share',
			fact: 'cases',
			event: 'decided',
			hit: "reconciliation IN ('mediation', 'settlement', 'e_reconciliation')",
			base: 'reconciliation IS NOT NULL',
			where: FIRST_CIVIL
		}
	},
	{
		id: 'judge_workload',
		group: 'workload',
		name: { ru: 'Нагрузка на судью', kk: 'Судьяға жүктеме', en: 'Judge workload' },
		definition: {
			ru: 'Окончено дел в среднем на одного судью в месяц (судьи, окончившие хотя бы одно дело).',
			kk: 'Бір судьяға айына орта есеппен аяқталған істер (кемінде бір іс аяқтаған судьялар).',
			en: 'Cases resolved per judge per month, on average over judges who resolved any.'
		},
		formula: {
			ru: 'окончено ÷ судей ÷ календарных месяцев периода (неполный месяц — его доля дней)',
			kk: 'аяқталғаны ÷ судьялар ÷ кезеңнің күнтізбелік айлары (толық емес ай — күндерінің үлесі)',
			en: 'resolved ÷ judges ÷ calendar months of the period (a part of a month as its share of days)'
		},
		unit: 'per_judge_month',
		better: 'neutral',
		source: 'practice',
		sourceNote: PRACTICE,
		measure: { kind: 'per_judge_month', of: resolved }
	},
	{
		id: 'judge_workload_spread',
		group: 'workload',
		name: { ru: 'Неравномерность нагрузки судей', kk: 'Судьялар жүктемесінің біркелкі еместігі', en: 'Spread of judge workload' },
		definition: {
			ru: 'Коэффициент вариации числа оконченных дел между судьями: чем выше, тем неравномернее нагрузка.',
			kk: 'Судьялар арасындағы аяқталған істер санының вариация коэффициенті.',
			en: 'Coefficient of variation of resolved cases across judges: the higher, the more uneven the load.'
		},
		formula: {
			ru: 'стандартное отклонение ÷ среднее × 100%',
			kk: 'стандартты ауытқу ÷ орташа × 100%',
			en: 'standard deviation ÷ mean × 100%'
		},
		unit: 'percent',
		better: 'down',
		thresholds: { warn: 40, bad: 60 },
		source: 'practice',
		sourceNote: PRACTICE,
		measure: { kind: 'judge_spread', of: resolved }
	},
	{
		id: 'fraud_incidents',
		group: 'fraud',
		name: { ru: 'Факты интернет-мошенничества', kk: 'Интернет-алаяқтық фактілері', en: 'Internet fraud incidents' },
		definition: {
			ru: 'Зарегистрированные факты интернет-мошенничества (ст. 190 УК) и незаконной передачи банковских счетов (ст. 232-1 УК, с 16.09.2025).',
			kk: 'Тіркелген интернет-алаяқтық (ҚК 190-бабы) және банк шоттарын заңсыз беру (ҚК 232-1-бабы, 16.09.2025 бастап) фактілері.',
			en: 'Registered internet fraud (Criminal Code art. 190) and illegal transfer of bank accounts (art. 232-1, since 16 Sep 2025).'
		},
		formula: {
			ru: 'число фактов с датой регистрации в периоде',
			kk: 'тіркелген күні кезеңге кіретін фактілер саны',
			en: 'count of incidents registered in the period'
		},
		unit: 'count',
		better: 'down',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: fraudIncidents
	},
	{
		id: 'fraud_damage',
		group: 'fraud',
		name: { ru: 'Ущерб от интернет-мошенничества', kk: 'Интернет-алаяқтықтан келген залал', en: 'Internet fraud damage' },
		definition: {
			ru: 'Сумма ущерба по фактам, зарегистрированным в периоде, в тенге.',
			kk: 'Кезеңде тіркелген фактілер бойынша залал сомасы, теңге.',
			en: 'Total damage of the incidents registered in the period, in tenge.'
		},
		formula: { ru: 'сумма ущерба', kk: 'залал сомасы', en: 'sum of damage' },
		unit: 'kzt',
		better: 'down',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'sum', fact: 'fraud', event: 'registered', expr: 'damage_kzt' }
	},
	{
		id: 'fraud_damage_median',
		group: 'fraud',
		name: { ru: 'Медианный ущерб', kk: 'Медианалық залал', en: 'Median damage' },
		definition: {
			ru: 'Медиана ущерба по одному факту, в тенге.',
			kk: 'Бір факт бойынша залалдың медианасы, теңге.',
			en: 'Median damage per incident, in tenge.'
		},
		formula: { ru: 'медиана(ущерб)', kk: 'медиана(залал)', en: 'median(damage)' },
		unit: 'kzt',
		better: 'down',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'quantile', fact: 'fraud', event: 'registered', expr: 'damage_kzt', q: 0.5 }
	},
	{
		id: 'fraud_recovered_share',
		group: 'fraud',
		name: { ru: 'Возмещённая доля ущерба', kk: 'Өтелген залал үлесі', en: 'Recovered share of damage' },
		definition: {
			ru: 'Доля возмещённого ущерба в общей сумме ущерба.',
			kk: 'Өтелген залалдың жалпы залалдағы үлесі.',
			en: 'Recovered amount as a share of total damage.'
		},
		formula: { ru: 'возмещено ÷ ущерб × 100%', kk: 'өтелгені ÷ залал × 100%', en: 'recovered ÷ damage × 100%' },
		unit: 'percent',
		better: 'up',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'sum_share', fact: 'fraud', event: 'registered', part: 'coalesce(recovered_kzt, 0)', whole: 'damage_kzt' }
	},
	{
		id: 'fraud_per_100k',
		group: 'fraud',
		name: { ru: 'Мошенничество на 100 тыс. жителей', kk: '100 мың тұрғынға алаяқтық', en: 'Fraud per 100,000 inhabitants' },
		definition: {
			ru: 'Зарегистрированные факты на 100 000 жителей (население на 1 января 2023 г.).',
			kk: '100 000 тұрғынға шаққандағы тіркелген фактілер (2023 жылғы 1 қаңтардағы халық).',
			en: 'Registered incidents per 100,000 inhabitants (population on 1 January 2023).'
		},
		formula: { ru: 'факты ÷ население × 100 000', kk: 'фактілер ÷ халық × 100 000', en: 'incidents ÷ population × 100,000' },
		unit: 'per100k',
		better: 'down',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'per_capita', of: fraudIncidents },
		allowedBy: ['region']
	},
	{
		id: 'fraud_court_share',
		group: 'fraud',
		name: { ru: 'Дошло до суда', kk: 'Сотқа жеткені', en: 'Reached court' },
		definition: {
			ru: 'Доля фактов, дела по которым переданы в суд (в суде или с приговором).',
			kk: 'Істері сотқа жіберілген фактілер үлесі (сотта немесе үкіммен).',
			en: 'Share of incidents whose case reached court (in court or convicted).'
		},
		formula: {
			ru: '(в суде + осуждён) ÷ факты × 100%',
			kk: '(сотта + сотталды) ÷ фактілер × 100%',
			en: '(in court + convicted) ÷ incidents × 100%'
		},
		unit: 'percent',
		better: 'up',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'share', fact: 'fraud', event: 'registered', hit: "status IN ('in_court', 'convicted')" }
	},
	{
		id: 'fraud_conviction_share',
		group: 'fraud',
		name: { ru: 'Окончено обвинительным приговором', kk: 'Айыптау үкімімен аяқталғаны', en: 'Ended in conviction' },
		definition: {
			ru: 'Доля фактов, завершившихся обвинительным приговором.',
			kk: 'Айыптау үкімімен аяқталған фактілер үлесі.',
			en: 'Share of incidents that ended in a conviction.'
		},
		formula: { ru: 'осуждён ÷ факты × 100%', kk: 'сотталды ÷ фактілер × 100%', en: 'convicted ÷ incidents × 100%' },
		unit: 'percent',
		better: 'up',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'share', fact: 'fraud', event: 'registered', hit: "status = 'convicted'" }
	},
	...FRAUD_COURT_INDICATORS
];

const BY_ID = new Map(INDICATORS.map((x) => [x.id, x]));

export function indicatorById(id: string): Indicator | undefined {
	return BY_ID.get(id);
}

/** An indicator of the catalog, or one of the indicators defined as data that a view carries with it (in the browser). */
export function indicatorAmong(id: string, defined: readonly Indicator[]): Indicator {
	return indicatorById(id) ?? defined.find((i) => i.id === id)!;
}
