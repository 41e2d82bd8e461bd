/**
 * Periods: dates are ISO strings (YYYY-MM-DD) everywhere; arithmetic is done in UTC with d3-time
 * so that no time zone can shift a day.
 */
import { utcDay, utcMonth, utcYear } from 'd3';
import type { Grain } from './catalog/dimensions';

export interface Period {
	from: string;
	to: string;
}

/** A period cut to the dates the data covers (src/lib/server/limits/period.ts). */
export interface PeriodClip {
	/** The period asked for. */
	requested: Period;
	/** The part of it the data covers, which is what is shown. */
	shown: Period;
}

/** A period chosen by name: a year, a quarter, the last 12 months, or an explicit range. */
export type PeriodSpec =
	| { kind: 'year'; year: number }
	| { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
	| { kind: 'last12' }
	| { kind: 'range'; from: string; to: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): Date | null {
	const m = ISO_DATE.exec(text);
	if (!m) return null;
	const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	// Rejects 2024-02-30 and the like, which Date would silently roll over.
	return isoDate(date) === text ? date : null;
}

export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

function toDate(iso: string): Date {
	const date = parseIsoDate(iso);
	if (!date) throw new Error(`not an ISO date: ${iso}`);
	return date;
}

export function addDays(iso: string, days: number): string {
	return isoDate(utcDay.offset(toDate(iso), days));
}

export function addYears(iso: string, years: number): string {
	const date = toDate(iso);
	const shifted = utcYear.offset(date, years);
	// 29 February shifts to 28 February rather than rolling into March.
	if (shifted.getUTCMonth() !== date.getUTCMonth()) return isoDate(utcDay.offset(shifted, -shifted.getUTCDate()));
	return isoDate(shifted);
}

export function addMonths(iso: string, months: number): string {
	const date = toDate(iso);
	const shifted = utcMonth.offset(date, months);
	// 31 March shifts to 30 April rather than rolling into May.
	if (shifted.getUTCDate() !== date.getUTCDate()) return isoDate(utcDay.offset(shifted, -shifted.getUTCDate()));
	return isoDate(shifted);
}

/** Inclusive number of days from `from` to `to`. */
export function daysInPeriod(period: Period): number {
	return utcDay.count(toDate(period.from), toDate(period.to)) + 1;
}

/**
 * Days of a period as CEPEJ counts them: a year has 365, so 29 February is left out (a leap
 * year is 365 days, a quarter holding 29 February 90).
 */
export function cepejDays(period: Period): number {
	let leapDays = 0;
	for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
		const leap = `${year}-02-29`;
		if (parseIsoDate(leap) && leap >= period.from && leap <= period.to) leapDays += 1;
	}
	return daysInPeriod(period) - leapDays;
}

/** Calendar months of a period; a part of a month counts as its share of that month's days. */
export function monthsInPeriod(period: Period): number {
	let months = 0;
	for (const month of buckets(period, 'month'))
		months += daysInPeriod(month) / daysInPeriod({ from: month.period, to: bucketEnd(month.period, 'month') });
	return months;
}

export function resolvePeriod(spec: PeriodSpec, asOf: string): Period {
	switch (spec.kind) {
		case 'year':
			return { from: `${spec.year}-01-01`, to: `${spec.year}-12-31` };
		case 'quarter': {
			const start = Date.UTC(spec.year, (spec.quarter - 1) * 3, 1);
			return { from: isoDate(new Date(start)), to: isoDate(utcDay.offset(utcMonth.offset(new Date(start), 3), -1)) };
		}
		case 'last12': {
			const start = utcMonth.offset(utcMonth.floor(toDate(asOf)), -11);
			return { from: isoDate(start), to: asOf };
		}
		case 'range':
			return { from: spec.from, to: spec.to };
	}
}

/** The same period one year earlier, for year-on-year comparison. */
export function previousYear(period: Period): Period {
	return { from: addYears(period.from, -1), to: addYears(period.to, -1) };
}

const GRAIN_INTERVAL = {
	month: utcMonth,
	quarter: utcMonth.every(3)!,
	year: utcYear
};

export function bucketStart(iso: string, grain: Grain): string {
	return isoDate(GRAIN_INTERVAL[grain].floor(toDate(iso)));
}

export interface Bucket {
	/** Start of the calendar bucket (month, quarter or year). */
	period: string;
	/** The part of the bucket inside the requested period. */
	from: string;
	to: string;
	/** True when the bucket is cut by the period or reaches beyond the data's as-of date. */
	partial: boolean;
}

export function buckets(period: Period, grain: Grain, asOf?: string): Bucket[] {
	const interval = GRAIN_INTERVAL[grain];
	const out: Bucket[] = [];
	for (let start = interval.floor(toDate(period.from)); isoDate(start) <= period.to; start = interval.offset(start, 1)) {
		const naturalEnd = isoDate(utcDay.offset(interval.offset(start, 1), -1));
		const from = isoDate(start) < period.from ? period.from : isoDate(start);
		const to = naturalEnd > period.to ? period.to : naturalEnd;
		const partial = from !== isoDate(start) || to !== naturalEnd || (asOf !== undefined && naturalEnd > asOf);
		out.push({ period: isoDate(start), from, to, partial });
	}
	return out;
}

/** The last day of the bucket (month, quarter or year) that starts on or contains `iso`. */
export function bucketEnd(iso: string, grain: Grain): string {
	const interval = GRAIN_INTERVAL[grain];
	return isoDate(utcDay.offset(interval.offset(interval.floor(toDate(iso)), 1), -1));
}
