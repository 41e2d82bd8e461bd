/**
 * Seasonal naive method: each month is forecast by the same month of the last observed year.
 * Prediction intervals after Hyndman & Athanasopoulos, Forecasting: Principles and Practice
 * (3rd ed., 2021), §5.5, table 5.2: σ_h = σ √(k + 1), k = ⌊(h − 1)/m⌋, where σ is the root mean
 * square of the seasonal differences y_t − y_{t−m}. A missing month (an outlier) is stepped
 * over: the difference reaches back to the same month j years earlier, whose variance is j·σ²
 * under the method's seasonal random walk.
 */
import type { Fit } from './model';

export const seasonalNaive: Fit = (y, horizon, { period: m, missing }) => {
	const n = y.length;
	if (n < m + 2) return null;
	const skip = (t: number) => missing?.has(t) ?? false;
	/** The latest same month before t that is not missing, and how many years back it is. */
	const previous = (t: number): [number, number] | null => {
		for (let j = 1; t - j * m >= 0; j++) if (!skip(t - j * m)) return [t - j * m, j];
		return null;
	};
	let sum = 0;
	let count = 0;
	for (let t = m; t < n; t++) {
		const before = skip(t) ? null : previous(t);
		if (!before) continue;
		sum += (y[t] - y[before[0]]) ** 2 / before[1];
		count += 1;
	}
	if (!count) return null;
	const sigma = Math.sqrt(sum / count);
	const mean: number[] = [];
	const sd: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		const last = n - m + ((h - 1) % m);
		const [base, back] = skip(last) ? (previous(last) ?? [last, 0]) : [last, 0];
		mean.push(y[base]);
		sd.push(sigma * Math.sqrt(Math.floor((h - 1) / m) + 1 + back));
	}
	return { mean, sd, df: Infinity };
};
