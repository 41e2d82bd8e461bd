/**
 * Exponential smoothing with additive errors, a damped additive trend and additive seasonality,
 * ETS(A,Ad,A) in the state-space form of Hyndman, Koehler, Ord & Snyder, Forecasting with
 * Exponential Smoothing (2008), and Hyndman & Athanasopoulos, FPP3 §8.5–8.7:
 *
 *   ŷ_t = ℓ_{t−1} + φ·b_{t−1} + s_{t−m},   e_t = y_t − ŷ_t
 *   ℓ_t = ℓ_{t−1} + φ·b_{t−1} + α·e_t
 *   b_t = φ·b_{t−1} + β·e_t
 *   s_t = s_{t−m} + γ·e_t
 *
 * Forecasts: ŷ_{n+h} = ℓ_n + (φ + … + φ^h)·b_n + s_{n+h−m(k+1)}, k = ⌊(h−1)/m⌋. The variance of
 * the h-step error of this linear (class 1) model is exact (Hyndman et al. 2008, §6.1):
 * σ²·(1 + Σ_{j=1}^{h−1} c_j²), c_j = α + β·(φ + … + φ^j) + γ·[j mod m = 0].
 *
 * α, β, γ, φ and the initial level and trend minimise the sum of squared one-step errors (the
 * likelihood of the additive-error model), within the usual region 0 < β < α < 1, 0 < γ < 1 − α,
 * 0.8 ≤ φ ≤ 0.98 (as R's forecast::ets). The initial seasonal states come from a classical
 * decomposition of the first years (Hyndman et al. 2008, §2.6.1). With fewer than three years
 * the model drops the seasonal states: ETS(A,Ad,N). A missing month (an outlier) is predicted
 * but not learnt from: its error is taken as zero in the state updates (the states move on by
 * their transition alone) and is left out of σ².
 */
import { mean, seasonalFill, type Fit } from './model';
import { nelderMead } from './optimize';

/** Years of data needed before seasonal states are estimated. */
export const SEASONAL_YEARS = 3;

interface Params {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
	level: number;
	trend: number;
}

const squash = (v: number) => 1 / (1 + Math.exp(-v));
const logit = (p: number) => Math.log(p / (1 - p));
const EPS = 1e-4;

/** Initial seasonal states (summing to zero) and a straight line through the deseasonalised start. */
function initialStates(y: readonly number[], m: number, seasonal: boolean) {
	const span = Math.min(y.length, seasonal ? 2 * m : 10);
	const season = new Array<number>(seasonal ? m : 0).fill(0);
	if (seasonal) {
		// A centred 2×m moving average as the trend; the seasonal state is the mean detrended value.
		const sums = new Array<number>(m).fill(0);
		const counts = new Array<number>(m).fill(0);
		for (let t = m / 2; t < span - m / 2; t++) {
			let ma = 0;
			for (let j = -m / 2; j <= m / 2; j++) ma += y[t + j] * (Math.abs(j) === m / 2 ? 0.5 : 1);
			sums[t % m] += y[t] - ma / m;
			counts[t % m] += 1;
		}
		for (let j = 0; j < m; j++) season[j] = counts[j] ? sums[j] / counts[j] : 0;
		const centre = mean(season);
		for (let j = 0; j < m; j++) season[j] -= centre;
	}
	const ts = Array.from({ length: span }, (_, t) => t);
	const ds = ts.map((t) => y[t] - (seasonal ? season[t % m] : 0));
	const tBar = mean(ts);
	const dBar = mean(ds);
	const slope = ts.reduce((s, t, i) => s + (t - tBar) * (ds[i] - dBar), 0) / ts.reduce((s, t) => s + (t - tBar) ** 2, 0);
	// The states before the first observation: one step back along the line.
	return { level: dBar - slope * (tBar + 1), trend: slope, season };
}

/** Runs the model through the series; returns the sum of squared one-step errors and the final states. */
function filter(y: readonly number[], m: number, p: Params, season0: readonly number[], missing?: ReadonlySet<number>) {
	let { level, trend } = p;
	const season = [...season0];
	let sse = 0;
	for (let t = 0; t < y.length; t++) {
		const s = season.length ? season[t % m] : 0;
		const e = missing?.has(t) ? 0 : y[t] - (level + p.phi * trend + s);
		sse += e * e;
		level = level + p.phi * trend + p.alpha * e;
		trend = p.phi * trend + p.beta * e;
		if (season.length) season[t % m] = s + p.gamma * e;
	}
	return { sse, level, trend, season };
}

export const ets: Fit = (y, horizon, { period: m, missing }) => {
	const n = y.length;
	const used = n - (missing?.size ?? 0);
	const seasonal = n >= SEASONAL_YEARS * m;
	if (used < 10) return null;
	const init = initialStates(seasonalFill(y, m, missing), m, seasonal);
	const spread = Math.sqrt(mean(y.map((v) => (v - mean(y)) ** 2))) || 1;
	const decode = (x: number[]): Params => {
		const alpha = EPS + (1 - 2 * EPS) * squash(x[0]);
		return {
			alpha,
			beta: alpha * squash(x[1]),
			gamma: seasonal ? (1 - alpha) * squash(x[2]) : 0,
			phi: 0.8 + 0.18 * squash(x[3]),
			level: init.level + x[4] * spread,
			trend: init.trend + (x[5] * spread) / m
		};
	};
	const objective = (x: number[]) => {
		const { sse } = filter(y, m, decode(x), init.season, missing);
		return Number.isFinite(sse) ? sse : Number.MAX_VALUE;
	};

	const best = nelderMead(objective, [logit(0.3), logit(0.1), logit(0.1), logit(0.5), 0, 0], { maxEvaluations: 1500, tolerance: 1e-6 });
	const params = decode(best.x);
	const end = filter(y, m, params, init.season, missing);
	// Parameters plus estimated initial states, as R's forecast::ets counts them.
	const estimated = 4 + (seasonal ? m - 1 : -1) + 2;
	const sigma2 = end.sse / Math.max(1, used - estimated);

	const out = { mean: [] as number[], sd: [] as number[], df: Infinity };
	let damped = 0;
	let sumC2 = 0;
	for (let h = 1; h <= horizon; h++) {
		damped += params.phi ** h;
		const s = seasonal ? end.season[(n + h - 1) % m] : 0;
		out.mean.push(end.level + damped * end.trend + s);
		out.sd.push(Math.sqrt(sigma2 * (1 + sumC2)));
		// c_h enters the variance of the next step.
		const c = params.alpha + params.beta * damped + (seasonal && h % m === 0 ? params.gamma : 0);
		sumC2 += c * c;
	}
	return out;
};
