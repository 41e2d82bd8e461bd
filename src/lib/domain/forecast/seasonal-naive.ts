/**
 * Seasonal naive method: each month is forecast by the same month of the last observed year.
 * Prediction intervals after Hyndman & Athanasopoulos, Forecasting: Principles and Practice
 * (3rd ed., 2021), §5.5, table 5.2: σ_h = σ √(k + 1), k = ⌊(h − 1)/m⌋, where σ is the root mean
 * square of the seasonal differences y_t − y_{t−m}.
 */
import type { Fit } from './model';

export const seasonalNaive: Fit = (y, horizon, { period: m }) => {
	const n = y.length;
	if (n < m + 2) return null;
	let sum = 0;
	for (let t = m; t < n; t++) sum += (y[t] - y[t - m]) ** 2;
	const sigma = Math.sqrt(sum / (n - m));
	const mean: number[] = [];
	const sd: number[] = [];
	for (let h = 1; h <= horizon; h++) {
		const k = Math.floor((h - 1) / m);
		mean.push(y[n - m + ((h - 1) % m)]);
		sd.push(sigma * Math.sqrt(k + 1));
	}
	return { mean, sd, df: Infinity };
};
