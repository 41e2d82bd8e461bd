/**
 * Funnel plot of a proportion (Spiegelhalter 2005): each unit's indirectly standardised rate
 * against its number of cases, with control limits around the national rate that narrow as
 * the number grows. A unit is flagged only when it lies outside the limits, so a small unit
 * with an extreme rate that chance explains is not flagged.
 */
import { Z95, Z998 } from './wilson';
import type { Standardised } from './standardise';

export interface Limits {
	lo: number;
	hi: number;
}

/** Normal approximation to the binomial around the target rate `p` for `n` cases, cut to [0, 1]. */
export function funnelLimits(p: number, n: number, z: number): Limits {
	const half = z * Math.sqrt((p * (1 - p)) / n);
	return { lo: Math.max(0, p - half), hi: Math.min(1, p + half) };
}

export type FunnelFlag = 'inside' | 'beyond95' | 'beyond998';

export interface FunnelPoint {
	n: number;
	/** national rate × observed ÷ expected: the unit's rate with the national case mix. */
	rate: number;
	/** Standard deviations from the national rate at this n. */
	z: number;
	flag: FunnelFlag;
}

/** Places a standardised unit on the funnel around the national rate `p`. */
export function funnelPoint(unit: Standardised, p: number): FunnelPoint | null {
	if (unit.n <= 0 || unit.ratio === null || p <= 0 || p >= 1) return null;
	const rate = p * unit.ratio;
	const z = (rate - p) / Math.sqrt((p * (1 - p)) / unit.n);
	// Judged on z, i.e. on the limits before they are cut to [0, 1] for drawing: a unit at 100%
	// where the drawn limit is cut at 100% is not beyond it.
	const flag = Math.abs(z) > Z998 ? 'beyond998' : Math.abs(z) > Z95 ? 'beyond95' : 'inside';
	return { n: unit.n, rate, z, flag };
}

/** The limit curves for drawing, at `steps` sizes spread logarithmically over [minN, maxN]. */
export function funnelCurve(
	p: number,
	minN: number,
	maxN: number,
	steps = 60
): { n: number; lo95: number; hi95: number; lo998: number; hi998: number }[] {
	const a = Math.log(Math.max(1, minN));
	const b = Math.log(Math.max(minN + 1, maxN));
	return Array.from({ length: steps }, (_, i) => {
		const n = Math.exp(a + ((b - a) * i) / (steps - 1));
		const l95 = funnelLimits(p, n, Z95);
		const l998 = funnelLimits(p, n, Z998);
		return { n, lo95: l95.lo, hi95: l95.hi, lo998: l998.lo, hi998: l998.hi };
	});
}
