/**
 * Indirect standardisation: what a unit's rate would be if each of its cases had the national
 * rate of its category. Comparing observed with expected removes differences of case mix, so a
 * court that hears hard categories is not blamed for them.
 */
export interface CategoryCounts {
	category: string;
	/** Cases at risk (the rate's denominator). */
	n: number;
	/** Cases with the event (the rate's numerator). */
	hits: number;
}

export interface Standardised {
	n: number;
	observed: number;
	/** Σ over the unit's categories of n_cat × national rate_cat. */
	expected: number;
	/** observed ÷ expected; null when nothing is expected. */
	ratio: number | null;
	/** Σ n_cat × p_cat × (1 − p_cat): the variance of `observed` if the unit followed the national rates. */
	variance: number;
}

/** National rate per category from all units' counts. */
export function categoryRates(rows: readonly CategoryCounts[]): Map<string, number> {
	const totals = new Map<string, { n: number; hits: number }>();
	for (const r of rows) {
		const t = totals.get(r.category) ?? { n: 0, hits: 0 };
		t.n += r.n;
		t.hits += r.hits;
		totals.set(r.category, t);
	}
	return new Map([...totals].filter(([, t]) => t.n > 0).map(([c, t]) => [c, t.hits / t.n]));
}

export function standardise(unit: readonly CategoryCounts[], rates: ReadonlyMap<string, number>): Standardised {
	let n = 0;
	let observed = 0;
	let expected = 0;
	let variance = 0;
	for (const r of unit) {
		const rate = rates.get(r.category);
		if (rate === undefined) throw new Error(`no national rate for category ${r.category}`);
		n += r.n;
		observed += r.hits;
		expected += r.n * rate;
		variance += r.n * rate * (1 - rate);
	}
	return { n, observed, expected, ratio: expected > 0 ? observed / expected : null, variance };
}
