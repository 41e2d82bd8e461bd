/**
 * Time limits a decision is measured against. Statutory limits come from procedural law; time
 * standards are management targets in the sense of CourTools measure 3. Both are defaults that
 * an operator overrides with a JSON file (LIMITS_FILE), because codes change and courts differ.
 */
import { CASSATION_REFORM_DATE } from './courts';

export type Span = { days: number } | { months: number };

export const DEADLINE_KEYS = [
	'first.civil',
	'first.criminal',
	'first.administrative',
	'first.admin_offense',
	'appeal',
	'cassation',
	'supervisory'
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/**
 * The first filing day a statutory limit applies to: cases filed earlier have none (their
 * deadline is "no data", so they are neither within nor past it). The six months of a cassation
 * complaint date from the cassation reform; before it, petitions to the Supreme Court had no
 * such limit.
 */
export const STATUTORY_FROM: Partial<Record<DeadlineKey, string>> = { cassation: CASSATION_REFORM_DATE };

export interface Deadlines {
	statutory: Record<DeadlineKey, Span>;
	standard: Record<DeadlineKey, Span>;
}

export const DEFAULT_DEADLINES: Deadlines = {
	statutory: {
		// Civil Procedure Code art. 183: two months.
		'first.civil': { months: 2 },
		// A project default for trials, not a statutory term: the Criminal Procedure Code sets stage-specific terms.
		'first.criminal': { months: 2 },
		// Administrative Procedure Code: two months.
		'first.administrative': { months: 2 },
		// Code of Administrative Offences: fifteen days.
		'first.admin_offense': { days: 15 },
		appeal: { months: 2 },
		// Seed 000: a cassation complaint is decided within six months of its receipt (from the reform: STATUTORY_FROM).
		cassation: { months: 6 },
		supervisory: { months: 6 }
	},
	standard: {
		'first.civil': { days: 180 },
		'first.criminal': { days: 180 },
		'first.administrative': { days: 180 },
		'first.admin_offense': { days: 60 },
		appeal: { days: 120 },
		cassation: { days: 365 },
		supervisory: { days: 365 }
	}
};

function isSpan(value: unknown): value is Span {
	if (!value || typeof value !== 'object') return false;
	const entries = Object.entries(value);
	return (
		entries.length === 1 &&
		(entries[0][0] === 'days' || entries[0][0] === 'months') &&
		Number.isInteger(entries[0][1]) &&
		(entries[0][1] as number) > 0 &&
		(entries[0][1] as number) <= 3650
	);
}

/** Overlays a partial override (e.g. parsed from LIMITS_FILE) on the defaults, naming bad keys. */
export function mergeDeadlines(override: unknown, base: Deadlines = DEFAULT_DEADLINES): Deadlines {
	const result: Deadlines = { statutory: { ...base.statutory }, standard: { ...base.standard } };
	if (override === undefined || override === null) return result;
	if (typeof override !== 'object') throw new Error('limits must be an object with "statutory" and/or "standard"');
	for (const [group, values] of Object.entries(override)) {
		if (group !== 'statutory' && group !== 'standard') throw new Error(`unknown limits group "${group}"`);
		for (const [key, span] of Object.entries(values as object)) {
			if (!(DEADLINE_KEYS as readonly string[]).includes(key)) throw new Error(`unknown limit "${group}.${key}"`);
			if (!isSpan(span)) throw new Error(`limit "${group}.${key}" must be {"days": n} or {"months": n}`);
			result[group][key as DeadlineKey] = span;
		}
	}
	return result;
}
