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
	/** Where a fit by numerical optimisation ended (its unconstrained parameters), to start the next from. */
	optimum?: number[];
}

export interface FitOptions {
	/** Observations per seasonal cycle (12 for monthly data). */
	period: number;
	/** Index of the first observation after a structural break, when the series has one. */
	breakAt?: number;
	/** Observations treated as missing: additive outliers, left out of the fit and of the error variance. */
	missing?: ReadonlySet<number>;
	/**
	 * Where to start a numerical optimisation: the optimum of the same model fitted to the series a
	 * month shorter or longer, which lies close to this one's (a warm start; a backtest refits the
	 * same model at each origin).
	 */
	start?: readonly number[];
}

export type Fit = (y: readonly number[], horizon: number, options: FitOptions) => Fitted | null;

export function mean(values: readonly number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}

export function median(values: readonly number[]): number {
	return sortedMedian([...values].sort((a, b) => a - b));
}

/** The median of values already in ascending order. */
export function sortedMedian(sorted: ArrayLike<number>): number {
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * For the start of a fit that needs every month: each missing observation replaced by the
 * nearest same month (a year earlier first, else later) that is not missing.
 */
export function seasonalFill(y: readonly number[], m: number, missing: ReadonlySet<number> | undefined): number[] {
	if (!missing?.size) return [...y];
	return y.map((v, t) => {
		if (!missing.has(t)) return v;
		for (let k = 1; t - k * m >= 0 || t + k * m < y.length; k++) {
			if (t - k * m >= 0 && !missing.has(t - k * m)) return y[t - k * m];
			if (t + k * m < y.length && !missing.has(t + k * m)) return y[t + k * m];
		}
		return v;
	});
}
