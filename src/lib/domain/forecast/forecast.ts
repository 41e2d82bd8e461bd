/**
 * Forecasting one monthly series: the candidates are scored by a rolling-origin backtest over
 * the last year, the one with the lowest MASE (the most accurate forecasts) is refitted to the
 * whole series, and its bands are calibrated on its own out-of-sample errors (conformal.ts): the
 * chosen model is also fitted at the CALIBRATION_ORIGINS months before the backtest's, so that
 * each step ahead has enough errors to take a 95 % quantile of. The backtest's coverage is that
 * of the calibrated bands, each origin's calibrated only on errors known at it. The bands being
 * calibrated, the choice needs no score of them (an interval score chose before calibration).
 *
 * A structural break (the 2025 cassation reform) is never extrapolated across: with three years
 * or more after it, only the months after it are used ("post_only"); with less, the level shift
 * at the break is estimated as an intervention term ("intervention") and the backtest starts once
 * six months after the break are known.
 */
import { backtest, scoreForecasts, trainingWindow, type BacktestScore } from './backtest';
import { bandWidths, type OriginErrors } from './conformal';
import { bands, CANDIDATES, fitCandidate, scaledError, type Candidate, type Interval, type ModelForecast } from './methods';
import { MONTHS_PER_YEAR, type FitOptions } from './model';
import { MIN_AFTER_BREAK } from './regression';

export const MAX_HORIZON = 24;
/** Months a model is fitted to at the first backtest origin. */
export const MIN_TRAINING = 24;
/** Origins of the backtest: the last twelve months. */
export const BACKTEST_ORIGINS = 12;
const MIN_ORIGINS = 3;
/**
 * Origins before the backtest's at which the chosen model is also fitted for its calibration:
 * step 12 of the first backtest origin then has 19 known errors, the fewest a 95 % conformal
 * quantile needs ((19 + 1) × 0.95 = 19), and the forecast's step 24 as many.
 */
export const CALIBRATION_ORIGINS = 30;
/** Years after a break from which the months before it are no longer used. */
const POST_ONLY_YEARS = 3;
/** Relative difference of MASE within which the simpler candidate is kept. */
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

/** The origins the chosen model's bands are calibrated on: the backtest's and up to CALIBRATION_ORIGINS before. */
export function calibrationOrigins(n: number, breakAt?: number): number[] {
	const [first] = backtestOrigins(n, breakAt);
	if (first === undefined) return [];
	const start = Math.max(MIN_TRAINING, first - CALIBRATION_ORIGINS, breakAt !== undefined && breakAt > 0 ? breakAt + MIN_AFTER_BREAK : 0);
	return Array.from({ length: n - start }, (_, i) => start + i);
}

function better(a: ScoredCandidate, b: ScoredCandidate): boolean {
	if (a.mase === null) return false;
	if (b.mase === null) return true;
	return a.mase < b.mase * (1 - SCORE_TIE);
}

/**
 * The chosen candidate's scaled errors at every calibration origin (reusing its backtest fits),
 * and its backtest with bands calibrated at each origin on the errors known there.
 */
function calibrate(
	candidate: Candidate,
	y: readonly number[],
	run: { origins: number[]; models: (ModelForecast | null)[] },
	options: FitOptions,
	breakAt: number | undefined
): { history: OriginErrors[]; score: BacktestScore } {
	const fitted = new Map(run.origins.map((origin, i) => [origin, run.models[i]]));
	const history: OriginErrors[] = [];
	let start: number[] | undefined;
	for (const origin of calibrationOrigins(y.length, breakAt)) {
		let model = fitted.get(origin);
		if (model === undefined) {
			const window = trainingWindow(y, origin, options);
			model = fitCandidate(candidate, window.train, Math.min(MAX_HORIZON, y.length - origin), { ...window.options, start });
			start = model?.optimum;
		}
		if (model) history.push({ origin, errors: model.mean.map((_, i) => scaledError(model, i, y[origin + i])) });
	}
	const rows = run.models.map((model, i) => model && bands(model, bandWidths(history, run.origins[i], model.mean.length, model)));
	return { history, score: scoreForecasts(y, run.origins, rows, options) };
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
	const run = backtest(CANDIDATES, y, origins, options);
	const scored = CANDIDATES.map((c, i): ScoredCandidate => ({ ...c, ...run.scores[i] }));
	let chosen = 0;
	scored.forEach((c, i) => {
		if (better(c, scored[chosen])) chosen = i;
	});
	const best = scored[chosen];
	const model = fitCandidate(best, y, horizon, { ...options, start: run.models[chosen].at(-1)?.optimum });
	if (!model) return { ok: false, reason: 'too_short', months: y.length, needed };
	const { history, score } = calibrate(best, y, { origins: run.origins, models: run.models[chosen] }, options, cut);
	const { method, transform } = best;
	const outliers = model.outliers.map((t) => t + start);
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
			rows: bands(model, bandWidths(history, y.length, horizon, model)),
			outliers
		}
	};
}
