/**
 * Internet-fraud incidents at the volume of the cases (scale 10 = national), calibrated on the
 * figures of DOMAIN.md §2, with their investigation status on the as-of date. Incidents that
 * reached court get a first-instance criminal case with the same case number.
 */
import { apportion, type Court } from '../../domain/courts';
import { REGIONS, regionOn } from '../../domain/regions';
import { AS_OF, START, dayOf, isoOf, monthOf, monthStartOf, monthStarts, yearFraction, yearOf } from './calendar';
import type { CaseNumbers } from './case-numbers';
import type { CsvFile } from './csv';
import type { FirstInstance } from './matters';
import { Weighted, type Rng } from './random';
import { districtCourt } from './routing';
import { fraudLine, type FraudRow } from './rows';
import { decisionDay, firstInstanceDays, nextWorkday } from './timing';
import { Trend } from './trend';
import { DROPPERS_IN_FORCE, filingDaysOf } from './volume';

/**
 * National incidents in periods whose totals are published or implied (months inclusive):
 * 2024 more than 22,000; 6,200 in Q1 2025; more than 14,000 by the end of August 2025; then
 * the same pace. Each period keeps its total exactly; its months share it by level, season
 * and noise, so no two months are alike and no year starts with a jump.
 */
const COUNT_PERIODS: readonly [from: string, to: string, total: number][] = [
	['2019-01', '2019-12', 12_000],
	['2020-01', '2020-12', 14_500],
	['2021-01', '2021-12', 16_800],
	['2022-01', '2022-12', 19_000],
	['2023-01', '2023-12', 20_700],
	['2024-01', '2024-12', 22_400],
	['2025-01', '2025-03', 6_200],
	['2025-04', '2025-08', 8_600],
	['2025-09', '2026-09', 22_750]
];
/** Monthly level before the season: growth to 2024, the peak of early 2025, a calmer pace after. */
const LEVEL = new Trend([
	['2019-07-01', 1000],
	['2020-07-01', 1208],
	['2021-07-01', 1400],
	['2022-07-01', 1583],
	['2023-07-01', 1725],
	['2024-07-01', 1867],
	['2025-02-15', 2067],
	['2025-06-15', 1720],
	['2026-03-01', 1750]
]);
const SEASON = [0.95, 0.9, 1, 1, 1, 0.97, 0.98, 1, 1, 1.05, 1.05, 1.1];
/** Month-to-month noise of the registrations (log-normal spread). */
const MONTH_NOISE = 0.07;

/**
 * Mean damage per incident, KZT: rising to a peak in spring 2024 (large investment scams),
 * then falling through the rest of 2024 to about 0.42 M in 2025 — the published
 * totals (45.5 bn over 22,400 in 2024; about 6.2 bn over 14,800 in January-August 2025) imply
 * a drop of almost five times, and it comes month by month, not on New Year's Day.
 */
const MEAN_DAMAGE = new Trend([
	['2019-07-01', 850_000],
	['2020-07-01', 1_000_000],
	['2021-07-01', 1_200_000],
	['2022-07-01', 1_500_000],
	['2023-07-01', 2_000_000],
	['2024-04-15', 2_900_000],
	['2024-08-01', 2_000_000],
	['2024-11-01', 1_100_000],
	['2025-01-15', 560_000],
	['2025-03-01', 400_000],
	['2025-08-01', 385_000],
	['2026-07-01', 450_000]
]);
/** Published national damage totals, kept exactly by scaling the incidents of the period. */
const DAMAGE_PERIODS: readonly [from: string, to: string, total: number][] = [
	['2024-01', '2024-12', 45.5e9],
	['2025-01', '2025-08', 6.2e9]
];
/** Spread of the damage around the mean of its scheme (log-normal). */
const DAMAGE_SIGMA = 1;

type Scheme =
	| 'fake_bank_security'
	| 'fake_police'
	| 'classifieds_buyer_seller'
	| 'fake_rental'
	| 'cheap_car'
	| 'hacked_messenger'
	| 'investment_platform'
	| 'online_loan_identity'
	| 'other';

/** Scheme mix at anchor years, interpolated in between: classifieds fade, messengers and loans rise. */
const SCHEME_MIX: [number, Record<Scheme, number>][] = [
	[
		2019,
		{
			fake_bank_security: 18,
			fake_police: 5,
			classifieds_buyer_seller: 30,
			fake_rental: 10,
			cheap_car: 7,
			hacked_messenger: 8,
			investment_platform: 7,
			online_loan_identity: 5,
			other: 10
		}
	],
	[
		2022,
		{
			fake_bank_security: 25,
			fake_police: 7,
			classifieds_buyer_seller: 22,
			fake_rental: 8,
			cheap_car: 6,
			hacked_messenger: 10,
			investment_platform: 10,
			online_loan_identity: 6,
			other: 6
		}
	],
	[
		2024,
		{
			fake_bank_security: 22,
			fake_police: 8,
			classifieds_buyer_seller: 15,
			fake_rental: 6,
			cheap_car: 5,
			hacked_messenger: 12,
			investment_platform: 18,
			online_loan_identity: 8,
			other: 6
		}
	],
	[
		2026.75,
		{
			fake_bank_security: 20,
			fake_police: 8,
			classifieds_buyer_seller: 12,
			fake_rental: 6,
			cheap_car: 4,
			hacked_messenger: 20,
			investment_platform: 8,
			online_loan_identity: 14,
			other: 8
		}
	]
];
/** Damage of a scheme relative to the others: investment fraud takes the most. */
const RELATIVE_DAMAGE: Record<Scheme, number> = {
	fake_bank_security: 1.5,
	fake_police: 1.3,
	classifieds_buyer_seller: 0.3,
	fake_rental: 0.25,
	cheap_car: 1,
	hacked_messenger: 0.2,
	investment_platform: 3,
	online_loan_identity: 0.8,
	other: 0.5
};

const CHANNELS: Record<Scheme, Weighted<string>> = {
	fake_bank_security: Weighted.of({ phone_call: 0.7, messenger: 0.2, sms: 0.1 }),
	fake_police: Weighted.of({ phone_call: 0.8, messenger: 0.2 }),
	classifieds_buyer_seller: Weighted.of({ classifieds_site: 0.7, messenger: 0.25, social_media: 0.05 }),
	fake_rental: Weighted.of({ classifieds_site: 0.5, social_media: 0.3, messenger: 0.2 }),
	cheap_car: Weighted.of({ classifieds_site: 0.6, social_media: 0.3, fake_website: 0.1 }),
	hacked_messenger: Weighted.of({ messenger: 0.85, social_media: 0.15 }),
	investment_platform: Weighted.of({ social_media: 0.45, fake_website: 0.35, messenger: 0.15, phone_call: 0.05 }),
	online_loan_identity: Weighted.of({ fake_website: 0.3, phone_call: 0.3, sms: 0.2, other: 0.2 }),
	other: Weighted.of({ other: 0.4, phone_call: 0.2, social_media: 0.2, messenger: 0.2 })
};

const ages = (w: [number, number, number, number, number, number]) =>
	new Weighted(['under_18', '18_29', '30_44', '45_59', '60_plus', 'unknown'].map((g, i) => [g, w[i]] as const));
/** Victims by age: calls from "the bank" or "the police" hit older people, classifieds the young. */
const VICTIM_AGE: Record<Scheme, Weighted<string>> = {
	fake_bank_security: ages([1, 12, 25, 27, 32, 3]),
	fake_police: ages([1, 10, 22, 27, 37, 3]),
	classifieds_buyer_seller: ages([5, 35, 35, 15, 7, 3]),
	fake_rental: ages([3, 45, 32, 12, 5, 3]),
	cheap_car: ages([1, 25, 42, 22, 7, 3]),
	hacked_messenger: ages([3, 10, 22, 30, 32, 3]),
	investment_platform: ages([1, 25, 40, 23, 8, 3]),
	online_loan_identity: ages([2, 30, 33, 20, 12, 3]),
	other: ages([4, 25, 30, 20, 15, 6])
};

/** Registered per inhabitant: online fraud is an urban crime. */
const URBAN: Record<string, number> = {
	'KZ-75': 1.6,
	'KZ-71': 1.5,
	'KZ-35': 1.2,
	'KZ-79': 1.1,
	'KZ-15': 1.1,
	'KZ-55': 1.1,
	'KZ-61': 0.6,
	'KZ-43': 0.8,
	'KZ-31': 0.8,
	'KZ-19': 0.9
};
const FRAUD_REGIONS = new Weighted(REGIONS.map((r) => [r.code, r.population * (URBAN[r.code] ?? 1)] as const));

/** Share of incidents under art. 232-1 once it is in force. */
const DROPPER_SHARE = 0.12;
/** Where investigations lead: to court, to closure, or they stay open (suspect not found). */
const PATHS = Weighted.of({ court: 0.32, closed: 0.48, open: 0.2 });
const INVESTIGATION_TO_COURT = { median: 110, sigma: 0.6 };
const INVESTIGATION_TO_CLOSURE = { median: 150, sigma: 0.7 };
/** Banks refund loans taken out with a stolen identity since 2024. */
const BANK_REFUNDS_FROM = 2024;

/** Chance of some recovery by status, and the recovered share of the damage when there is one. */
const RECOVERY: Record<string, [chance: number, min: number, max: number]> = {
	registered: [0, 0, 0],
	investigating: [0.08, 0.05, 0.5],
	closed: [0.05, 0.05, 0.5],
	in_court: [0.35, 0.1, 0.7],
	convicted: [0.65, 0.3, 1]
};

interface Trial {
	court: Court;
	filed: number;
	/** Decision day, after AS_OF while the case is pending. */
	decided: number;
}

/** An incident before its damage is fitted to the published total of its period. */
interface Draft {
	row: FraudRow;
	trial?: Trial;
	/** Share of the damage recovered. */
	recovered: number;
}

export interface FraudResult {
	rows: number;
	/** First-instance cases of incidents that reached court, by month of filing. */
	cases: Map<number, FirstInstance[]>;
}

const monthDay = (yyyyMm: string) => dayOf(`${yyyyMm}-01`);

/** Months (first days) of a period given by its first and last month. */
const monthsOf = ([from, to]: readonly [string, string, number]) => monthStarts(monthDay(from), monthDay(to));

/** Incidents of each month at `volume` (1 = national). */
function monthlyCounts(rng: Rng, volume: number): Map<number, number> {
	const counts = new Map<number, number>();
	for (const period of COUNT_PERIODS) {
		const months = monthsOf(period);
		const weights = months.map((m) => LEVEL.at(m + 14) * SEASON[monthOf(m)] * rng.logNormal(1, MONTH_NOISE));
		apportion(Math.round(period[2] * volume), weights).forEach((n, i) => counts.set(months[i], n));
	}
	return counts;
}

/** Months whose damage is fitted together: those of a published period, or a month alone. */
function damageBlocks(): { months: number[]; total?: number }[] {
	const blocks: { months: number[]; period?: (typeof DAMAGE_PERIODS)[number] }[] = [];
	const inPeriod = new Map(DAMAGE_PERIODS.flatMap((p) => monthsOf(p).map((m) => [m, p] as const)));
	for (const month of monthStarts(START, AS_OF)) {
		const period = inPeriod.get(month);
		const last = blocks.at(-1);
		if (period && last?.period === period) last.months.push(month);
		else blocks.push({ months: [month], period });
	}
	return blocks.map((b) => ({ months: b.months, total: b.period?.[2] }));
}

/**
 * Writes fraud.csv month by month at `volume` of the national figures (scale / 10), the same
 * share as the cases, so that every incident in court has its case.
 */
export function generateFraud(rng: Rng, volume: number, numbers: CaseNumbers, file: CsvFile): FraudResult {
	const cases = new Map<number, FirstInstance[]>();
	const sequence = new Map<string, number>();
	const counts = monthlyCounts(rng, volume);
	for (const block of damageBlocks()) {
		const drafts: Draft[] = [];
		for (const month of block.months) {
			const days = filingDaysOf(month);
			const registered = Array.from({ length: counts.get(month) ?? 0 }, () => rng.pick(days))
				.filter((d) => d <= AS_OF)
				.sort((a, b) => a - b);
			const mix = schemeMix(yearFraction(month));
			const meanRelative = mix.values.reduce((sum, s) => sum + mix.probability(s) * RELATIVE_DAMAGE[s], 0);
			for (const day of registered) drafts.push(incident(rng, day, mix, MEAN_DAMAGE.at(day) / meanRelative));
		}
		const drawn = drafts.reduce((sum, d) => sum + d.row.damage, 0);
		const fit = block.total && drawn > 0 ? (block.total * volume) / drawn : 1;
		for (const { row, trial, recovered } of drafts) {
			row.damage = Math.max(1000, Math.round(row.damage * fit));
			row.recovered = Math.round(row.damage * recovered);
			row.incidentId = incidentId(sequence, row.registered, row.region);
			if (trial) {
				const first = linkedCase(trial, row, numbers);
				row.caseNumber = first.caseNumber;
				const filedMonth = monthStartOf(first.filed);
				const list = cases.get(filedMonth);
				if (list) list.push(first);
				else cases.set(filedMonth, [first]);
			}
			file.push(fraudLine(row));
		}
	}
	return { rows: file.rows, cases };
}

function incident(rng: Rng, day: number, mix: Weighted<Scheme>, meanForRelative1: number): Draft {
	// Before June 2022 the places of Abai, Zhetysu and Ulytau regions were in their former regions.
	const region = regionOn(rng.pick(FRAUD_REGIONS), isoOf(day));
	const scheme = rng.pick(mix);
	const article = day >= DROPPERS_IN_FORCE && rng.chance(DROPPER_SHARE) ? '232-1' : '190';
	// Median chosen so that the mean of the log-normal is the scheme's mean damage.
	const median = meanForRelative1 * RELATIVE_DAMAGE[scheme] * Math.exp(-(DAMAGE_SIGMA ** 2) / 2);
	const damage = rng.logNormal(median, DAMAGE_SIGMA);
	const path = rng.pick(PATHS);
	let status = 'investigating';
	let trial: Trial | undefined;
	if (day + 1 + rng.int(5) > AS_OF) status = 'registered';
	else if (path === 'closed') {
		if (day + rng.logNormal(INVESTIGATION_TO_CLOSURE.median, INVESTIGATION_TO_CLOSURE.sigma) <= AS_OF) status = 'closed';
	} else if (path === 'court') {
		const filed = nextWorkday(day + Math.round(rng.logNormal(INVESTIGATION_TO_COURT.median, INVESTIGATION_TO_COURT.sigma)));
		if (filed <= AS_OF) {
			const court = districtCourt(rng, region);
			const category = article === '190' ? 'criminal.fraud_190' : 'criminal.droppers_232_1';
			const decided = decisionDay(rng, filed + firstInstanceDays(rng, 'criminal', category, court.region, filed));
			status = decided <= AS_OF ? 'convicted' : 'in_court';
			trial = { court, filed, decided };
		}
	}
	const [chance, min, max] = RECOVERY[status];
	const refunded = scheme === 'online_loan_identity' && yearOf(day) >= BANK_REFUNDS_FROM && status !== 'registered' && rng.chance(0.5);
	const recovered = refunded ? 1 : rng.chance(chance) ? rng.between(min, max) : 0;
	return {
		row: {
			incidentId: '',
			registered: day,
			region,
			scheme,
			channel: rng.pick(CHANNELS[scheme]),
			damage,
			recovered: 0,
			article,
			status,
			victimAgeGroup: rng.pick(VICTIM_AGE[scheme]),
			caseNumber: null
		},
		trial,
		recovered
	};
}
/** Numbered like the unified register of pre-trial investigations: year, region, unit, sequence. */
function incidentId(sequence: Map<string, number>, day: number, region: string): string {
	const key = `${String(yearOf(day) % 100).padStart(2, '0')}${region.slice(3)}`;
	const n = (sequence.get(key) ?? 0) + 1;
	sequence.set(key, n);
	return `${key}0310${String(n).padStart(7, '0')}`;
}

function linkedCase(trial: Trial, row: FraudRow, numbers: CaseNumbers): FirstInstance {
	return {
		caseType: 'criminal',
		category: row.article === '190' ? 'criminal.fraud_190' : 'criminal.droppers_232_1',
		court: trial.court,
		caseNumber: numbers.mint(trial.court, 'criminal', yearOf(trial.filed)),
		filed: trial.filed,
		decided: trial.decided,
		extraterritorial: false,
		// The victim's civil claim within the criminal case.
		claim: row.damage,
		outcome: { outcome: 'convicted', reconciliation: 'none' }
	};
}

function schemeMix(t: number): Weighted<Scheme> {
	let i = 0;
	while (i < SCHEME_MIX.length - 2 && t >= SCHEME_MIX[i + 1][0]) i++;
	const [y0, a] = SCHEME_MIX[i];
	const [y1, b] = SCHEME_MIX[i + 1];
	const k = Math.min(1, Math.max(0, (t - y0) / (y1 - y0)));
	return new Weighted((Object.keys(a) as Scheme[]).map((s) => [s, a[s] + k * (b[s] - a[s])] as const));
}
