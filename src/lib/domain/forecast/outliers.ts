/**
 * Additive outliers: months far off the series' course, such as the lockdown months of
 * spring 2020. Left in, they inflate the error variance of every model (and bend its seasonal
 * pattern), so the bands of every later forecast are too wide. They are found on a robust
 * decomposition of log(y + 1), which they cannot distort, in the spirit of R's
 * forecast::tsoutliers (Hyndman; a robust STL there): the trend is a running median over a
 * year, the seasonal pattern the median of each calendar month's deviation from it, and a month
 * is an outlier when its remainder lies more than OUTLIER_LIMIT standard deviations from the
 * remainders' median, the standard deviation being the MAD's (1.4826 × the median absolute
 * deviation; Rousseeuw & Croux 1993). The models then treat those months as missing, which is
 * the same as giving each a pulse intervention term (Chen & Liu 1993, JASA 88).
 *
 * A run of more than MAX_RUN such months, or one whose months lie on both sides of the course
 * (the months around a lasting level shift), is not an outlier episode: the models follow it.
 * For the same reason the last MAX_RUN months are never outliers, as nothing yet tells an
 * outlier there from the start of a shift.
 */
import { median, sortedMedian } from './model';

/** In standard deviations; Chen & Liu (1993) use 3 to 4. */
export const OUTLIER_LIMIT = 3.5;
/** Longest run of consecutive months taken as one outlier episode (half the running median's window). */
export const MAX_RUN = 6;
/** The MAD of a normal sample, times this, estimates its standard deviation. */
const MAD_TO_SD = 1.4826;

function robustSd(values: readonly number[]): number {
	const centre = median(values);
	return MAD_TO_SD * median(values.map((v) => Math.abs(v - centre)));
}

/** Running median over a year around each month (the first or last such window at the ends), without the month itself. */
function runningMedian(y: readonly number[], m: number): number[] {
	const n = y.length;
	// One buffer for every window: this runs twice per backtest origin.
	const window = new Float64Array(m);
	return y.map((_, t) => {
		const from = Math.min(Math.max(0, t - (m >> 1)), Math.max(0, n - m - 1));
		let k = 0;
		for (let i = from; i < Math.min(n, from + m + 1); i++) if (i !== t) window[k++] = y[i];
		return sortedMedian(window.subarray(0, k).sort());
	});
}

/** For each month, the median deviation from the trend of the same calendar month in the other years. */
function seasonOthers(y: readonly number[], trend: readonly number[], m: number): number[] {
	const deviation = y.map((v, t) => v - trend[t]);
	const sorted = Array.from({ length: m }, (_, j) => deviation.filter((_, t) => t % m === j).sort((a, b) => a - b));
	return deviation.map((d, t) => {
		const others = [...sorted[t % m]];
		others.splice(others.indexOf(d), 1);
		return sortedMedian(others);
	});
}

/**
 * Remainders of the robust decomposition: each month against what the rest of the series says
 * of it (leaving the month out, its remainder is an honest error, and their spread is not
 * understated). Two passes, as STL's inner loop: the trend is taken again from the seasonally
 * adjusted series, whose running median is not moved by where the seasonal peaks and troughs
 * fall in the window.
 */
function remainders(y: readonly number[], m: number): number[] {
	const first = seasonOthers(y, runningMedian(y, m), m);
	const trend = runningMedian(
		y.map((v, t) => v - first[t]),
		m
	);
	const season = seasonOthers(y, trend, m);
	return y.map((v, t) => v - trend[t] - season[t]);
}

/** Indices of the months of the series that are outliers (ascending). */
export function findOutliers(y: readonly number[], m: number): number[] {
	const n = y.length;
	if (n < 2 * m + 1) return [];
	const z = y.every((v) => v >= 0) ? y.map(Math.log1p) : y;
	const r = remainders(z, m);
	const centre = median(r);
	const sd = robustSd(r);
	if (!(sd > 0)) return [];
	const far = r.map((v) => Math.abs(v - centre) > OUTLIER_LIMIT * sd);
	const found: number[] = [];
	for (let t = 0; t < n; t++) {
		if (!far[t]) continue;
		let end = t;
		while (end + 1 < n && far[end + 1]) end++;
		const run = r.slice(t, end + 1);
		// An episode moves the series one way and back; the two months around a lasting shift stand out either way.
		const oneWay = run.every((v) => v > centre) || run.every((v) => v < centre);
		if (oneWay && run.length <= MAX_RUN && end < n - MAX_RUN) for (let k = t; k <= end; k++) found.push(k);
		t = end;
	}
	return found;
}
