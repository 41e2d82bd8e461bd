/**
 * Perturbation of the public figures: the cell key method of the Australian Bureau of Statistics
 * (TableBuilder; Fraser & Wooton 2005, Thompson, Broadfoot & Elazar 2013), adapted.
 *
 * Every count the public sees is changed by a small amount chosen by the figure's cell key, a
 * number in [0, 1) that depends on the records behind it and on a secret: the same records always
 * give the same figure, in whatever request, page or export they are asked for, so repeating or
 * rephrasing a request gives nothing new to average. A difference of two figures carries the
 * unknown changes of both. The ABS sums per-record keys; the statements and rollups here give
 * exact aggregates but no per-record key, so the cell key is a keyed hash (HMAC-SHA-256) of the
 * exact figure itself — which is also the same for the same records. Zeros stay zeros.
 * - a count n ≥ MIN_COUNT becomes n + d, never below MIN_COUNT, d ∈ {−3, …, +3} with chances
 *   5, 10, 20, 30, 20, 10, 5 % (mean 0, variance 2.1): rarely at the edges, so that a difference
 *   of two figures is rarely at an edge of its range, where it would leave one possible value;
 * - an amount (tenge) becomes a + d × a / n, d uniform in [−2.5, 2.5]: a change worth up to two
 *   and a half of its records' mean amount;
 * - a rate is recomputed from its perturbed parts (value = the formula of its own published
 *   numerator and denominator); a share's part is never above its whole.
 */
import { createHmac } from 'node:crypto';
import type { Measure } from '../../domain/catalog';
import type { ResultRow } from '../metrics/run';

/** Chances of a count's change d = −3 … +3 (the perturbation table), cumulated. */
const COUNT_TABLE = [0.05, 0.15, 0.35, 0.65, 0.85, 0.95, 1];
/** Largest change of a count, in records. */
export const COUNT_NOISE = 3;
/** Largest change of an amount, in its records' mean amount. */
export const AMOUNT_NOISE = 2.5;

export type PartKind = 'count' | 'amount' | null;

/** What a measure's value is, as a part of a rate: a count of records, an amount, or neither. */
function kindOf(m: Measure): PartKind {
	// A number of distinct values (of a defined indicator) may count records: count_distinct(incident_id).
	if (m.kind === 'count' || m.kind === 'stock' || m.kind === 'form' || m.kind === 'count_distinct') return 'count';
	return m.kind === 'sum' ? 'amount' : null;
}

/** What a measure's published numerator and denominator are. */
export function partKinds(m: Measure): { numerator: PartKind; denominator: PartKind } {
	switch (m.kind) {
		case 'count':
		case 'stock':
		case 'form':
		case 'count_distinct':
		case 'sum':
			return { numerator: kindOf(m), denominator: null };
		case 'share':
		case 'per_judge_month':
			return { numerator: 'count', denominator: 'count' };
		case 'sum_share':
			return { numerator: 'amount', denominator: 'amount' };
		case 'ratio':
			return { numerator: kindOf(m.num), denominator: kindOf(m.den) };
		case 'per_capita':
			return { numerator: kindOf(m.of), denominator: null };
		default:
			return { numerator: null, denominator: null };
	}
}

/** The cell key of a figure: uniform in [0, 1), fixed by the secret, what it is and its exact value. */
export function cellKey(secret: string, what: 'count' | 'amount', ...exact: number[]): number {
	const digest = createHmac('sha256', secret)
		.update(JSON.stringify([what, ...exact]))
		.digest();
	return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function perturbCount(n: number, secret: string, minCount: number): number {
	if (n === 0) return 0;
	const key = cellKey(secret, 'count', n);
	const d = COUNT_TABLE.findIndex((upTo) => key < upTo) - COUNT_NOISE;
	return Math.max(minCount, n + d);
}

/** `n`: the records the amount sums (its exact count). */
export function perturbAmount(amount: number, n: number, secret: string): number {
	if (amount === 0 || n <= 0) return amount;
	const d = (2 * cellKey(secret, 'amount', amount, n) - 1) * AMOUNT_NOISE;
	return Math.round(amount + (d * amount) / n);
}

/** Whether the value is its numerator (a count, a sum) rather than a rate of its parts. */
const valueIsNumerator = (m: Measure) => kindOf(m) !== null;
const isShare = (m: Measure) => m.kind === 'share' || m.kind === 'sum_share';

/** Perturbs a figure the public may see (shown, not "no data"), in place. */
export function perturbRow(row: ResultRow, measure: Measure, secret: string, minCount: number): void {
	const kinds = partKinds(measure);
	const exactN = row.n;
	const part = (x: number | null, kind: PartKind): number | null => {
		if (x === null || kind === null) return x;
		return kind === 'count' ? perturbCount(x, secret, minCount) : perturbAmount(x, exactN ?? 0, secret);
	};
	const num = row.numerator;
	const den = row.denominator;
	let num2 = part(num, kinds.numerator);
	const den2 = part(den, kinds.denominator);
	if (isShare(measure) && num2 !== null && den2 !== null) num2 = Math.min(num2, den2);
	row.n = exactN === null ? null : perturbCount(exactN, secret, minCount);
	row.numerator = num2;
	row.denominator = den2;
	if (row.value === null) return;
	if (valueIsNumerator(measure)) row.value = num2;
	else if (num !== null && num !== 0 && num2 !== null) {
		// value = f(num, den) = num ÷ den × scale for every rate here: the same formula of the new parts.
		const denFactor = den !== null && den2 !== null && den2 !== 0 ? den / den2 : 1;
		row.value = row.value * (num2 / num) * denFactor;
	}
}
