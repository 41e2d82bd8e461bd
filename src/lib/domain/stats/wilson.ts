/**
 * Wilson score interval for a binomial proportion: unlike the normal ("Wald") interval it stays
 * inside [0, 1] and behaves for small counts and for proportions near 0 or 1.
 */
export const Z95 = 1.959963984540054;
export const Z998 = 3.090232306167813;

export interface Interval {
	/** The observed proportion (0–1); null for no observations. */
	p: number | null;
	lo: number | null;
	hi: number | null;
}

export function wilson(successes: number, n: number, z = Z95): Interval {
	if (n <= 0) return { p: null, lo: null, hi: null };
	const p = successes / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return { p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}
