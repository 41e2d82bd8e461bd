/**
 * Time series regression: y_t = a + b·t + seasonal dummies (+ a level shift from a structural
 * break on), fitted by ordinary least squares. Prediction intervals are those of the linear
 * model (Hyndman & Athanasopoulos, FPP3 §7.6 and §7.9):
 * ŷ ± t_{n−p} · s · √(1 + x₀ᵀ(XᵀX)⁻¹x₀).
 * The level shift is the intervention term of Box & Tiao (1975) for the 2025 cassation reform; a
 * missing month (an outlier) is left out of the fit, which is the same as giving it a pulse term.
 */
import { invert } from '../stats/segmented';
import type { Fit, FitOptions } from './model';

/** Observations after the break needed before its shift can be estimated. */
export const MIN_AFTER_BREAK = 6;

function designRow(t: number, n: number, { period: m, breakAt }: FitOptions, withStep: boolean): number[] {
	const row = [1, t - (n - 1) / 2];
	for (let season = 1; season < m; season++) row.push(t % m === season ? 1 : 0);
	if (withStep) row.push(t >= breakAt! ? 1 : 0);
	return row;
}

export interface Regression {
	beta: number[];
	/** (XᵀX)⁻¹ */
	inverse: number[][];
	/** Residual variance s² = RSS / (n − p), over the months fitted. */
	variance: number;
	df: number;
	/** Whether the design has the break's level shift (its coefficient is the last). */
	withStep: boolean;
}

export function fitRegression(y: readonly number[], options: FitOptions): Regression | null {
	const n = y.length;
	const { breakAt, missing } = options;
	const used = y.map((_, t) => t).filter((t) => !missing?.has(t));
	const withStep = breakAt !== undefined && breakAt > 0 && used.filter((t) => t >= breakAt).length >= MIN_AFTER_BREAK;
	const design = y.map((_, t) => designRow(t, n, options, withStep));
	const rows = used.map((t) => design[t]);
	const p = design[0].length;
	if (used.length < Math.max(2 * options.period, p + 4)) return null;
	const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
	const xty = Array.from({ length: p }, (_, i) => rows.reduce((s, r, k) => s + r[i] * y[used[k]], 0));
	let inverse: number[][];
	try {
		inverse = invert(xtx);
	} catch {
		return null;
	}
	const beta = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
	const rss = used.reduce((s, t) => s + (y[t] - design[t].reduce((a, v, j) => a + v * beta[j], 0)) ** 2, 0);
	const df = used.length - p;
	return { beta, inverse, variance: rss / df, df, withStep };
}

/** The estimated level shift at the break (0 when the series has none). */
export function breakShift(y: readonly number[], options: FitOptions): number {
	const fit = fitRegression(y, options);
	return fit?.withStep ? fit.beta[fit.beta.length - 1] : 0;
}

export const regression: Fit = (y, horizon, options) => {
	const fit = fitRegression(y, options);
	if (!fit) return null;
	const n = y.length;
	const mean: number[] = [];
	const sd: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		const x = designRow(n - 1 + h, n, options, fit.withStep);
		mean.push(x.reduce((s, v, j) => s + v * fit.beta[j], 0));
		const leverage = x.reduce((s, xi, i) => s + xi * x.reduce((a, xj, j) => a + fit.inverse[i][j] * xj, 0), 0);
		sd.push(Math.sqrt(fit.variance * (1 + leverage)));
	}
	return { mean, sd, df: fit.df };
};
