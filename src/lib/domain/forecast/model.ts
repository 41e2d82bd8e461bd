/**
 * What every forecasting method returns: point forecasts on the scale it was fitted on and the
 * distribution of their errors, from which the prediction intervals are drawn.
 */
export const MONTHS_PER_YEAR = 12;

export interface Fitted {
	/** Forecasts for 1 … horizon steps ahead. */
	mean: number[];
	/** Standard deviation of each forecast's error. */
	sd: number[];
	/** Degrees of freedom of the error distribution: Student's t, or Infinity for the normal. */
	df: number;
}

export interface FitOptions {
	/** Observations per seasonal cycle (12 for monthly data). */
	period: number;
	/** Index of the first observation after a structural break, when the series has one. */
	breakAt?: number;
}

export type Fit = (y: readonly number[], horizon: number, options: FitOptions) => Fitted | null;

export function mean(values: readonly number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}
