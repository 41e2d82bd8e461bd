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
import { bands, fitCandidate, type Candidate, type Interval, type ModelForecast } from './methods';
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

/** The figures of forecasts made at the origins (rows[i] from origins[i], null when none was made). */
export function scoreForecasts(
	y: readonly number[],
	origins: readonly number[],
	rows: readonly (readonly Interval[] | null)[],
	options: FitOptions
): BacktestScore {
	let [scaled, interval, points, hits80, hits95, used] = [0, 0, 0, 0, 0, 0];
	origins.forEach((origin, o) => {
		const forecast = rows[o];
		if (!forecast) return;
		const scale = maseScale(y.slice(0, origin), options);
		used += 1;
		forecast.forEach((f, i) => {
			const actual = y[origin + i];
			scaled += Math.abs(actual - f.value) / scale;
			interval += (intervalScore(f.lower80, f.upper80, actual, 0.2) + intervalScore(f.lower95, f.upper95, actual, 0.05)) / 2 / scale;
			if (actual >= f.lower80 && actual <= f.upper80) hits80 += 1;
			if (actual >= f.lower95 && actual <= f.upper95) hits95 += 1;
			points += 1;
		});
	});
	return {
		origins: used,
		points,
		mase: points ? scaled / points : null,
		msis: points ? interval / points : null,
		hits80,
		hits95,
		coverage80: points ? hits80 / points : null,
		coverage95: points ? hits95 / points : null
	};
}

export interface Backtest {
	/** The origins a forecast could be scored at (a training window with a seasonal difference). */
	origins: number[];
	/** Each candidate's figures with the model's own bands. */
	scores: BacktestScore[];
	/** models[c][i]: candidate c fitted before origins[i], forecasting up to maxHorizon months that are known. */
	models: (ModelForecast | null)[][];
}

/** The outliers of a training window, treated as missing by every candidate fitted to it. */
export function trainingWindow(y: readonly number[], origin: number, options: FitOptions): { train: number[]; options: FitOptions } {
	const train = y.slice(0, origin);
	return { train, options: { ...options, missing: new Set(findOutliers(train, options.period)) } };
}

/** Fits and scores each candidate on the same origins; the outliers of each training window are found once for all. */
export function backtest(
	candidates: readonly Candidate[],
	y: readonly number[],
	origins: readonly number[],
	options: FitOptions,
	maxHorizon = 12
): Backtest {
	// An origin whose training months have no seasonal difference gives no scale to score by.
	const usable = origins.filter((origin) => origin < y.length && maseScale(y.slice(0, origin), options) > 0);
	const models = candidates.map(() => [] as (ModelForecast | null)[]);
	for (const origin of usable) {
		const window = trainingWindow(y, origin, options);
		const steps = Math.min(maxHorizon, y.length - origin);
		candidates.forEach((candidate, c) => {
			const start = models[c].at(-1)?.optimum;
			models[c].push(fitCandidate(candidate, window.train, steps, start ? { ...window.options, start } : window.options));
		});
	}
	const scores = models.map((fits) =>
		scoreForecasts(
			y,
			usable,
			fits.map((m) => m && bands(m)),
			options
		)
	);
	return { origins: usable, scores, models };
}
