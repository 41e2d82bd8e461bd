/**
 * Seeded randomness. The generator itself is d3-random's LCG; everything else draws from it,
 * so a seed fixes every value. Independent streams are derived from the seed and a label so
 * that a change in one part of the data does not shift the others.
 */
import { createHash } from 'node:crypto';
import { randomLcg, randomNormal, randomPoisson } from 'd3';

export function deriveSeed(seed: number, label: string): number {
	return createHash('sha256').update(`${seed}:${label}`).digest().readUInt32BE(0);
}

export class Rng {
	readonly uniform: () => number;
	private readonly standardNormal: () => number;

	constructor(seed: number, label: string) {
		this.uniform = randomLcg(deriveSeed(seed, label));
		this.standardNormal = randomNormal.source(this.uniform)(0, 1);
	}

	chance(p: number): boolean {
		return this.uniform() < p;
	}

	between(min: number, max: number): number {
		return min + (max - min) * this.uniform();
	}

	int(n: number): number {
		return Math.floor(this.uniform() * n);
	}

	/** Log-normal given by its median, the natural way to state durations and amounts. */
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.standardNormal());
	}

	poisson(lambda: number): number {
		return lambda > 0 ? randomPoisson.source(this.uniform)(lambda)() : 0;
	}

	pick<T>(table: Weighted<T>): T {
		return table.at(this.uniform());
	}
}

/** A discrete distribution: values with relative weights, sampled by one uniform draw. */
export class Weighted<T> {
	readonly values: readonly T[];
	private readonly cumulative: Float64Array;

	constructor(entries: Iterable<readonly [T, number]>) {
		const list = [...entries].filter(([, w]) => w > 0);
		if (list.length === 0) throw new Error('A weighted table needs a positive weight');
		this.values = list.map(([v]) => v);
		this.cumulative = new Float64Array(list.length);
		let sum = 0;
		list.forEach(([, w], i) => (this.cumulative[i] = sum += w));
		for (let i = 0; i < list.length; i++) this.cumulative[i] /= sum;
	}

	static of<K extends string>(weights: Partial<Record<K, number>>): Weighted<K> {
		return new Weighted(Object.entries(weights) as [K, number][]);
	}

	at(u: number): T {
		const c = this.cumulative;
		let lo = 0;
		let hi = c.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (u < c[mid]) hi = mid;
			else lo = mid + 1;
		}
		return this.values[lo];
	}

	/** Probability of each value, for expectations computed from the same table. */
	probability(value: T): number {
		const i = this.values.indexOf(value);
		return i < 0 ? 0 : this.cumulative[i] - (i ? this.cumulative[i - 1] : 0);
	}
}
