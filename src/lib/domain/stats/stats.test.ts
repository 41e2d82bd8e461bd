import { describe, expect, it } from 'vitest';
import { funnelCurve, funnelLimits, funnelPoint } from './funnel';
import { fittedLines, normalQuantile, segmentedRegression, tQuantile } from './segmented';
import { categoryRates, standardise } from './standardise';
import { wilson, Z95, Z998 } from './wilson';

describe('Wilson score interval', () => {
	it('matches published values', () => {
		// Newcombe (1998), example: 81 of 263 → 0.2553 to 0.3662.
		const a = wilson(81, 263);
		expect(a.p).toBeCloseTo(0.308, 3);
		expect(a.lo).toBeCloseTo(0.2553, 4);
		expect(a.hi).toBeCloseTo(0.3662, 4);
		// Newcombe (1998): 15 of 148 → 0.0624 to 0.1605; 0 of 20 → 0 to 0.1611.
		expect(wilson(15, 148).lo).toBeCloseTo(0.0624, 4);
		expect(wilson(15, 148).hi).toBeCloseTo(0.1605, 4);
		expect(wilson(0, 20).lo).toBe(0);
		expect(wilson(0, 20).hi).toBeCloseTo(0.1611, 4);
	});

	it('has no interval without observations', () => {
		expect(wilson(0, 0)).toEqual({ p: null, lo: null, hi: null });
	});
});

describe('quantiles', () => {
	it('give the usual critical values', () => {
		expect(normalQuantile(0.975)).toBeCloseTo(Z95, 6);
		expect(normalQuantile(0.999)).toBeCloseTo(Z998, 6);
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 2);
		expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
	});
});

describe('funnel limits', () => {
	it('are the binomial normal approximation around the target rate', () => {
		// p = 0.2, n = 100: sd = 0.04; 95%: ±0.0784; 99.8%: ±0.1236.
		const l95 = funnelLimits(0.2, 100, Z95);
		expect(l95.lo).toBeCloseTo(0.1216, 4);
		expect(l95.hi).toBeCloseTo(0.2784, 4);
		const l998 = funnelLimits(0.2, 100, Z998);
		expect(l998.lo).toBeCloseTo(0.0764, 4);
		expect(l998.hi).toBeCloseTo(0.3236, 4);
		// Cut at 0 for small units.
		expect(funnelLimits(0.05, 4, Z998).lo).toBe(0);
	});

	it('flag a large unit far from the rate and spare a small unit with the same rate', () => {
		const big = funnelPoint({ n: 400, observed: 120, expected: 80, ratio: 1.5, variance: 64 }, 0.2);
		expect(big!.rate).toBeCloseTo(0.3, 10);
		expect(big!.z).toBeCloseTo(5, 10);
		expect(big!.flag).toBe('beyond998');
		const small = funnelPoint({ n: 10, observed: 3, expected: 2, ratio: 1.5, variance: 1.6 }, 0.2);
		expect(small!.flag).toBe('inside');
		// z = 2.5: beyond 95% but inside 99.8%.
		const middle = funnelPoint({ n: 100, observed: 30, expected: 20, ratio: 1.5, variance: 16 }, 0.2);
		expect(middle!.z).toBeCloseTo(2.5, 10);
		expect(middle!.flag).toBe('beyond95');
		// p = 0.93, n = 75, all granted: the drawn limit is cut at 100%, yet z = 2.38 is inside 99.8%.
		const all = funnelPoint({ n: 75, observed: 75, expected: 69.75, ratio: 75 / 69.75, variance: 4.88 }, 0.93);
		expect(all!.z).toBeCloseTo(2.376, 3);
		expect(all!.flag).toBe('beyond95');
	});

	it('draws curves that narrow as n grows', () => {
		const curve = funnelCurve(0.2, 10, 1000, 5);
		expect(curve[0].n).toBeCloseTo(10, 6);
		expect(curve[4].n).toBeCloseTo(1000, 6);
		expect(curve[4].hi998 - curve[4].lo998).toBeLessThan(curve[0].hi998 - curve[0].lo998);
		expect(curve[2].hi95).toBeCloseTo(funnelLimits(0.2, 100, Z95).hi, 6);
	});
});

describe('indirect standardisation', () => {
	it('computes expected counts from national category rates', () => {
		const all = [
			{ category: 'a', n: 900, hits: 90 }, // national a: 100 / 1000 = 0.1
			{ category: 'a', n: 100, hits: 10 },
			{ category: 'b', n: 400, hits: 200 }, // national b: 250 / 500 = 0.5
			{ category: 'b', n: 100, hits: 50 }
		];
		const rates = categoryRates(all);
		expect(rates.get('a')).toBeCloseTo(0.1, 12);
		expect(rates.get('b')).toBeCloseTo(0.5, 12);
		// A unit with 50 cases of a and 50 of b: expected 50×0.1 + 50×0.5 = 30.
		const unit = standardise(
			[
				{ category: 'a', n: 50, hits: 5 },
				{ category: 'b', n: 50, hits: 40 }
			],
			rates
		);
		expect(unit.n).toBe(100);
		expect(unit.observed).toBe(45);
		expect(unit.expected).toBeCloseTo(30, 10);
		expect(unit.ratio).toBeCloseTo(1.5, 10);
		expect(unit.variance).toBeCloseTo(50 * 0.1 * 0.9 + 50 * 0.5 * 0.5, 10);
	});

	it('does not blame a unit for its case mix', () => {
		const rates = new Map([
			['easy', 0.05],
			['hard', 0.4]
		]);
		// Only hard cases, at exactly the national rate of hard cases: ratio 1.
		const unit = standardise([{ category: 'hard', n: 200, hits: 80 }], rates);
		expect(unit.ratio).toBeCloseTo(1, 12);
	});
});

/** A small deterministic generator (mulberry32) and normal noise by Box–Muller. */
function noise(seed: number) {
	let a = seed;
	const uniform = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

describe('segmented regression', () => {
	it('recovers level and slope exactly from a series without noise', () => {
		const y = Array.from({ length: 40 }, (_, t) => 100 + 2 * t + (t >= 24 ? 30 + 1.5 * (t - 24) : 0));
		const fit = segmentedRegression(y, 24);
		expect(fit.intercept.value).toBeCloseTo(100, 8);
		expect(fit.preSlope.value).toBeCloseTo(2, 8);
		expect(fit.levelChange.value).toBeCloseTo(30, 8);
		expect(fit.slopeChange.value).toBeCloseTo(1.5, 8);
	});

	it('recovers a known level and slope change from a noisy series within its 95% intervals', () => {
		const gauss = noise(7);
		const y = Array.from({ length: 78 }, (_, t) => 500 + 3 * t + (t >= 60 ? 80 - 4 * (t - 60) : 0) + 10 * gauss());
		const fit = segmentedRegression(y, 60);
		expect(fit.levelChange.lo).toBeLessThan(80);
		expect(fit.levelChange.hi).toBeGreaterThan(80);
		expect(fit.slopeChange.lo).toBeLessThan(-4);
		expect(fit.slopeChange.hi).toBeGreaterThan(-4);
		// The effect is found, not just bracketed: both intervals exclude zero.
		expect(fit.levelChange.lo).toBeGreaterThan(0);
		expect(fit.slopeChange.hi).toBeLessThan(0);
		expect(fit.sigma).toBeGreaterThan(7);
		expect(fit.sigma).toBeLessThan(13);
	});

	it('draws the fitted lines on each side and the pre-intervention trend carried on as the counterfactual', () => {
		const y = Array.from({ length: 8 }, (_, t) => 10 + t + (t >= 5 ? 6 - 2 * (t - 5) : 0));
		const lines = fittedLines(segmentedRegression(y, 5));
		const round = (list: (number | null)[]) => list.map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6));
		expect(round(lines.before)).toEqual([10, 11, 12, 13, 14, null, null, null]);
		expect(round(lines.after)).toEqual([null, null, null, null, null, 21, 20, 19]);
		expect(round(lines.counterfactual)).toEqual([null, null, null, null, 14, 15, 16, 17]);
	});

	it('refuses a series without points on both sides', () => {
		expect(() => segmentedRegression([1, 2, 3, 4, 5, 6], 5)).toThrow();
	});
});
