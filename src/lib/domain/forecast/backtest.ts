/**
 * Rolling-origin evaluation ("time series cross-validation", Hyndman & Athanasopoulos, FPP3
 * §5.10): from each origin the model is fitted to the months before it and forecasts up to a year
 * ahead; each forecast is compared with what happened. Accuracy is the mean absolute scaled
 * error (Hyndman & Koehler 2006): the absolute error divided by the mean absolute error of the
 * seasonal naive method (same month a year earlier) over the training months, so MASE 0.62
 * means errors 38 % smaller than repeating last year's month. Coverage counts how often the
 * actual fell inside the 80 % and 95 % intervals. The bands are scored together with the
 * forecasts by the interval score of Gneiting & Raftery (2007, §6.2), a proper scoring rule: the
 * band's width plus 2/α times the distance by which the actual fell outside it, so a band too
 * wide pays for its width and one too narrow for its misses; scaled like MASE, it is the MSIS of
 * the M4 competition (Makridakis, Spiliotis & Assimakopoulos 2020), here the mean of the 80 %
 * and 95 % bands' scores.
 */
import { predict, type Candidate } from './methods';
import type { FitOptions } from './model';
import { findOutliers } from './outliers';

export interface BacktestScore {
	/** Forecast origins (months the model was refitted at). */
	origins: number;
	/** Forecasts compared with an actual. */
	points: number;
	mase: number | null;
	/** Mean scaled interval score of the 80 % and 95 % bands (lower is better). */
	msis: number | null;
	hits80: number;
	hits95: number;
	coverage80: number | null;
	coverage95: number | null;
}

/** Scale of MASE: mean absolute seasonal difference of the training months, not across a break. */
export function maseScale(train: readonly number[], { period: m, breakAt }: FitOptions): number {
	let sum = 0;
	let count = 0;
	for (let t = m; t < train.length; t++) {
		if (breakAt !== undefined && t - m < breakAt && breakAt <= t) continue;
		sum += Math.abs(train[t] - train[t - m]);
		count += 1;
	}
	return count ? sum / count : 0;
}

/** Interval score of a central (1 − α) band for the actual y (Gneiting & Raftery 2007, §6.2). */
export function intervalScore(lower: number, upper: number, y: number, alpha: number): number {
	return upper - lower + (2 / alpha) * Math.max(0, lower - y) + (2 / alpha) * Math.max(0, y - upper);
}

/** Scores each candidate on the same origins; the outliers of each training window are found once for all. */
export function backtest(
	candidates: readonly Candidate[],
	y: readonly number[],
	origins: readonly number[],
	options: FitOptions,
	maxHorizon = 12
): BacktestScore[] {
	const sums = candidates.map(() => ({ scaled: 0, interval: 0, points: 0, hits80: 0, hits95: 0, used: 0 }));
	for (const origin of origins) {
		const train = y.slice(0, origin);
		const steps = Math.min(maxHorizon, y.length - origin);
		const scale = maseScale(train, options);
		if (steps <= 0 || scale <= 0) continue;
		const window = { ...options, missing: new Set(findOutliers(train, options.period)) };
		candidates.forEach((candidate, c) => {
			const forecast = predict(candidate, train, steps, window);
			if (!forecast) return;
			const sum = sums[c];
			sum.used += 1;
			forecast.rows.forEach((f, i) => {
				const actual = y[origin + i];
				sum.scaled += Math.abs(actual - f.value) / scale;
				sum.interval += (intervalScore(f.lower80, f.upper80, actual, 0.2) + intervalScore(f.lower95, f.upper95, actual, 0.05)) / 2 / scale;
				if (actual >= f.lower80 && actual <= f.upper80) sum.hits80 += 1;
				if (actual >= f.lower95 && actual <= f.upper95) sum.hits95 += 1;
				sum.points += 1;
			});
		});
	}
	return sums.map(({ scaled, interval, points, hits80, hits95, used }) => ({
		origins: used,
		points,
		mase: points ? scaled / points : null,
		msis: points ? interval / points : null,
		hits80,
		hits95,
		coverage80: points ? hits80 / points : null,
		coverage95: points ? hits95 / points : null
	}));
}
