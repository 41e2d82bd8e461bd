/**
 * Suppression of the figures the public sees (roles that see only aggregates); judges, analysts
 * and administrators see exact figures.
 * - Primary: a cell is hidden — value, numerator, denominator and n — when any count it publishes
 *   rests on more than none but fewer than MIN_COUNT records: the records behind it (n), and the
 *   numerator and denominator of a rate when they are counts (3 resolved of 6 filed publishes
 *   two small counts, and its value with either gives the other). A true zero is shown; amounts,
 *   quantiles and spreads are hidden through their n.
 * - Complementary, within a breakdown: when one cell of a period is hidden, the smallest other
 *   non-zero cell is hidden too, so that the total (shown elsewhere) minus the visible cells does
 *   not give the hidden one.
 * Its limits (docs/security.md): totals and breakdowns from other requests can still be combined
 * (the cell key method is the planned answer).
 */
import type { Measure } from '../../domain/catalog';
import { suppressesSmallCounts, type Access } from '../../domain/roles';
import type { ResultRow } from '../metrics/run';

const COUNTS: readonly Measure['kind'][] = ['count', 'stock', 'form'];
const isCount = (m: Measure) => COUNTS.includes(m.kind);

/** Which of a measure's published parts are counts of records. */
export function countParts(m: Measure): { numerator: boolean; denominator: boolean } {
	switch (m.kind) {
		case 'count':
		case 'stock':
		case 'form':
			return { numerator: true, denominator: false };
		case 'share':
		case 'per_judge_month':
			return { numerator: true, denominator: true };
		case 'ratio':
			return { numerator: isCount(m.num), denominator: isCount(m.den) };
		case 'per_capita':
			return { numerator: isCount(m.of), denominator: false };
		default:
			return { numerator: false, denominator: false };
	}
}

function hide(row: ResultRow): void {
	row.value = row.numerator = row.denominator = row.n = null;
	row.suppressed = true;
}

/** `breakdown`: the rows are the cells of a breakdown (by a dimension), per period when they have one. */
export function suppress(rows: ResultRow[], access: Access, measure: Measure, breakdown: boolean): void {
	if (!suppressesSmallCounts(access)) return;
	const parts = countParts(measure);
	const small = (x: number | null) => x !== null && x > 0 && x < access.minCount;
	for (const row of rows) {
		if (small(row.n) || (parts.numerator && small(row.numerator)) || (parts.denominator && small(row.denominator))) hide(row);
	}
	if (!breakdown) return;
	const periods = new Map<unknown, ResultRow[]>();
	for (const row of rows) periods.set(row.period, [...(periods.get(row.period) ?? []), row]);
	for (const cells of periods.values()) {
		if (cells.filter((c) => c.suppressed).length !== 1) continue;
		const next = cells.filter((c) => !c.suppressed && (c.n ?? 0) > 0).sort((a, b) => a.n! - b.n!)[0];
		if (next) hide(next);
	}
}
