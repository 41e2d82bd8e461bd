/**
 * Forecasting one monthly series: the candidates are scored by a rolling-origin backtest over
 * the last year, the one with the lowest mean scaled interval score (backtest.ts: accurate
 * forecasts and bands no wider than they need to be to hold the actual) is refitted to the whole
 * series, and its forecasts are returned with the backtest's figures. Choosing by MASE alone
 * took the most accurate forecasts whatever their bands, and on the demo data those were the
 * ones whose bands held the actual every time.
 *
 * A structural break (the 2025 cassation reform) is never extrapolated across: with three years
 * or more after it, only the months after it are used ("post_only"); with less, the level shift
 * at the break is estimated as an intervention term ("intervention") and the backtest starts once
 * six months after the break are known.
 */
import { backtest, type BacktestScore } from './backtest';
import { CANDIDATES, predict, type Candidate, type Interval } from './methods';
import { MONTHS_PER_YEAR, type FitOptions } from './model';
import { MIN_AFTER_BREAK } from './regression';

export const MAX_HORIZON = 24;
/** Months a model is fitted to at the first backtest origin. */
export const MIN_TRAINING = 24;
/** Origins of the backtest: the last twelve months. */
export const BACKTEST_ORIGINS = 12;
const MIN_ORIGINS = 3;
/** Years after a break from which the months before it are no longer used. */
const POST_ONLY_YEARS = 3;
/** Relative difference of interval scores within which the simpler candidate is kept. */
const SCORE_TIE = 0.01;

export type BreakMode = 'none' | 'intervention' | 'post_only';

export interface ScoredCandidate extends Candidate, BacktestScore {}

export interface SeriesForecast extends Candidate {
	breakMode: BreakMode;
	/** Index of the first month the model used (after a break, with post_only). */
	start: number;
	backtest: BacktestScore;
	/** The seasonal naive method's score on the same origins, for comparison. */
	baseline: BacktestScore;
	candidates: ScoredCandidate[];
	rows: Interval[];
	/** Indices (in the series given) of the months the chosen model treated as outliers. */
	outliers: number[];
}

export type ForecastOutcome = { ok: true; value: SeriesForecast } | { ok: false; reason: 'too_short'; months: number; needed: number };

export function backtestOrigins(n: number, breakAt?: number): number[] {
	const first = Math.max(MIN_TRAINING, n - BACKTEST_ORIGINS, breakAt !== undefined && breakAt > 0 ? breakAt + MIN_AFTER_BREAK : 0);
	return Array.from({ length: Math.max(0, n - first) }, (_, i) => first + i);
}

/** Months of history needed to forecast: training for the first origin plus a few origins. */
export function neededMonths(breakAt?: number): number {
	return Math.max(MIN_TRAINING, breakAt !== undefined && breakAt > 0 ? breakAt + MIN_AFTER_BREAK : 0) + MIN_ORIGINS;
}

function better(a: ScoredCandidate, b: ScoredCandidate): boolean {
	if (a.msis === null) return false;
	if (b.msis === null) return true;
	return a.msis < b.msis * (1 - SCORE_TIE);
}

export function forecastSeries(
	series: readonly number[],
	{ horizon, breakAt, period = MONTHS_PER_YEAR }: { horizon: number; breakAt?: number; period?: number }
): ForecastOutcome {
	let y = series;
	let start = 0;
	let breakMode: BreakMode = 'none';
	let cut = breakAt !== undefined && breakAt > 0 && breakAt < series.length ? breakAt : undefined;
	if (cut !== undefined) {
		if (series.length - cut >= POST_ONLY_YEARS * period) {
			[y, start, breakMode, cut] = [series.slice(cut), cut, 'post_only', undefined];
		} else breakMode = 'intervention';
	}
	const needed = neededMonths(cut);
	if (y.length < needed) return { ok: false, reason: 'too_short', months: y.length, needed };

	const options: FitOptions = { period, breakAt: cut };
	const origins = backtestOrigins(y.length, cut);
	const scores = backtest(CANDIDATES, y, origins, options);
	const scored = CANDIDATES.map((c, i): ScoredCandidate => ({ ...c, ...scores[i] }));
	let best = scored[0];
	for (const c of scored.slice(1)) if (better(c, best)) best = c;
	const prediction = predict(best, y, horizon, options);
	if (!prediction) return { ok: false, reason: 'too_short', months: y.length, needed };
	const { method, transform, ...score } = best;
	const outliers = prediction.outliers.map((t) => t + start);
	return {
		ok: true,
		value: {
			method,
			transform,
			breakMode,
			start,
			backtest: score,
			baseline: scored[0],
			candidates: scored,
			rows: prediction.rows,
			outliers
		}
	};
}
