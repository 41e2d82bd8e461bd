/**
 * A plan's formula as SQL expressions of its leaves' outputs: the value and the numerator,
 * denominator and n it rests on. Every writer reads the leaves its own way (`read`); the
 * formula is written here once, so a rate is the same formula of its parts wherever it is run.
 */
import type { Leaf, PlanNode } from '../plan';

export interface FigureSql {
	value: string;
	numerator: string;
	denominator: string;
	/** The records the figure rests on (small counts are hidden from the public by it). */
	n: string;
}

export interface LeafReader {
	/** An output of a leaf: an aggregate's name, or `v`, `n`, `total`, `judges`, `mean`, `sd`. */
	read(leaf: Leaf, name: string): string;
	/** The days of the period (or bucket, or slot) the figure is for. */
	days: string;
}

const DAYS_PER_MONTH = 365.25 / 12;
const zero = (sql: string) => `coalesce(${sql}, 0)`;
const rate = (num: string, den: string, scale: string) => `CASE WHEN ${den} = 0 THEN NULL ELSE ${scale} * ${num} / ${den} END`;

export function figureSql(node: PlanNode, r: LeafReader): FigureSql {
	// The leaf of a node that has one (all but ratios); per capita reads its population.
	const own: Leaf | undefined = 'leaf' in node ? node.leaf : node.kind === 'per_capita' ? node.population : undefined;
	const read = (name: string) => r.read(own!, name);
	switch (node.kind) {
		case 'count':
		case 'stock':
		case 'form': {
			const v = zero(read('v'));
			return { value: v, numerator: v, denominator: 'NULL', n: v };
		}
		case 'sum':
			return { value: zero(read('v')), numerator: zero(read('v')), denominator: 'NULL', n: zero(read('n')) };
		case 'quantile':
		case 'stock_quantile':
			return { value: read('v'), numerator: 'NULL', denominator: 'NULL', n: zero(read('n')) };
		case 'share': {
			const hit = zero(read('hit'));
			const base = zero(read('base'));
			return { value: rate(hit, base, '100.0'), numerator: hit, denominator: base, n: base };
		}
		case 'sum_share': {
			const part = zero(read('part'));
			const whole = zero(read('whole'));
			return { value: rate(part, whole, '100.0'), numerator: part, denominator: whole, n: zero(read('n')) };
		}
		case 'ratio': {
			const num = figureSql(node.num, r);
			const den = figureSql(node.den, r);
			const scale = node.scale === 'days' ? r.days : String(node.scale);
			return {
				value: `CASE WHEN ${den.value} IS NULL OR ${den.value} = 0 THEN NULL ELSE ${num.value} / ${den.value} * ${scale} END`,
				numerator: num.value,
				denominator: den.value,
				n: den.n
			};
		}
		case 'per_capita': {
			const of = figureSql(node.of, r);
			const pop = read('v');
			return {
				value: `CASE WHEN coalesce(${pop}, 0) = 0 THEN NULL ELSE ${of.value} / ${pop} * 100000 END`,
				numerator: of.value,
				denominator: pop,
				n: of.n
			};
		}
		case 'per_judge_month': {
			const judges = read('judges');
			return {
				value: `CASE WHEN coalesce(${judges}, 0) = 0 THEN NULL ELSE ${read('total')} / ${judges} / (${r.days} / ${DAYS_PER_MONTH}) END`,
				numerator: zero(read('total')),
				denominator: zero(judges),
				n: zero(judges)
			};
		}
		case 'judge_spread': {
			const judges = read('judges');
			return {
				value: `CASE WHEN coalesce(${judges}, 0) < 2 OR ${read('mean')} = 0 THEN NULL ELSE 100.0 * ${read('sd')} / ${read('mean')} END`,
				numerator: read('sd'),
				denominator: read('mean'),
				n: zero(judges)
			};
		}
	}
}
