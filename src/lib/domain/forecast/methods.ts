/**
 * The candidate models a series is forecast with, and their prediction intervals on the scale
 * of the data. A candidate is a method and a transformation: counts are also modelled as
 * log(y + 1), whose back-transformed forecasts are medians and whose intervals stay positive
 * (Hyndman & Athanasopoulos, FPP3 §5.6). Bounds below zero are cut at zero, which keeps the
 * coverage of the intervals (a count is never negative). Every method is fitted without the
 * series' outliers (outliers.ts), so a one-off episode does not widen every later band.
 */
import { normalQuantile, tQuantile } from '../stats/segmented';
import { ets } from './ets';
import type { Fit, FitOptions } from './model';
import { findOutliers } from './outliers';
import { breakShift, regression } from './regression';
import { seasonalNaive } from './seasonal-naive';

export const METHODS = ['snaive', 'ets', 'regression'] as const;
export type MethodId = (typeof METHODS)[number];
export const TRANSFORMS = ['none', 'log'] as const;
export type TransformId = (typeof TRANSFORMS)[number];

export interface Candidate {
	method: MethodId;
	transform: TransformId;
}

/** In order of simplicity: a tie goes to the earlier. */
export const CANDIDATES: readonly Candidate[] = [
	{ method: 'snaive', transform: 'none' },
	{ method: 'ets', transform: 'none' },
	{ method: 'ets', transform: 'log' },
	{ method: 'regression', transform: 'none' },
	{ method: 'regression', transform: 'log' }
];

const FITS: Record<MethodId, Fit> = { snaive: seasonalNaive, ets, regression };

const TRANSFORM: Record<TransformId, { to: (v: number) => number; from: (v: number) => number }> = {
	none: { to: (v) => v, from: (v) => v },
	log: { to: Math.log1p, from: Math.expm1 }
};

export interface Interval {
	value: number;
	lower80: number;
	upper80: number;
	lower95: number;
	upper95: number;
}

export interface Prediction {
	rows: Interval[];
	/** Indices of the months treated as outliers. */
	outliers: number[];
}

/**
 * Forecasts `horizon` steps with intervals. Across a structural break the regression carries the
 * level shift itself; the other methods are fitted to the series with the months before the
 * break moved by the shift the regression estimates, so none of them extrapolates across it.
 */
export function predict(candidate: Candidate, y: readonly number[], horizon: number, options: FitOptions): Prediction | null {
	const { to, from } = TRANSFORM[candidate.transform];
	if (candidate.transform === 'log' && y.some((v) => v < 0)) return null;
	let z = y.map(to);
	const { breakAt } = options;
	if (candidate.method !== 'regression' && breakAt !== undefined && breakAt > 0) {
		const shift = breakShift(z, options);
		z = z.map((v, t) => (t < breakAt ? v + shift : v));
	}
	const outliers = options.missing ? [...options.missing] : findOutliers(y, options.period);
	const fitted = FITS[candidate.method](z, horizon, { ...options, missing: new Set(outliers) });
	if (!fitted) return null;
	const q = (p: number) => (Number.isFinite(fitted.df) ? tQuantile(p, fitted.df) : normalQuantile(p));
	const [q80, q95] = [q(0.9), q(0.975)];
	const back = (v: number) => Math.max(0, from(v));
	const rows = fitted.mean.map((mu, i) => {
		const sd = fitted.sd[i];
		return {
			value: back(mu),
			lower80: back(mu - q80 * sd),
			upper80: back(mu + q80 * sd),
			lower95: back(mu - q95 * sd),
			upper95: back(mu + q95 * sd)
		};
	});
	return { rows, outliers };
}
