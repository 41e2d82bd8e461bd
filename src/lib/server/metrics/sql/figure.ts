/**
 * A plan's formula as SQL expressions of its leaves' outputs: the value and the numerator,
 * denominator and n it rests on. Every writer reads the leaves its own way (`read`); the
 * formula is written here once, so a rate is the same formula of its parts wherever it is run.
 */
import { keyName, type Leaf, type PlanNode } from '../plan';

/**
 * Cell keys of the counts and amounts a figure publishes, for the disclosure control: the sum of
 * their records' keys modulo 2^32 (plan.ts), NULL where the records have none.
 * `value` is set when the value is itself a count, amount or quantile of records (a ratio's part).
 */
export interface FigureKeys {
	value: string;
	numerator: string;
	denominator: string;
	n: string;
}

export interface FigureSql {
	value: string;
	numerator: string;
	denominator: string;
	/** The records the figure rests on (small counts are hidden from the public by it). */
	n: string;
	/** Why the figure is "no data" (a reason code), or NULL. */
	missing: string;
	/** Whether the figure rests on any record at all. */
	any: string;
	keys: FigureKeys;
}

export interface LeafReader {
	/** An output of a leaf: an aggregate's name, or `v`, `n`, `aligned`, `total`, `judges`, `mean`, `sd`. */
	read(leaf: Leaf, name: string): string;
	/** The days of the period (or bucket, or slot) the figure is for, as CEPEJ counts them (a year of 365). */
	days: string;
	/** Its calendar months (a part of a month as its share of days). */
	months: string;
}

const zero = (sql: string) => `coalesce(${sql}, 0)`;
const rate = (num: string, den: string, scale: string) => `CASE WHEN ${den} = 0 THEN NULL ELSE ${scale} * ${num} / ${den} END`;
const some = (sql: string) => `${sql} <> 0`;
const NO_KEYS: FigureKeys = { value: 'NULL', numerator: 'NULL', denominator: 'NULL', n: 'NULL' };

/**
 * The key sums a leaf outputs: a flow's beside its counts, a stock's (`v`) and a stock
 * quantile's (`n`) where its records have keys, a form's (`v`, each form a record), and the
 * judges' (`judges`; `total` where the records counted have keys).
 */
function keyedOutputs(leaf: Leaf | undefined): string[] {
	switch (leaf?.kind) {
		case 'flow':
			return leaf.aggregates.map((a) => a.name);
		case 'stock':
			return leaf.source.recordKey ? [keyName('v')] : [];
		case 'stock_quantile':
			return leaf.source.recordKey ? [keyName('n')] : [];
		case 'form':
			return [keyName('v')];
		case 'judges':
			return [keyName('judges'), ...(leaf.source.recordKey ? [keyName('total')] : [])];
		default:
			return [];
	}
}

export function figureSql(node: PlanNode, r: LeafReader): FigureSql {
	// The leaf of a node that has one (all but ratios); per capita reads its population.
	const own: Leaf | undefined = 'leaf' in node ? node.leaf : node.kind === 'per_capita' ? node.population : undefined;
	const read = (name: string) => r.read(own!, name);
	// The cell key of what output `name` counts, where its records have keys.
	const keyed = keyedOutputs(own);
	const key = (name: string) => (keyed.includes(keyName(name)) ? `(${zero(read(keyName(name)))} % 4294967296)` : 'NULL');
	// A count (or an amount) whose records are those of aggregate `name`: value, numerator and n.
	const counted = (name: string, n = name): FigureKeys => ({ value: key(name), numerator: key(name), denominator: 'NULL', n: key(n) });
	switch (node.kind) {
		case 'count':
		case 'stock': {
			const v = zero(read('v'));
			return { value: v, numerator: v, denominator: 'NULL', n: v, missing: 'NULL', any: some(v), keys: counted('v') };
		}
		case 'form': {
			// A form's figure counts cases, so it is its own n (not the number of forms).
			const v = zero(read('v'));
			const missing = `CASE WHEN ${read('aligned')} IS NULL THEN 'no_data' WHEN NOT ${read('aligned')} THEN 'form_periods' END`;
			return { value: v, numerator: v, denominator: 'NULL', n: v, missing, any: some(v), keys: counted('v') };
		}
		case 'sum':
			return {
				value: zero(read('v')),
				numerator: zero(read('v')),
				denominator: 'NULL',
				n: zero(read('n')),
				missing: 'NULL',
				any: some(zero(read('n'))),
				// An amount's records are those it sums (n).
				keys: counted('n')
			};
		case 'count_distinct': {
			// A number of distinct values counts values, not records: n is the records that have one.
			const v = zero(read('v'));
			return {
				value: v,
				numerator: v,
				denominator: 'NULL',
				n: zero(read('n')),
				missing: 'NULL',
				any: some(zero(read('n'))),
				keys: counted('v', 'n')
			};
		}
		case 'quantile':
		case 'min':
		case 'max':
		case 'stock_quantile':
			return {
				value: read('v'),
				numerator: 'NULL',
				denominator: 'NULL',
				n: zero(read('n')),
				missing: 'NULL',
				any: some(zero(read('n'))),
				// Its records are those it ranks (n), inside a ratio too.
				keys: { ...NO_KEYS, value: key('n'), n: key('n') }
			};
		case 'share': {
			const hit = zero(read('hit'));
			const base = zero(read('base'));
			return {
				value: rate(hit, base, '100.0'),
				numerator: hit,
				denominator: base,
				n: base,
				missing: 'NULL',
				any: some(base),
				keys: { value: 'NULL', numerator: key('hit'), denominator: key('base'), n: key('base') }
			};
		}
		case 'sum_share': {
			const part = zero(read('part'));
			const whole = zero(read('whole'));
			const n = zero(read('n'));
			return {
				value: rate(part, whole, '100.0'),
				numerator: part,
				denominator: whole,
				n,
				missing: 'NULL',
				any: some(n),
				// Both amounts sum the same records (n).
				keys: { value: 'NULL', numerator: key('n'), denominator: key('n'), n: key('n') }
			};
		}
		case 'ratio': {
			const num = figureSql(node.num, r);
			const den = figureSql(node.den, r);
			const scale = node.scale === 'days' ? r.days : String(node.scale);
			return {
				value: `CASE WHEN ${den.value} IS NULL OR ${den.value} = 0 THEN NULL ELSE ${num.value} / ${den.value} * ${scale} END`,
				numerator: num.value,
				denominator: den.value,
				n: den.n,
				missing: `coalesce(${num.missing}, ${den.missing})`,
				any: `(${num.any} OR ${den.any})`,
				keys: { value: 'NULL', numerator: num.keys.value, denominator: den.keys.value, n: den.keys.n }
			};
		}
		case 'per_capita': {
			const of = figureSql(node.of, r);
			const pop = read('v');
			return {
				value: `CASE WHEN coalesce(${pop}, 0) = 0 THEN NULL ELSE ${of.value} / ${pop} * 100000 END`,
				numerator: of.value,
				denominator: pop,
				n: of.n,
				missing: of.missing,
				any: of.any,
				keys: { value: 'NULL', numerator: of.keys.value, denominator: 'NULL', n: of.keys.n }
			};
		}
		case 'per_judge_month': {
			const judges = read('judges');
			return {
				value: `CASE WHEN coalesce(${judges}, 0) = 0 THEN NULL ELSE ${read('total')} / ${judges} / ${r.months} END`,
				numerator: zero(read('total')),
				denominator: zero(judges),
				n: zero(judges),
				missing: 'NULL',
				any: some(zero(judges)),
				keys: { value: 'NULL', numerator: key('total'), denominator: key('judges'), n: key('judges') }
			};
		}
		case 'judge_spread': {
			const judges = read('judges');
			return {
				value: `CASE WHEN coalesce(${judges}, 0) < 2 OR ${read('mean')} = 0 THEN NULL ELSE 100.0 * ${read('sd')} / ${read('mean')} END`,
				numerator: read('sd'),
				denominator: read('mean'),
				n: zero(judges),
				missing: 'NULL',
				any: some(zero(judges)),
				// The spread and the mean are statistics of the records counted per judge.
				keys: { value: 'NULL', numerator: key('total'), denominator: key('total'), n: key('judges') }
			};
		}
	}
}

/**
 * Whether a group is listed in a breakdown: a count (or a sum, a stock) always, its 0 being a
 * figure; a rate, a quantile or an average only when it rests on some record (else the group
 * has nothing to say in the period and is left out rather than shown empty).
 */
export function listedSql(node: PlanNode, figure: FigureSql): string {
	const counted = (n: PlanNode): boolean =>
		n.kind === 'count' ||
		n.kind === 'sum' ||
		n.kind === 'count_distinct' ||
		n.kind === 'stock' ||
		n.kind === 'form' ||
		(n.kind === 'per_capita' && counted(n.of));
	return counted(node) ? 'true' : figure.any;
}
