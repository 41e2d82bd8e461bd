/**
 * Perturbation of the public figures: the cell key method of the Australian Bureau of Statistics
 * (TableBuilder; Fraser & Wooton 2005, Thompson, Broadfoot & Elazar 2013), adapted.
 *
 * Every count the public sees is changed by a small amount chosen by the figure's cell key, a
 * number in [0, 1) that depends on the records behind it and on a secret: the same records always
 * give the same figure, in whatever request, page or export they are asked for, so repeating or
 * rephrasing a request gives nothing new to average, and different records get unrelated changes
 * even when their counts are equal. As the ABS does, each record has a fixed key and a cell's
 * records' keys are summed (modulo 2^32, by the compiled statements and rollups: metrics/plan.ts);
 * the cell key is a keyed hash (HMAC-SHA-256) of that sum and the exact figure. Records are case
 * records and fraud incidents by their identifiers, forms (a court_stats row) by their reporting
 * unit and period, judges by theirs, rows of uploaded datasets by their content (facts.ts,
 * definitions/indicators.ts). A difference of two figures carries the unknown changes of both. Zeros stay zeros.
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
/** Largest relative change of a quantile (a median), before it is rounded to QUANTILE_DIGITS significant digits. */
export const QUANTILE_NOISE = 0.05;
export const QUANTILE_DIGITS = 2;

export type PartKind = 'count' | 'amount' | 'quantile' | null;

/** What a measure's value is, as a part of a rate: a count of records, an amount, a quantile, or none of these. */
function kindOf(m: Measure): PartKind {
	// A number of distinct values (of a defined indicator) may count records: count_distinct(incident_id).
	if (m.kind === 'count' || m.kind === 'stock' || m.kind === 'form' || m.kind === 'count_distinct') return 'count';
	if (m.kind === 'quantile' || m.kind === 'stock_quantile') return 'quantile';
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
		// The spread of judges' counts publishes their standard deviation and mean: statistics of
		// the records, changed as a quantile is (the mean times the judges would give the count).
		case 'judge_spread':
			return { numerator: 'quantile', denominator: 'quantile' };
		default:
			return { numerator: null, denominator: null };
	}
}

/** The cell key of a figure: uniform in [0, 1), fixed by the secret, what it is and its exact value (and its records' keys). */
export function cellKey(secret: string, what: 'count' | 'amount' | 'quantile', ...exact: number[]): number {
	const digest = createHmac('sha256', secret)
		.update(JSON.stringify([what, ...exact]))
		.digest();
	return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** `records`: the sum of the counted records' keys (null: they have none). */
export function perturbCount(n: number, secret: string, minCount: number, records: number | null = null): number {
	if (n === 0) return 0;
	const key = records === null ? cellKey(secret, 'count', n) : cellKey(secret, 'count', n, records);
	const d = COUNT_TABLE.findIndex((upTo) => key < upTo) - COUNT_NOISE;
	return Math.max(minCount, n + d);
}

/** `n`: the records the amount sums (its exact count); `records`: the sum of their keys (null: none). */
export function perturbAmount(amount: number, n: number, secret: string, records: number | null = null): number {
	if (amount === 0 || n <= 0) return amount;
	const key = records === null ? cellKey(secret, 'amount', amount, n) : cellKey(secret, 'amount', amount, n, records);
	const d = (2 * key - 1) * AMOUNT_NOISE;
	return Math.round(amount + (d * amount) / n);
}

/**
 * A quantile (of five records or more: smaller ones are hidden) is one record's value or the mean
 * of two: the public gets it changed by up to ±QUANTILE_NOISE of itself, uniformly, by its cell
 * key (`records`: the keys of the records it ranks), and rounded to QUANTILE_DIGITS significant
 * digits, so that it does not give any record's exact value — never the exact value itself.
 */
export function perturbQuantile(q: number, secret: string, records: number | null = null): number {
	if (q === 0) return 0;
	const key = records === null ? cellKey(secret, 'quantile', q) : cellKey(secret, 'quantile', q, records);
	const change = (2 * key - 1) * QUANTILE_NOISE;
	const published = Number((q * (1 + change)).toPrecision(QUANTILE_DIGITS));
	if (published !== q) return published;
	// Rounded back to the exact value (a median of 12 days changed by less than half a day): one
	// rounding step away instead, in the change's direction. A step is at most a tenth of the
	// value, so this stays within the declared change and its rounding.
	const digits = (x: number) => Math.floor(Math.log10(Math.abs(x)));
	const step = 10 ** (digits(q) - QUANTILE_DIGITS + 1);
	if (change >= 0) return Number((q + step).toPrecision(QUANTILE_DIGITS));
	// Below a power of ten (10 → 9.9), the step of the smaller values.
	const down = digits(q - step) < digits(q) ? step / 10 : step;
	return Number((q - down).toPrecision(QUANTILE_DIGITS));
}

/** The cell keys of a row's numerator, denominator and n (sums of their records' keys), as the statements give them. */
export interface RowKeys {
	numerator: number | null;
	denominator: number | null;
	n: number | null;
}

/** Takes the cell keys out of a row: they are the perturbation's input, never shown to anyone. */
export function takeKeys(row: ResultRow): RowKeys {
	const keys = { numerator: row.numerator_key ?? null, denominator: row.denominator_key ?? null, n: row.n_key ?? null };
	delete row.numerator_key;
	delete row.denominator_key;
	delete row.n_key;
	return keys;
}

/** Whether the value is its numerator (a count, a sum) rather than a rate of its parts. */
const valueIsNumerator = (m: Measure) => kindOf(m) === 'count' || kindOf(m) === 'amount';
const isShare = (m: Measure) => m.kind === 'share' || m.kind === 'sum_share';

/** Perturbs a figure the public may see (shown, not "no data"), in place. */
export function perturbRow(row: ResultRow, measure: Measure, secret: string, minCount: number, keys: RowKeys): void {
	const kinds = partKinds(measure);
	const exactN = row.n;
	const part = (x: number | null, kind: PartKind, records: number | null): number | null => {
		if (x === null || kind === null) return x;
		if (kind === 'quantile') return perturbQuantile(x, secret, records);
		return kind === 'count' ? perturbCount(x, secret, minCount, records) : perturbAmount(x, exactN ?? 0, secret, records);
	};
	const num = row.numerator;
	const den = row.denominator;
	let num2 = part(num, kinds.numerator, keys.numerator);
	const den2 = part(den, kinds.denominator, keys.denominator);
	if (isShare(measure) && num2 !== null && den2 !== null) num2 = Math.min(num2, den2);
	row.n = exactN === null ? null : perturbCount(exactN, secret, minCount, keys.n);
	row.numerator = num2;
	row.denominator = den2;
	if (row.value === null) return;
	if (kindOf(measure) === 'quantile') row.value = perturbQuantile(row.value, secret, keys.n);
	else if (valueIsNumerator(measure)) row.value = num2;
	else if (num !== null && num !== 0 && num2 !== null) {
		// value = f(num, den) = num ÷ den × scale for every rate here: the same formula of the new parts.
		const denFactor = den !== null && den2 !== null && den2 !== 0 ? den / den2 : 1;
		row.value = row.value * (num2 / num) * denFactor;
	}
}
