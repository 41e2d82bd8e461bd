/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * of Lagarias et al. 1998: reflection 1, expansion 2, contraction ½, shrink ½). Used to estimate
 * the smoothing parameters of exponential smoothing, whose likelihood has no closed form; the
 * npm packages for it were unmaintained or broken as ES modules (fmin 0.0.4).
 */
export interface Minimum {
	x: number[];
	fx: number;
}

export function nelderMead(
	f: (x: number[]) => number,
	start: readonly number[],
	{ maxEvaluations = 400 * start.length, tolerance = 1e-8 } = {}
): Minimum {
	const n = start.length;
	const simplex: Minimum[] = [{ x: [...start], fx: f([...start]) }];
	for (let i = 0; i < n; i++) {
		const x = [...start];
		x[i] = x[i] !== 0 ? x[i] * 1.1 : 0.1;
		simplex.push({ x, fx: f(x) });
	}
	let evaluations = n + 1;
	const point = (x: number[]): Minimum => {
		evaluations++;
		return { x, fx: f(x) };
	};
	const along = (from: number[], to: number[], t: number) => {
		const x = new Array<number>(n);
		for (let i = 0; i < n; i++) x[i] = from[i] + t * (to[i] - from[i]);
		return x;
	};
	const centroid = new Array<number>(n);
	while (evaluations < maxEvaluations) {
		simplex.sort((a, b) => a.fx - b.fx);
		const [best, worst] = [simplex[0], simplex[n]];
		if (Math.abs(worst.fx - best.fx) <= tolerance * (Math.abs(best.fx) + tolerance)) break;
		centroid.fill(0);
		for (let p = 0; p < n; p++) for (let i = 0; i < n; i++) centroid[i] += simplex[p].x[i] / n;
		const reflected = point(along(centroid, worst.x, -1));
		if (reflected.fx < best.fx) {
			const expanded = point(along(centroid, worst.x, -2));
			simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
		} else if (reflected.fx < simplex[n - 1].fx) {
			simplex[n] = reflected;
		} else {
			const outside = reflected.fx < worst.fx;
			const contracted = point(along(centroid, worst.x, outside ? -0.5 : 0.5));
			if (contracted.fx < (outside ? reflected.fx : worst.fx)) simplex[n] = contracted;
			else for (let i = 1; i <= n; i++) simplex[i] = point(along(best.x, simplex[i].x, 0.5));
		}
	}
	simplex.sort((a, b) => a.fx - b.fx);
	return simplex[0];
}
