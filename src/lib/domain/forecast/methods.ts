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

/** A fitted candidate on the scale it was fitted on, before its bands are drawn. */
export interface ModelForecast {
	transform: TransformId;
	mean: number[];
	sd: number[];
	/** The model's own quantiles of its error distribution for the 80 % and 95 % bands (0.9 and 0.975). */
	z80: number;
	z95: number;
	outliers: number[];
	optimum?: number[];
}

/** How many model standard deviations each step's 80 % and 95 % half-bands span (conformal.ts). */
export interface BandWidths {
	k80: readonly number[];
	k95: readonly number[];
}

/**
 * Fits a candidate for `horizon` steps. Across a structural break the regression carries the
 * level shift itself; the other methods are fitted to the series with the months before the
 * break moved by the shift the regression estimates, so none of them extrapolates across it.
 */
export function fitCandidate(candidate: Candidate, y: readonly number[], horizon: number, options: FitOptions): ModelForecast | null {
	const { to } = TRANSFORM[candidate.transform];
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
	return {
		transform: candidate.transform,
		mean: fitted.mean,
		sd: fitted.sd,
		z80: q(0.9),
		z95: q(0.975),
		outliers,
		optimum: fitted.optimum
	};
}

/** The actual's distance from the forecast `step` (0-based) in the model's standard deviations, on the model's scale. */
export function scaledError(model: ModelForecast, step: number, actual: number): number {
	return Math.abs(TRANSFORM[model.transform].to(actual) - model.mean[step]) / model.sd[step];
}

/** The bands on the scale of the data: the model's own, or as wide as `widths` says. */
export function bands(model: ModelForecast, widths?: BandWidths): Interval[] {
	const { from } = TRANSFORM[model.transform];
	const back = (v: number) => Math.max(0, from(v));
	return model.mean.map((mu, i) => {
		const sd = model.sd[i];
		const [h80, h95] = [(widths?.k80[i] ?? model.z80) * sd, (widths?.k95[i] ?? model.z95) * sd];
		return { value: back(mu), lower80: back(mu - h80), upper80: back(mu + h80), lower95: back(mu - h95), upper95: back(mu + h95) };
	});
}

/** Forecasts `horizon` steps with the model's own intervals. */
export function predict(candidate: Candidate, y: readonly number[], horizon: number, options: FitOptions): Prediction | null {
	const model = fitCandidate(candidate, y, horizon, options);
	return model && { rows: bands(model), outliers: model.outliers };
}
