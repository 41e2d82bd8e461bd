/**
 * How long proceedings take and when the next instance is seized. Durations are log-normal
 * (stated by their median), then moved by the court calendar: the 2020 lockdown, the summer
 * vacation and weekends.
 */
import type { CaseType } from '../../domain/categories';
import { AS_OF, CASSATION_REFORM, dayOf, monthOf, weekday, yearOf } from './calendar';
import { PLANTED_ANOMALIES } from './anomalies';
import type { Rng } from './random';

interface Spread {
	median: number;
	sigma: number;
}

const FIRST_INSTANCE: Record<CaseType, Spread> = {
	civil: { median: 37, sigma: 0.55 },
	admin_offense: { median: 11, sigma: 0.65 },
	criminal: { median: 50, sigma: 0.55 },
	administrative: { median: 38, sigma: 0.5 }
};

/** Categories that take longer (or shorter) than their type. */
const CATEGORY_PACE: Record<string, number> = {
	'civil.corporate': 1.3,
	'civil.inheritance': 1.2,
	'civil.land': 1.2,
	'civil.alimony': 0.7,
	'criminal.murder_99': 1.8,
	'criminal.bribery_366': 1.6,
	'criminal.embezzlement_189': 1.3
};

/** Cases suspended for a long time (expert reports, a party abroad): the old pending tail. */
const SUSPENDED: Record<CaseType, number> = { civil: 0.008, criminal: 0.006, administrative: 0.005, admin_offense: 0.002 };
const SUSPENDED_SPREAD: Spread = { median: 420, sigma: 0.6 };

const backlog = PLANTED_ANOMALIES.backlogRegion;
const BACKLOG_FROM = dayOf(backlog.from);

function days(rng: Rng, s: Spread, min = 1): number {
	return Math.max(min, Math.round(rng.logNormal(s.median, s.sigma)));
}

/** Days from filing to the first-instance decision, before calendar adjustments. */
export function firstInstanceDays(rng: Rng, type: CaseType, category: string, courtRegion: string, filed: number): number {
	const pace = CATEGORY_PACE[category] ?? 1;
	const s = FIRST_INSTANCE[type];
	let d = days(rng, { median: s.median * pace, sigma: s.sigma }, type === 'admin_offense' ? 0 : 1);
	if (rng.chance(SUSPENDED[type])) d += days(rng, SUSPENDED_SPREAD);
	if (courtRegion === backlog.region && filed >= BACKLOG_FROM) {
		const [from, to] = backlog.stalledShare;
		const share = from + ((to - from) * (filed - BACKLOG_FROM)) / (AS_OF - BACKLOG_FROM);
		if (rng.chance(share)) d += days(rng, { median: backlog.stalledDelayDays, sigma: 0.3 });
	}
	return d;
}

const LOCKDOWN_FROM = dayOf('2020-03-16');
const LOCKDOWN_TO = dayOf('2020-05-11');

/**
 * The day a decision is actually given: most hearings set during the 2020 lockdown moved to
 * after it, some set in the summer vacation moved to September, weekends to Monday.
 */
export function decisionDay(rng: Rng, day: number): number {
	if (day > AS_OF) return day; // still pending: the calendar of later years does not matter
	if (day >= LOCKDOWN_FROM && day < LOCKDOWN_TO && rng.chance(0.75)) {
		day = LOCKDOWN_TO + rng.int(50);
	} else {
		const m = monthOf(day);
		if ((m === 6 || m === 7) && rng.chance(0.15)) day = dayOf(`${yearOf(day)}-09-01`) + rng.int(40);
	}
	return nextWorkday(day);
}

export function nextWorkday(day: number): number {
	const w = weekday(day);
	return w >= 5 ? day + 7 - w : day;
}

/** Days from a decision to the receipt of the appeal by the regional court (deadline + file transfer). */
const APPEAL_LAG: Record<CaseType, Spread> = {
	civil: { median: 32, sigma: 0.35 },
	criminal: { median: 24, sigma: 0.35 },
	administrative: { median: 32, sigma: 0.35 },
	admin_offense: { median: 18, sigma: 0.35 }
};
const APPEAL_DAYS: Spread = { median: 40, sigma: 0.4 };

export const appealLag = (rng: Rng, type: CaseType) => days(rng, APPEAL_LAG[type], 3);
export const appealDays = (rng: Rng) => days(rng, APPEAL_DAYS);

/** Cassation complaints come within six months of the appeal decision, most in the first two. */
export const cassationLag = (rng: Rng) => days(rng, { median: 55, sigma: 0.5 }, 5);

/** Supreme Court before the reform: quick filtering of inadmissible petitions, slower merits. */
const SC_FILTER_DAYS: Spread = { median: 60, sigma: 0.4 };
const SC_MERITS_DAYS: Spread = { median: 130, sigma: 0.4 };
/** Cassation courts: every complaint on the merits, within six months as a rule. */
const CASSATION_COURT_DAYS: Spread = { median: 112, sigma: 0.42 };

const LAST_DAY_BEFORE_REFORM = CASSATION_REFORM - 1;

export function cassationDays(rng: Rng, filed: number, notAdmitted: boolean): number {
	if (filed >= CASSATION_REFORM) return days(rng, CASSATION_COURT_DAYS);
	if (!notAdmitted) return days(rng, SC_MERITS_DAYS);
	// Filtering ended with the old procedure: the last refusals are dated 30 June 2025.
	return Math.max(0, Math.min(days(rng, SC_FILTER_DAYS), LAST_DAY_BEFORE_REFORM - filed));
}

export const supervisoryLag = (rng: Rng) => days(rng, { median: 60, sigma: 0.5 }, 10);
export const supervisoryDays = (rng: Rng) => days(rng, { median: 75, sigma: 0.4 });
