/**
 * A figure against the same period a year earlier, honestly: rates and shares change in
 * percentage points, counts and amounts in percent, and no change is given against a base
 * that is missing, hidden, provisional, before the data, only partly covered by it, or too
 * small to mean anything — the reason is given instead.
 */
import type { Unit } from './catalog';
import type { Period } from './period';

/** Fewer records than this behind either figure and a change is mostly noise (±9 points on a 50 % rate at 30). */
export const MIN_COMPARISON_BASE = 30;

export type ChangeScale = 'points' | 'percent';

export type Comparison =
	| { comparable: true; change: number; scale: ChangeScale }
	| { comparable: false; reason: 'no_data' | 'hidden' | 'provisional' }
	| { comparable: false; reason: 'before_data' | 'incomplete'; dataFrom: string }
	| { comparable: false; reason: 'small_base'; min: number };

/** Rates and shares (in %) change in percentage points; everything else relatively. */
export const changeScale = (unit: Unit): ChangeScale => (unit === 'percent' ? 'points' : 'percent');

/** One side of a comparison: its value (null: no data or hidden), records behind it and marks. */
export interface ComparedFigure {
	value: number | null;
	/** Records behind the figure (null when not known). */
	n: number | null;
	suppressed?: boolean;
	provisional?: boolean;
}

export interface ComparisonInput {
	unit: Unit;
	current: ComparedFigure;
	previous: ComparedFigure | undefined;
	/** The year-earlier period. */
	previousPeriod: Period;
	/** First day from which the data the figure reads is complete; null when unknown. */
	dataFrom: string | null;
}

export function compareWithYearEarlier(input: ComparisonInput): Comparison {
	const { unit, current, previousPeriod, dataFrom } = input;
	const previous = input.previous ?? { value: null, n: null };
	if (current.value === null) return { comparable: false, reason: current.suppressed ? 'hidden' : 'no_data' };
	if (dataFrom !== null && previousPeriod.to < dataFrom) return { comparable: false, reason: 'before_data', dataFrom };
	if (dataFrom !== null && previousPeriod.from < dataFrom) return { comparable: false, reason: 'incomplete', dataFrom };
	if (previous.value === null) return { comparable: false, reason: previous.suppressed ? 'hidden' : 'no_data' };
	// A figure still maturing would show a change that is only late arrivals.
	if (current.provisional || previous.provisional) return { comparable: false, reason: 'provisional' };
	const small = (n: number | null) => n !== null && n < MIN_COMPARISON_BASE;
	const scale = changeScale(unit);
	// A relative change from zero is no number at all.
	if (small(current.n) || small(previous.n) || (scale === 'percent' && previous.value === 0)) {
		return { comparable: false, reason: 'small_base', min: MIN_COMPARISON_BASE };
	}
	const change = scale === 'points' ? current.value - previous.value : ((current.value - previous.value) / Math.abs(previous.value)) * 100;
	return { comparable: true, change, scale };
}
