/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): cheap to add, compare and turn
 * back into YYYY-MM-DD strings millions of times.
 */
import { CASSATION_REFORM_DATE } from '../../domain/courts';

const DAY_MS = 86_400_000;

export function dayOf(iso: string): number {
	return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** Warm-up start: matters filed before START feed the backlog on START (see README). */
export const WARMUP_START = dayOf('2018-01-01');
export const START = dayOf('2019-01-01');
export const AS_OF_ISO = '2026-09-30';
export const AS_OF = dayOf(AS_OF_ISO);
export const CASSATION_REFORM = dayOf(CASSATION_REFORM_DATE);

// Lookup tables over the span a generated date can take (long durations run past AS_OF).
const TABLE_START = dayOf('2017-01-01');
const TABLE_END = dayOf('2036-01-01');
const ISO: string[] = [];
const YEAR = new Int16Array(TABLE_END - TABLE_START);
const MONTH = new Int8Array(TABLE_END - TABLE_START);
for (let d = TABLE_START; d < TABLE_END; d++) {
	const date = new Date(d * DAY_MS);
	ISO.push(date.toISOString().slice(0, 10));
	YEAR[d - TABLE_START] = date.getUTCFullYear();
	MONTH[d - TABLE_START] = date.getUTCMonth();
}

function index(day: number): number {
	const i = day - TABLE_START;
	if (i < 0 || i >= ISO.length) throw new RangeError(`Day ${day} outside the calendar table`);
	return i;
}

export const isoOf = (day: number): string => ISO[index(day)];
export const yearOf = (day: number): number => YEAR[index(day)];
/** Month 0-11. */
export const monthOf = (day: number): number => MONTH[index(day)];
/** Year with the fraction of the year elapsed, for smooth trends. */
export const yearFraction = (day: number): number => {
	const y = yearOf(day);
	const start = dayOf(`${y}-01-01`);
	return y + (day - start) / (dayOf(`${y + 1}-01-01`) - start);
};
/** 0 = Monday … 6 = Sunday (1 January 1970 was a Thursday). */
export const weekday = (day: number): number => (day + 3) % 7;

/** First day of each month from `from` to `to` inclusive. */
export function monthStarts(from: number, to: number): number[] {
	const starts: number[] = [];
	for (let y = yearOf(from), m = monthOf(from); ; m++) {
		if (m === 12) {
			m = 0;
			y++;
		}
		const day = dayOf(`${y}-${String(m + 1).padStart(2, '0')}-01`);
		if (day > to) return starts;
		starts.push(day);
	}
}

export function monthStartOf(day: number): number {
	return dayOf(isoOf(day).slice(0, 8) + '01');
}

export function addMonths(monthStart: number, months: number): number {
	const total = yearOf(monthStart) * 12 + monthOf(monthStart) + months;
	return dayOf(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`);
}

/** Quarter number since START (0 = 2019 Q1); negative before START. */
export function quarterIndex(day: number): number {
	return (yearOf(day) - yearOf(START)) * 4 + Math.floor(monthOf(day) / 3);
}
