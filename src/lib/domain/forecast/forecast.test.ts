import { describe, expect, it } from 'vitest';
import { backtest, intervalScore, maseScale } from './backtest';
import { ets } from './ets';
import { forecastSeries } from './forecast';
import { predict, type Candidate } from './methods';
import { findOutliers, MAX_RUN } from './outliers';
import { regression } from './regression';
import { seasonalNaive } from './seasonal-naive';

/** A seeded generator (mulberry32) and Box–Muller normals, so every run sees the same series. */
function normals(seed: number) {
	let a = seed >>> 0;
	const uniform = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const SEASON = [-60, -20, 30, 40, 20, 35, -50, -70, 25, 45, 30, -25];
const monthly = { period: 12 };

/** Level 1000, trend +4 a month, the seasonal pattern above, and normal noise. */
function trendSeasonal(n: number, sigma: number, seed: number): { y: number[]; truth: (t: number) => number } {
	const noise = normals(seed);
	const truth = (t: number) => 1000 + 4 * t + SEASON[t % 12];
	return { y: Array.from({ length: n }, (_, t) => truth(t) + sigma * noise()), truth };
}

/** Simulates ETS(A,Ad,A) with the given parameters from its state-space equations. */
function simulateEts(n: number, seed: number, p = { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.9, sigma: 15 }) {
	const noise = normals(seed);
	let level = 1000;
	let trend = 3;
	const season = [...SEASON];
	return Array.from({ length: n }, (_, t) => {
		const e = p.sigma * noise();
		const y = level + p.phi * trend + season[t % 12] + e;
		level = level + p.phi * trend + p.alpha * e;
		trend = p.phi * trend + p.beta * e;
		season[t % 12] += p.gamma * e;
		return y;
	});
}

/** Seasonal random walk: each month is the same month a year earlier plus noise. */
function seasonalWalk(seed: number): number[] {
	const noise = normals(seed);
	const y = [...SEASON.map((s) => 500 + s)];
	for (let t = 12; t < 96; t++) y.push(y[t - 12] + 10 * noise());
	return y;
}

/** A lockdown-like episode at month `at`: the month falls to 40 % of its course, the next to 62 %. */
function withEpisode(y: number[], at: number): number[] {
	return y.map((v, t) => (t === at ? 0.4 * v : t === at + 1 ? 0.62 * v : v));
}

/** Share of the actual h-step values inside the intervals, over many simulated series. */
function coverage(candidate: Candidate, simulate: (seed: number) => number[], { series = 300, train = 84, horizon = 12 } = {}) {
	let in80 = 0;
	let in95 = 0;
	let points = 0;
	for (let seed = 1; seed <= series; seed++) {
		const y = simulate(seed);
		const { rows } = predict(candidate, y.slice(0, train), horizon, monthly)!;
		rows.forEach((r, h) => {
			const actual = y[train + h];
			if (actual >= r.lower80 && actual <= r.upper80) in80++;
			if (actual >= r.lower95 && actual <= r.upper95) in95++;
			points++;
		});
	}
	return { c80: in80 / points, c95: in95 / points };
}

describe('each method recovers a series with known trend and seasonality', () => {
	const { y, truth } = trendSeasonal(96, 10, 7);
	const future = Array.from({ length: 12 }, (_, h) => truth(96 + h));

	it('seasonal naive repeats the last year exactly', () => {
		const f = seasonalNaive(y, 24, monthly)!;
		expect(f.mean.slice(0, 12)).toEqual(y.slice(84, 96));
		expect(f.mean.slice(12)).toEqual(y.slice(84, 96));
		// The error grows with the number of years reached back over.
		expect(f.sd[12] / f.sd[0]).toBeCloseTo(Math.SQRT2, 10);
	});

	for (const [name, fit] of [
		['ETS(A,Ad,A)', ets],
		['regression with trend and seasonal dummies', regression]
	] as const) {
		it(`${name} forecasts the trend and the seasonal pattern`, () => {
			const f = fit(y, 12, monthly)!;
			f.mean.forEach((v, h) => expect(Math.abs(v - future[h])).toBeLessThan(25));
			// Seasonal shape: the forecast's month-to-month moves follow the true pattern.
			const moves = (a: number[]) => a.slice(1).map((v, i) => v - a[i]);
			const correlation = (a: number[], b: number[]) => {
				const ma = a.reduce((s, v) => s + v, 0) / a.length;
				const mb = b.reduce((s, v) => s + v, 0) / b.length;
				const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0);
				return cov / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0));
			};
			expect(correlation(moves(f.mean), moves(future))).toBeGreaterThan(0.97);
		});
	}

	it('the regression without noise gives the exact line and zero-width intervals', () => {
		const exact = Array.from({ length: 48 }, (_, t) => 1000 + 4 * t + SEASON[t % 12]);
		const f = regression(exact, 6, monthly)!;
		f.mean.forEach((v, h) => expect(v).toBeCloseTo(1000 + 4 * (48 + h) + SEASON[(48 + h) % 12], 6));
		f.sd.forEach((s) => expect(s).toBeLessThan(1e-6));
	});
});

describe('prediction intervals cover close to their nominal rates', () => {
	it('seasonal naive on seasonal random walks', () => {
		const { c80, c95 } = coverage({ method: 'snaive', transform: 'none' }, seasonalWalk);
		expect(Math.abs(c80 - 0.8)).toBeLessThan(0.03);
		expect(Math.abs(c95 - 0.95)).toBeLessThan(0.02);
	});

	it('ETS(A,Ad,A) on series simulated from ETS(A,Ad,A)', () => {
		const { c80, c95 } = coverage({ method: 'ets', transform: 'none' }, (seed) => simulateEts(96, seed), { series: 200 });
		expect(Math.abs(c80 - 0.8)).toBeLessThan(0.04);
		expect(Math.abs(c95 - 0.95)).toBeLessThan(0.03);
	});

	it('regression on trend + seasonal series with independent errors', () => {
		const { c80, c95 } = coverage({ method: 'regression', transform: 'none' }, (seed) => trendSeasonal(96, 20, seed).y);
		expect(Math.abs(c80 - 0.8)).toBeLessThan(0.03);
		expect(Math.abs(c95 - 0.95)).toBeLessThan(0.02);
	});
});

describe('the chosen forecast’s calibrated bands cover close to their nominal rates', () => {
	/** Share of the next 12 actuals inside the bands of forecastSeries (method chosen, bands calibrated) and of the chosen model's own bands. */
	function chosenCoverage(simulate: (seed: number) => number[], series: number, train = 84, horizon = 12) {
		const hits = { c80: 0, c95: 0, own80: 0, own95: 0, points: 0 };
		for (let seed = 1; seed <= series; seed++) {
			const y = simulate(seed);
			const result = forecastSeries(y.slice(0, train), { horizon });
			if (!result.ok) throw new Error('too short');
			const own = predict(result.value, y.slice(0, train), horizon, monthly)!.rows;
			result.value.rows.forEach((r, h) => {
				const actual = y[train + h];
				if (actual >= r.lower80 && actual <= r.upper80) hits.c80++;
				if (actual >= r.lower95 && actual <= r.upper95) hits.c95++;
				if (actual >= own[h].lower80 && actual <= own[h].upper80) hits.own80++;
				if (actual >= own[h].lower95 && actual <= own[h].upper95) hits.own95++;
				hits.points++;
			});
		}
		const share = (k: number) => k / hits.points;
		return { c80: share(hits.c80), c95: share(hits.c95), own80: share(hits.own80), own95: share(hits.own95) };
	}

	// Tolerance: 80 series × 12 months; the months of one series share its model, so the sampling error is
	// about that of 300 independent forecasts (±2.3 p.p. at 80 %, ±1.3 p.p. at 95 %, one standard error).
	// Below nominal we allow 3 and 2 p.p.; above, 7 and 4 p.p., as a band is never made narrower than
	// the model's own (conformal.ts) and so errs on the wide side by a few points when the model is right.
	const close = ({ c80, c95 }: { c80: number; c95: number }) => {
		expect(c80).toBeGreaterThan(0.77);
		expect(c80).toBeLessThan(0.87);
		expect(c95).toBeGreaterThan(0.93);
		expect(c95).toBeLessThan(0.99);
	};

	it('on series of a known trend, seasonality and noise', () => {
		close(chosenCoverage((seed) => trendSeasonal(96, 20, seed).y, 80));
	});

	it('where the models’ own bands are too narrow: a trend and seasonality whose level also wanders', () => {
		const wandering = (seed: number) => {
			const noise = normals(seed);
			let level = 0;
			return Array.from({ length: 96 }, (_, t) => {
				level += 8 * noise();
				return 1000 + 4 * t + level + SEASON[t % 12] + 15 * noise();
			});
		};
		const coverage = chosenCoverage(wandering, 80);
		close(coverage);
		// The models assume their own form: their bands held the actual less often than said.
		expect(coverage.own80).toBeLessThan(0.77);
		expect(coverage.c80 - coverage.own80).toBeGreaterThan(0.03);
	});
});

describe('an outlier episode (a lockdown) does not widen the bands', () => {
	const EPISODE = 40;
	const cases: [string, Candidate, (seed: number) => number[]][] = [
		['seasonal naive', { method: 'snaive', transform: 'none' }, seasonalWalk],
		['ETS(A,Ad,A)', { method: 'ets', transform: 'none' }, (seed) => simulateEts(96, seed)],
		['regression', { method: 'regression', transform: 'none' }, (seed) => trendSeasonal(96, 20, seed).y]
	];

	for (const [name, candidate, simulate] of cases) {
		it(`${name}: intervals cover close to their nominal rates, as wide as without the episode`, () => {
			const { c80, c95 } = coverage(candidate, (seed) => withEpisode(simulate(seed), EPISODE), { series: 200 });
			expect(Math.abs(c80 - 0.8)).toBeLessThan(0.04);
			expect(Math.abs(c95 - 0.95)).toBeLessThan(0.03);
			let ratio = 0;
			let found = 0;
			for (let seed = 1; seed <= 50; seed++) {
				const clean = simulate(seed).slice(0, 84);
				const hit = predict(candidate, withEpisode(clean, EPISODE), 1, monthly)!;
				const { rows } = predict(candidate, clean, 1, monthly)!;
				ratio += (hit.rows[0].upper80 - hit.rows[0].lower80) / (rows[0].upper80 - rows[0].lower80) / 50;
				if (hit.outliers.includes(EPISODE) && hit.outliers.includes(EPISODE + 1)) found++;
			}
			expect(found).toBeGreaterThanOrEqual(48);
			expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
		});
	}

	it('left in, the episode would widen ETS bands several times over', () => {
		const y = simulateEts(84, 3);
		expect(ets(withEpisode(y, EPISODE), 1, monthly)!.sd[0]).toBeGreaterThan(3 * ets(y, 1, monthly)!.sd[0]);
		expect(ets(withEpisode(y, EPISODE), 1, { ...monthly, missing: new Set([EPISODE, EPISODE + 1]) })!.sd[0]).toBeCloseTo(
			ets(y, 1, monthly)!.sd[0],
			-1
		);
	});

	it('finds the episode, and neither a clean series nor a lasting shift nor the last months', () => {
		const { y } = trendSeasonal(84, 10, 5);
		expect(findOutliers(withEpisode(y, EPISODE), 12)).toEqual([EPISODE, EPISODE + 1]);
		expect(findOutliers(y, 12)).toEqual([]);
		// A lasting fall of a third from month 50: a level shift the models must follow.
		expect(
			findOutliers(
				y.map((v, t) => (t >= 50 ? v * 0.66 : v)),
				12
			)
		).toEqual([]);
		// A fall in the last months may be the start of a shift: not an outlier yet.
		expect(findOutliers(withEpisode(y, 84 - MAX_RUN), 12)).toEqual([]);
	});
});

describe('the rolling-origin backtest', () => {
	// Two years: the second is the first plus 2; then three months of the third year.
	const year1 = [10, 20, 30, 25, 15, 12, 18, 22, 28, 35, 30, 16];
	const year2 = year1.map((v) => v + 2);
	const y = [...year1, ...year2, year2[0] + 3, year2[1] - 1, year2[2] + 2];

	it('scales errors by the seasonal naive error of the training months', () => {
		expect(maseScale(y.slice(0, 24), monthly)).toBe(2);
		expect(maseScale(y.slice(0, 25), monthly)).toBeCloseTo(27 / 13, 12);
	});

	it('gives the hand-computed MASE and coverage of the seasonal naive method', () => {
		// Origins 24, 25, 26: errors 3, 1, 2 (scale 2), 1, 2 (scale 27/13), 2 (scale 2).
		const {
			scores: [score]
		} = backtest([{ method: 'snaive', transform: 'none' }], y, [24, 25, 26], monthly);
		expect(score.origins).toBe(3);
		expect(score.points).toBe(6);
		expect(score.mase).toBeCloseTo((1.5 + 0.5 + 1 + 13 / 27 + 26 / 27 + 1) / 6, 12);
		// σ = 2 at origin 24: the 80 % band is ±2.56, so the error of 3 falls outside it, inside the 95 % one.
		expect(score.hits80).toBe(5);
		expect(score.hits95).toBe(6);
	});

	it('scores a band by its width and, beyond it, 2/α times the miss', () => {
		expect(intervalScore(10, 20, 15, 0.2)).toBe(10);
		expect(intervalScore(10, 20, 25, 0.2)).toBe(10 + 10 * 5);
		expect(intervalScore(10, 20, 7, 0.05)).toBe(10 + 40 * 3);
	});

	it('chooses a model that beats seasonal naive on a trending seasonal series', () => {
		const { y: series } = trendSeasonal(90, 15, 3);
		const result = forecastSeries(series, { horizon: 12 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.method).not.toBe('snaive');
		expect(result.value.backtest.mase!).toBeLessThan(result.value.baseline.mase!);
		expect(result.value.backtest.origins).toBe(12);
		expect(result.value.rows).toHaveLength(12);
	});

	it('refuses a series too short to backtest, saying how many months it needs', () => {
		expect(forecastSeries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { horizon: 6 })).toEqual({
			ok: false,
			reason: 'too_short',
			months: 10,
			needed: 27
		});
	});
});

describe('a structural break is not extrapolated across', () => {
	const noise = normals(11);
	// 60 months at about 100, then 15 at about 180 (a reform that raised the level).
	const y = Array.from({ length: 75 }, (_, t) => (t < 60 ? 100 : 180) + SEASON[t % 12] / 5 + 3 * noise());

	it('estimates the level shift as an intervention when little follows the break', () => {
		const result = forecastSeries(y, { horizon: 12, breakAt: 60 });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.breakMode).toBe('intervention');
		const average = result.value.rows.reduce((s, r) => s + r.value, 0) / 12;
		expect(Math.abs(average - 180)).toBeLessThan(8);
		// The backtest starts six months after the break.
		expect(result.value.backtest.origins).toBe(9);
	});

	it('uses only the months after the break when three years follow it', () => {
		const long = [...y, ...Array.from({ length: 30 }, (_, t) => 180 + SEASON[(75 + t) % 12] / 5 + 3 * noise())];
		const result = forecastSeries(long, { horizon: 12, breakAt: 60 });
		expect(result.ok && result.value.breakMode).toBe('post_only');
		expect(result.ok && result.value.start).toBe(60);
	});

	it('without the break, the same series would be forecast below the new level', () => {
		const { rows: ignored } = predict({ method: 'regression', transform: 'none' }, y, 12, monthly)!;
		const average = ignored.reduce((s, r) => s + r.value, 0) / 12;
		expect(average).toBeLessThan(172);
	});
});

describe('counts', () => {
	it('never gives a negative bound, and the log model keeps bands positive', () => {
		const noise = normals(5);
		const small = Array.from({ length: 60 }, (_, t) => Math.max(0, Math.round(3 + SEASON[t % 12] / 30 + 1.5 * noise())));
		for (const transform of ['none', 'log'] as const) {
			const { rows } = predict({ method: 'ets', transform }, small, 12, monthly)!;
			for (const r of rows) {
				expect(r.lower95).toBeGreaterThanOrEqual(0);
				expect(r.lower95).toBeLessThanOrEqual(r.lower80);
				expect(r.lower80).toBeLessThanOrEqual(r.value);
				expect(r.value).toBeLessThanOrEqual(r.upper80);
				expect(r.upper80).toBeLessThanOrEqual(r.upper95);
			}
		}
	});
});
