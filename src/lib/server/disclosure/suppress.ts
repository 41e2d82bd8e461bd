/**
 * Suppression of the figures the public sees (roles that see only aggregates); judges, analysts
 * and administrators see exact figures.
 * - Primary: a cell is hidden — value, numerator, denominator and n — when any count it publishes
 *   rests on more than none but fewer than MIN_COUNT records: the records behind it (n), and the
 *   numerator and denominator of a rate when they are counts (3 resolved of 6 filed publishes
 *   two small counts, and its value with either gives the other). A true zero is shown; amounts,
 *   quantiles and spreads are hidden through their n. The smallest or largest value (of an
 *   indicator defined as data) is one record's value however many records there are: always hidden.
 * - Complementary, within a breakdown: when one cell of a period is hidden, the smallest other
 *   non-zero cell is hidden too, so that the total (shown elsewhere) minus the visible cells does
 *   not give the hidden one; it says it is hidden to protect another (it may be large).
 * Figures from different requests are kept from being combined by the perturbation that follows
 * (perturb.ts, protect.ts).
 */
import type { Measure } from '../../domain/catalog';
import { suppressesSmallCounts, type Access } from '../../domain/roles';
import type { HiddenReason } from '../../domain/figures';
import type { ResultRow } from '../metrics/run';
import { partKinds } from './perturb';

/** Which of a measure's published parts are counts of records. */
export function countParts(m: Measure): { numerator: boolean; denominator: boolean } {
	const kinds = partKinds(m);
	return { numerator: kinds.numerator === 'count', denominator: kinds.denominator === 'count' };
}

/** Whether a measure publishes one record's value: a minimum or maximum, alone or in a rate. */
export function singleRecord(m: Measure): boolean {
	if (m.kind === 'min' || m.kind === 'max') return true;
	if (m.kind === 'ratio') return singleRecord(m.num) || singleRecord(m.den);
	return m.kind === 'per_capita' || m.kind === 'per_judge_month' || m.kind === 'judge_spread' ? singleRecord(m.of) : false;
}

/** `reason`: why, when not for resting on few records ("<5" would misstate it). */
function hide(row: ResultRow, reason?: HiddenReason): void {
	row.value = row.numerator = row.denominator = row.n = null;
	row.suppressed = true;
	if (reason) row.hidden = reason;
}

/** `breakdown`: the rows are the cells of a breakdown (by a dimension), per period when they have one. */
export function suppress(rows: ResultRow[], access: Access, measure: Measure, breakdown: boolean): void {
	if (!suppressesSmallCounts(access)) return;
	const parts = countParts(measure);
	const small = (x: number | null) => x !== null && x > 0 && x < access.minCount;
	const extreme = singleRecord(measure);
	for (const row of rows) {
		if (extreme && (row.n ?? 0) > 0) hide(row, 'one_record');
		else if (small(row.n) || (parts.numerator && small(row.numerator)) || (parts.denominator && small(row.denominator))) hide(row);
	}
	if (!breakdown) return;
	const periods = new Map<unknown, ResultRow[]>();
	for (const row of rows) periods.set(row.period, [...(periods.get(row.period) ?? []), row]);
	for (const cells of periods.values()) {
		if (cells.filter((c) => c.suppressed).length !== 1) continue;
		const next = cells.filter((c) => !c.suppressed && (c.n ?? 0) > 0).sort((a, b) => a.n! - b.n!)[0];
		if (next) hide(next, 'protects_other');
	}
}
