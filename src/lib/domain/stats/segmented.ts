/**
 * Segmented regression of an interrupted time series (Wagner et al. 2002): ordinary least
 * squares of y on time, a post-intervention indicator and time since the intervention, giving
 * the level change at the intervention and the change of slope after it, with 95% intervals
 * from the OLS covariance and Student's t.
 */
export interface Estimate {
	value: number;
	lo: number;
	hi: number;
	se: number;
}

export interface Segmented {
	/** Level before the intervention at time 0 and slope per step before it. */
	intercept: Estimate;
	preSlope: Estimate;
	/** Jump at the first post-intervention step. */
	levelChange: Estimate;
	/** Change in slope per step after the intervention. */
	slopeChange: Estimate;
	n: number;
	/** Index of the first post-intervention step. */
	t0: number;
	/** Residual standard deviation. */
	sigma: number;
}

/** Inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination. */
export function invert(a: number[][]): number[][] {
	const k = a.length;
	const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
	for (let col = 0; col < k; col++) {
		let pivot = col;
		for (let r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
		if (Math.abs(m[pivot][col]) < 1e-12) throw new Error('singular design: the series needs points before and after the intervention');
		[m[col], m[pivot]] = [m[pivot], m[col]];
		const d = m[col][col];
		for (let j = 0; j < 2 * k; j++) m[col][j] /= d;
		for (let r = 0; r < k; r++) {
			if (r === col) continue;
			const f = m[r][col];
			for (let j = 0; j < 2 * k; j++) m[r][j] -= f * m[col][j];
		}
	}
	return m.map((row) => row.slice(k));
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
	const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
	const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
	const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
	const lowTail = (q: number) =>
		(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	if (p < 0.02425) return lowTail(Math.sqrt(-2 * Math.log(p)));
	if (p > 1 - 0.02425) return -lowTail(Math.sqrt(-2 * Math.log(1 - p)));
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
		(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
	);
}

/** Student's t quantile by the Cornish–Fisher expansion (good to 3 decimals from 5 degrees of freedom). */
export function tQuantile(p: number, df: number): number {
	const z = normalQuantile(p);
	const z3 = z ** 3;
	const z5 = z ** 5;
	const z7 = z ** 7;
	return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Fits y[t] = b0 + b1·t + b2·post + b3·(t − t0)·post, where `post` is 1 from index `t0` on.
 * Needs at least two points on each side and six in all.
 */
export function segmentedRegression(y: readonly number[], t0: number): Segmented {
	const n = y.length;
	if (t0 < 2 || n - t0 < 2 || n < 6) throw new Error('segmented regression needs two points on each side and six in all');
	const rows = y.map((_, t) => [1, t, t >= t0 ? 1 : 0, t >= t0 ? t - t0 : 0]);
	const k = 4;
	const xtx = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
	const xty = Array.from({ length: k }, (_, i) => rows.reduce((s, r, t) => s + r[i] * y[t], 0));
	const inv = invert(xtx);
	const beta = inv.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
	const rss = rows.reduce((s, r, t) => s + (y[t] - r.reduce((a, v, j) => a + v * beta[j], 0)) ** 2, 0);
	const df = n - k;
	const sigma2 = rss / df;
	const t = tQuantile(0.975, df);
	const est = (i: number): Estimate => {
		const se = Math.sqrt(sigma2 * inv[i][i]);
		return { value: beta[i], se, lo: beta[i] - t * se, hi: beta[i] + t * se };
	};
	return { intercept: est(0), preSlope: est(1), levelChange: est(2), slopeChange: est(3), n, t0, sigma: Math.sqrt(sigma2) };
}

export interface FittedLines {
	/** The model's value at each step before the intervention, null after. */
	before: (number | null)[];
	/** The model's value at each step from the intervention on, null before. */
	after: (number | null)[];
	/**
	 * The trend before the intervention carried on past it (no level or slope change): what the
	 * model expects had nothing happened. From the last step before the intervention, so that it
	 * branches off the fitted line.
	 */
	counterfactual: (number | null)[];
}

export function fittedLines(fit: Segmented): FittedLines {
	const trend = (t: number) => fit.intercept.value + fit.preSlope.value * t;
	const steps = Array.from({ length: fit.n }, (_, t) => t);
	return {
		before: steps.map((t) => (t < fit.t0 ? trend(t) : null)),
		after: steps.map((t) => (t >= fit.t0 ? trend(t) + fit.levelChange.value + fit.slopeChange.value * (t - fit.t0) : null)),
		counterfactual: steps.map((t) => (t >= fit.t0 - 1 ? trend(t) : null))
	};
}
