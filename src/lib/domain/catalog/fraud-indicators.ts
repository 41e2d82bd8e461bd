/**
 * Fraud indicators of the fraud page beyond the basic ones in indicators.ts: the stages of the
 * investigation funnel, and what courts do with fraud — the verdicts of the incidents' court
 * cases (linked by case number), the appeal results, and the claims of the categories victims sue in.
 */
import { FRAUD_CIVIL_CATEGORIES } from '../fraud';
import type { L10n } from '../l10n';
import type { Indicator } from './types';

export const SEED_FRAUD: L10n = {
	ru: 'Интернет-мошенничество: сообщение судов Шымкента (28.08.2025)',
	kk: 'Интернет-алаяқтық: Шымкент соттарының хабарламасы (28.08.2025)',
	en: 'Internet fraud: a news release of the courts of Shymkent (28 Aug 2025)'
};
/** Trusted catalog SQL built from the domain list of categories. */
const CIVIL_CLAIM = `instance = 'first' AND category IN (${FRAUD_CIVIL_CATEGORIES.map((c) => `'${c}'`).join(', ')})`;

const stage = (id: string, name: L10n, definition: L10n, formula: L10n, hit: string): Indicator => ({
	id,
	group: 'fraud',
	name,
	definition,
	formula,
	unit: 'count',
	better: 'neutral',
	source: 'seed',
	sourceNote: SEED_FRAUD,
	measure: { kind: 'count', fact: 'fraud', event: 'registered', where: hit }
});

export const FRAUD_COURT_INDICATORS: readonly Indicator[] = [
	stage(
		'fraud_investigated',
		{ ru: 'Принято в расследование', kk: 'Тергеуге алынды', en: 'Taken into investigation' },
		{
			ru: 'Факты, зарегистрированные в периоде, по которым начато расследование (расследуются, прекращены, в суде или с приговором).',
			kk: 'Кезеңде тіркелген, тергеу басталған фактілер (тергелуде, тоқтатылған, сотта немесе үкіммен).',
			en: 'Incidents registered in the period whose investigation began (investigating, closed, in court or convicted).'
		},
		{
			ru: 'число фактов со статусом, отличным от «зарегистрировано»',
			kk: 'мәртебесі «тіркелді» емес фактілер саны',
			en: 'count of incidents with a status other than "registered"'
		},
		"status <> 'registered'"
	),
	stage(
		'fraud_in_court',
		{ ru: 'Передано в суд', kk: 'Сотқа жіберілді', en: 'Sent to court' },
		{
			ru: 'Факты, зарегистрированные в периоде, дела по которым переданы в суд (в суде или с приговором).',
			kk: 'Кезеңде тіркелген, істері сотқа жіберілген фактілер (сотта немесе үкіммен).',
			en: 'Incidents registered in the period whose case went to court (in court or convicted).'
		},
		{
			ru: 'число фактов «в суде» + «осуждён»',
			kk: '«сотта» + «сотталды» фактілер саны',
			en: 'count of incidents "in court" + "convicted"'
		},
		"status IN ('in_court', 'convicted')"
	),
	stage(
		'fraud_convicted',
		{ ru: 'Осуждено', kk: 'Сотталды', en: 'Convicted' },
		{
			ru: 'Факты, зарегистрированные в периоде, завершившиеся обвинительным приговором.',
			kk: 'Кезеңде тіркелген, айыптау үкімімен аяқталған фактілер.',
			en: 'Incidents registered in the period that ended in a conviction.'
		},
		{
			ru: 'число фактов со статусом «осуждён»',
			kk: '«сотталды» мәртебесі бар фактілер саны',
			en: 'count of incidents with status "convicted"'
		},
		"status = 'convicted'"
	),
	{
		id: 'fraud_verdicts',
		group: 'fraud',
		name: { ru: 'Приговоры по делам о мошенничестве', kk: 'Алаяқтық істері бойынша үкімдер', en: 'Verdicts in fraud cases' },
		definition: {
			ru: 'Решения первой инстанции, вынесенные в периоде по судебным делам фактов мошенничества (связь по номеру дела).',
			kk: 'Алаяқтық фактілерінің сот істері бойынша кезеңде шығарылған бірінші сатының шешімдері (іс нөмірі бойынша байланыс).',
			en: 'First-instance decisions in the period in the court cases of fraud incidents (linked by case number).'
		},
		formula: {
			ru: 'число связанных дел с датой решения в периоде',
			kk: 'шешім күні кезеңге кіретін байланысты істер саны',
			en: 'count of linked cases decided in the period'
		},
		unit: 'count',
		better: 'neutral',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'count', fact: 'fraud_verdicts', event: 'decided' }
	},
	{
		id: 'fraud_days_to_verdict',
		group: 'fraud',
		name: { ru: 'От регистрации до приговора', kk: 'Тіркеуден үкімге дейін', en: 'Registration to verdict' },
		definition: {
			ru: 'Медиана дней от регистрации факта до решения суда первой инстанции, по решениям периода.',
			kk: 'Фактіні тіркеуден бірінші саты сотының шешіміне дейінгі күндер медианасы, кезең шешімдері бойынша.',
			en: 'Median days from the registration of an incident to the first-instance decision, over the decisions of the period.'
		},
		formula: {
			ru: 'медиана(дата решения − дата регистрации)',
			kk: 'медиана(шешім күні − тіркелген күні)',
			en: 'median(decision date − registration date)'
		},
		unit: 'days',
		better: 'down',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'quantile', fact: 'fraud_verdicts', event: 'decided', expr: "date_diff('day', registered_date, decided_date)", q: 0.5 }
	},
	{
		id: 'fraud_appeal_results',
		group: 'fraud',
		name: { ru: 'Пересмотр приговоров по мошенничеству', kk: 'Алаяқтық үкімдерін қайта қарау', en: 'Reviews of fraud verdicts' },
		definition: {
			ru: 'Решения следующей инстанции, вынесенные в периоде по приговорам дел о мошенничестве; в разбивке по результату пересмотра — итоги обжалования.',
			kk: 'Алаяқтық істері бойынша үкімдерге келесі сатының кезеңде шығарған шешімдері; қайта қарау нәтижесі бойынша — шағымдану қорытындысы.',
			en: 'Decisions of the next instance in the period on the verdicts of fraud cases; broken down by review outcome, the appeal results.'
		},
		formula: {
			ru: 'число пересмотров с датой решения в периоде',
			kk: 'шешім күні кезеңге кіретін қайта қараулар саны',
			en: 'count of reviews decided in the period'
		},
		unit: 'count',
		better: 'neutral',
		source: 'practice',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'count', fact: 'fraud_reviews', event: 'review_decided' }
	},
	{
		id: 'fraud_civil_claims',
		group: 'fraud',
		name: {
			ru: 'Иски категорий, где судятся потерпевшие',
			kk: 'Жәбірленушілер сотқа жүгінетін санаттардағы талаптар',
			en: 'Claims in the categories fraud victims sue in'
		},
		definition: {
			ru: 'Все иски первой инстанции, поступившие в периоде, в трёх категориях, где потерпевшие от мошенничества взыскивают средства: неосновательное обогащение, недействительность сделок, возврат средств по цифровым активам. Учитываются иски любых истцов: данные не говорят, кто из них потерпевший.',
			kk: 'Кезеңде түскен бірінші сатыдағы барлық талаптар, алаяқтықтан жәбірленушілер қаражат өндіретін үш санатта: негізсіз баю, мәмілелердің жарамсыздығы, цифрлық активтер бойынша қаражатты қайтару. Кез келген талапкердің талаптары есептеледі: деректер олардың қайсысы жәбірленуші екенін айтпайды.',
			en: 'Every first-instance claim filed in the period in the three categories where fraud victims sue: unjust enrichment, invalidation of transactions, refunds on crypto-asset deals. Claims of any claimant are counted: the data does not say which claimants are fraud victims.'
		},
		formula: {
			ru: 'число исков этих категорий с датой поступления в периоде',
			kk: 'түскен күні кезеңге кіретін осы санаттағы талаптар саны',
			en: 'count of claims in these categories filed in the period'
		},
		unit: 'count',
		better: 'neutral',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: { kind: 'count', fact: 'cases', event: 'filed', where: CIVIL_CLAIM }
	},
	{
		id: 'fraud_civil_grant_rate',
		group: 'fraud',
		name: {
			ru: 'Удовлетворено исков этих категорий',
			kk: 'Осы санаттардағы қанағаттандырылған талаптар',
			en: 'Claims granted in these categories'
		},
		definition: {
			ru: 'Доля исков этих трёх категорий (любых истцов, не только потерпевших), удовлетворённых полностью или частично, среди разрешённых по существу в периоде.',
			kk: 'Кезеңде мәні бойынша шешілгендер ішінде толық немесе ішінара қанағаттандырылған осы үш санаттағы талаптар үлесі (тек жәбірленушілердің емес, кез келген талапкердің).',
			en: 'Share of claims in these three categories (of any claimant, not only fraud victims) granted in full or in part among those decided on the merits in the period.'
		},
		formula: {
			ru: '(удовлетворено + частично) ÷ (удовлетворено + частично + отказано) × 100%',
			kk: '(қанағаттандырылды + ішінара) ÷ (+ бас тартылды) × 100%',
			en: '(granted + partially) ÷ (granted + partially + denied) × 100%'
		},
		unit: 'percent',
		better: 'neutral',
		source: 'seed',
		sourceNote: SEED_FRAUD,
		measure: {
			kind: 'share',
			fact: 'cases',
			event: 'decided',
			where: CIVIL_CLAIM,
			hit: "outcome IN ('granted', 'partially_granted')",
			base: "outcome IN ('granted', 'partially_granted', 'denied')"
		}
	}
];
