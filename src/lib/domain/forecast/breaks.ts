/**
 * Known structural breaks of the court series. The cassation reform of 1 July 2025 moved
 * cassation from the Supreme Court to new cassation courts with every complaint heard on the
 * merits, and left the Supreme Court a supervisory instance (DOMAIN.md §2): the series of those
 * instances changed level at that date. A series is treated as broken when those instances
 * make up a material share of it; the rest of the caseload is not affected.
 */
import { CASSATION_REFORM_DATE } from '../courts';

export const REFORM_BREAK = {
	date: CASSATION_REFORM_DATE,
	instances: ['cassation', 'supervisory'] as readonly string[],
	/** Share of the series from those instances from which the break is taken into account. */
	materialShare: 0.05
};

/** Share of a series' count from the reform's instances, from a breakdown by instance. */
export function reformShare(rows: readonly { instance?: unknown; value: number | null }[]): number {
	const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
	const reformed = rows.filter((r) => REFORM_BREAK.instances.includes(String(r.instance))).reduce((s, r) => s + (r.value ?? 0), 0);
	return total > 0 ? reformed / total : 0;
}
