import { describe, expect, it } from 'vitest';
import { bandWidths, conformalQuantile } from './conformal';
import { bands, type ModelForecast } from './methods';

describe('split-conformal band widths', () => {
	it('takes the ⌈(k + 1)(1 − α)⌉-th smallest of k scores, and none when k is too small for the level', () => {
		// k = 5: the 80 % quantile is the ⌈4.8⌉ = 5th smallest, the 50 % one the ⌈3⌉ = 3rd.
		expect(conformalQuantile([3, 1, 2, 5, 4], 0.8)).toBe(5);
		expect(conformalQuantile([3, 1, 2, 5, 4], 0.5)).toBe(3);
		// k = 3: the ⌈3.2⌉ = 4th of 3 does not exist; a 95 % quantile needs 19 scores.
		expect(conformalQuantile([1, 2, 3], 0.8)).toBeNull();
		expect(
			conformalQuantile(
				Array.from({ length: 18 }, (_, i) => i),
				0.95
			)
		).toBeNull();
		expect(
			conformalQuantile(
				Array.from({ length: 19 }, (_, i) => i),
				0.95
			)
		).toBe(18);
	});

	it('per step, from the errors known at the origin only, never narrower than the model, pooled when a step has too few', () => {
		const model = { z80: 1.2816, z95: 1.96 };
		// Scaled errors of the forecasts 1 and 2 months ahead made at origins 20–23 (the actuals are months 20–24).
		const history = [
			{ origin: 20, errors: [0.4, 2.5] },
			{ origin: 21, errors: [1.0, 0.6] },
			{ origin: 22, errors: [1.1, 1.2] },
			// Its second step is month 24, not known at origin 24: its 9 is left out.
			{ origin: 23, errors: [0.2, 9] }
		];
		const { k80, k95 } = bandWidths(history, 24, 2, model);
		// Step 1: 4 scores, the 80 % quantile is the ⌈5 × 0.8⌉ = 4th smallest, 1.1; below the model's 1.2816, which is kept.
		expect(k80[0]).toBe(1.2816);
		// Step 2: 3 scores are too few for 80 %; all 7 known scores (0.2 0.4 0.6 1.0 1.1 1.2 2.5) give the ⌈8 × 0.8⌉ = 7th, 2.5.
		expect(k80[1]).toBe(2.5);
		// 95 % needs 19 scores, of a step or of all: the model's own width.
		expect(k95).toEqual([1.96, 1.96]);
		// At origin 22 only months 20 and 21 are known: 0.4 and 1.0 one month ahead, 2.5 two months ahead; three
		// scores are too few for 80 % (the ⌈4 × 0.8⌉ = 4th of 3): the model's width. At origin 23, origins 20
		// and 21 alone have 4 known scores (0.4 1.0 one month ahead, 2.5 0.6 two): the 4th smallest, 2.5.
		expect(bandWidths(history, 22, 1, model).k80).toEqual([1.2816]);
		expect(bandWidths(history.slice(0, 2), 23, 1, model).k80).toEqual([2.5]);
	});

	it('draws the bands that wide around the forecast, on the model’s scale', () => {
		const model: ModelForecast = { transform: 'none', mean: [100, 110], sd: [10, 20], z80: 1.2816, z95: 1.96, outliers: [] };
		const [first, second] = bands(model, { k80: [1.2816, 2.5], k95: [1.96, 3] });
		expect(first).toEqual({ value: 100, lower80: 100 - 12.816, upper80: 100 + 12.816, lower95: 100 - 19.6, upper95: 119.6 });
		expect(second).toEqual({ value: 110, lower80: 60, upper80: 160, lower95: 50, upper95: 170 });
	});
});
