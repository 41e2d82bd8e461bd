/**
 * How many first-instance cases are filed, when, where and of what kind. Scale 10 is the
 * national volume; figures here are national and scaled by the caller.
 */
import { CASE_TYPE_VALUES, CATEGORIES, type CaseType } from '../../domain/categories';
import { DROPPERS_IN_FORCE as DROPPERS_IN_FORCE_DATE } from '../../domain/fraud';
import { REGIONS } from '../../domain/regions';
import { dayOf, monthOf, monthStartOf, weekday, yearFraction, yearOf } from './calendar';
import { Weighted } from './random';
import { Trend } from './trend';

/** National first-instance filings in a month of index 100 (2019) before seasonality. */
const MONTHLY_BASE = 105_000;

/** Yearly volume index, 2019 = 100: lockdown 2020, recovery, growth, +16% in 2025. */
const YEAR_INDEX = Trend.yearly({
	2018: 97,
	2019: 100,
	2020: 100, // the 2020 shape comes from LOCKDOWN_2020 below
	2021: 100,
	2022: 105,
	2023: 111,
	2024: 118,
	2025: 137,
	2026: 145
});

/** Month shape of a normal year: New Year holidays, a summer lull, busy autumn. */
const SEASON = normalise([0.86, 0.98, 1.02, 1.04, 0.97, 1.03, 0.86, 0.84, 1.06, 1.1, 1.1, 1.04]);
/** 2020: state of emergency from 16 March to 11 May, then a slow return. */
const LOCKDOWN_2020 = [1, 1, 0.85, 0.4, 0.62, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93, 0.93];

function normalise(xs: number[]): number[] {
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	return xs.map((x) => x / mean);
}

export function nationalFirstInstance(monthStart: number): number {
	const y = yearOf(monthStart);
	const m = monthOf(monthStart);
	const lockdown = y === 2020 ? LOCKDOWN_2020[m] : 1;
	return (MONTHLY_BASE * YEAR_INDEX.at(monthStart + 14) * SEASON[m] * lockdown) / 100;
}

/** First-instance mix; criminal leaves room for the cases linked to fraud incidents. */
export const TYPE_MIX: Record<CaseType, number> = {
	civil: 0.5,
	admin_offense: 0.3,
	criminal: 0.096,
	administrative: 0.1
};

/** Litigation per inhabitant relative to the country: cities sue more, the rural south less. */
const PROPENSITY: Record<string, number> = {
	'KZ-71': 1.25,
	'KZ-75': 1.2,
	'KZ-35': 1.1,
	'KZ-47': 1.05,
	'KZ-23': 1.05,
	'KZ-55': 1.05,
	'KZ-79': 0.95,
	'KZ-31': 0.9,
	'KZ-43': 0.9,
	'KZ-61': 0.8
};

export const REGION_WEIGHTS = new Weighted(REGIONS.map((r) => [r.code, r.population * (PROPENSITY[r.code] ?? 1)] as const));

/** Filings on weekdays; a few on weekends through the e-filing cabinet. */
const WEEKDAY_WEIGHT = [1, 1, 1, 1, 1, 0.2, 0.1];
const filingDays = new Map<number, Weighted<number>>();

export function filingDaysOf(monthStart: number): Weighted<number> {
	let table = filingDays.get(monthStart);
	if (!table) {
		const entries: [number, number][] = [];
		for (let d = monthStart; monthOf(d) === monthOf(monthStart); d++) entries.push([d, WEEKDAY_WEIGHT[weekday(d)]]);
		filingDays.set(monthStart, (table = new Weighted(entries)));
	}
	return table;
}

/** Art. 232-1 of the Criminal Code (droppers) is in force from this day (domain/fraud.ts). */
export const DROPPERS_IN_FORCE = dayOf(DROPPERS_IN_FORCE_DATE);

/** Category weights in mid-2019 and their yearly growth (victims' claims grow with fraud). */
const CATEGORY_WEIGHTS: Record<string, { w: number; growth?: number; from?: number }> = {
	'civil.loan': { w: 26, growth: 1.02 },
	'civil.unjust_enrichment': { w: 3, growth: 1.18 },
	'civil.invalid_transaction': { w: 2, growth: 1.12 },
	'civil.crypto_refund': { w: 0.3, growth: 1.35 },
	'civil.consumer': { w: 5 },
	'civil.labour': { w: 4 },
	'civil.alimony': { w: 9 },
	'civil.family': { w: 13 },
	'civil.housing': { w: 5 },
	'civil.inheritance': { w: 3 },
	'civil.land': { w: 2.5 },
	'civil.corporate': { w: 4 },
	'civil.insurance': { w: 3 },
	'civil.tort': { w: 6 },
	'civil.other': { w: 14 },

	'criminal.murder_99': { w: 2 },
	'criminal.bodily_harm_106': { w: 4 },
	'criminal.theft_188': { w: 30, growth: 0.98 },
	'criminal.embezzlement_189': { w: 5 },
	'criminal.fraud_190': { w: 9, growth: 1.03 },
	'criminal.robbery_191': { w: 5, growth: 0.97 },
	'criminal.droppers_232_1': { w: 2, from: DROPPERS_IN_FORCE },
	'criminal.hooliganism_293': { w: 6 },
	'criminal.drugs_296': { w: 10 },
	'criminal.traffic_345': { w: 7 },
	'criminal.bribery_366': { w: 3 },
	'criminal.other': { w: 19 },

	'administrative.tax': { w: 18 },
	'administrative.customs': { w: 6 },
	'administrative.land': { w: 16 },
	'administrative.licensing': { w: 12 },
	'administrative.procurement': { w: 14 },
	'administrative.migration': { w: 6 },
	'administrative.social_benefits': { w: 10 },
	'administrative.other': { w: 18 },

	'admin_offense.traffic': { w: 28 },
	'admin_offense.drunk_driving': { w: 8 },
	'admin_offense.petty_hooliganism': { w: 14 },
	'admin_offense.domestic_violence': { w: 12, growth: 1.04 },
	'admin_offense.tax_customs': { w: 8 },
	'admin_offense.trade': { w: 8 },
	'admin_offense.migration': { w: 6 },
	'admin_offense.other': { w: 16 }
};

const categoryTables = new Map<number, Weighted<string>>();

/** The category mix of a month (growth runs on month by month), with art. 232-1 from its first day. */
export function categoriesAt(type: CaseType, day: number): Weighted<string> {
	const month = yearOf(day) * 12 + monthOf(day);
	// A numeric key: this runs for every case.
	const key = (month * 4 + CASE_TYPE_VALUES.indexOf(type)) * 2 + (day >= DROPPERS_IN_FORCE ? 1 : 0);
	let table = categoryTables.get(key);
	if (!table) {
		const t = yearFraction(monthStartOf(day) + 14) - 2019.5;
		table = new Weighted(
			CATEGORIES.filter((c) => c.caseType === type).map((c) => {
				const spec = CATEGORY_WEIGHTS[c.id];
				const active = spec.from === undefined || day >= spec.from;
				return [c.id, active ? spec.w * (spec.growth ?? 1) ** t : 0] as const;
			})
		);
		categoryTables.set(key, table);
	}
	return table;
}
