/**
 * A figure against the same period a year earlier, honestly: rates and shares change in
 * percentage points, counts and amounts in percent, and no change is given against a base
 * that is missing, before the data, only partly covered by it, or too small to mean anything
 * — the reason is given instead.
 */
import type { Unit } from './catalog';
import type { Period } from './period';

/** Fewer records than this behind either figure and a change is mostly noise (±9 points on a 50 % rate at 30). */
export const MIN_COMPARISON_BASE = 30;

export type ChangeScale = 'points' | 'percent';

export type Comparison =
	| { comparable: true; change: number; scale: ChangeScale }
	| { comparable: false; reason: 'no_data' }
	| { comparable: false; reason: 'before_data' | 'incomplete'; dataFrom: string }
	| { comparable: false; reason: 'small_base'; min: number };

/** Rates and shares (in %) change in percentage points; everything else relatively. */
export const changeScale = (unit: Unit): ChangeScale => (unit === 'percent' ? 'points' : 'percent');

export interface ComparisonInput {
	unit: Unit;
	current: number | null;
	previous: number | null;
	/** Records behind each figure (null when not known). */
	currentBase: number | null;
	previousBase: number | null;
	/** The year-earlier period. */
	previousPeriod: Period;
	/** First day from which the data the figure reads is complete; null when unknown. */
	dataFrom: string | null;
}

export function compareWithYearEarlier(input: ComparisonInput): Comparison {
	const { unit, current, previous, currentBase, previousBase, previousPeriod, dataFrom } = input;
	if (current === null) return { comparable: false, reason: 'no_data' };
	if (dataFrom !== null && previousPeriod.to < dataFrom) return { comparable: false, reason: 'before_data', dataFrom };
	if (dataFrom !== null && previousPeriod.from < dataFrom) return { comparable: false, reason: 'incomplete', dataFrom };
	if (previous === null) return { comparable: false, reason: 'no_data' };
	const small = (n: number | null) => n !== null && n < MIN_COMPARISON_BASE;
	const scale = changeScale(unit);
	// A relative change from zero is no number at all.
	if (small(currentBase) || small(previousBase) || (scale === 'percent' && previous === 0)) {
		return { comparable: false, reason: 'small_base', min: MIN_COMPARISON_BASE };
	}
	const change = scale === 'points' ? current - previous : ((current - previous) / Math.abs(previous)) * 100;
	return { comparable: true, change, scale };
}
