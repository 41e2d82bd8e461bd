/**
 * Known structural breaks of the court series. The cassation reform of 1 July 2025 moved
 * cassation from the Supreme Court to new cassation courts with every complaint heard on the
 * merits, and left the Supreme Court a supervisory instance (DOMAIN.md §2): the series of those
 * instances changed level at that date. A series is treated as broken when those instances
 * make up a material share of it; the rest of the caseload is not affected.
 */
import { CASSATION_REFORM_DATE } from '../courts';
import { REGIONS_FORMED, SPLIT_FROM } from '../regions';
import { shiftMonth } from './series';

export const REFORM_BREAK = {
	date: CASSATION_REFORM_DATE,
	instances: ['cassation', 'supervisory'] as readonly string[],
	/** Share of the series from those instances from which the break is taken into account. */
	materialShare: 0.05
};

/**
 * The regions re-formed on 8 June 2022 (DOMAIN.md §3): Abai, Zhetysu and Ulytau were split from
 * East Kazakhstan, Almaty region and Karaganda. A series of regions that holds one of those
 * without the other changed territory that day; it is forecast from the first whole month after
 * (more than three years of data follow it), not across the fall in its level.
 */
export function territoryChange(regions: readonly string[] | undefined): { date: string; since: string } | null {
	if (!regions?.length) return null;
	const chosen = new Set(regions);
	const changed = Object.entries(SPLIT_FROM).some(([part, whole]) => chosen.has(part) !== chosen.has(whole));
	return changed ? { date: REGIONS_FORMED, since: shiftMonth(REGIONS_FORMED, 1) } : null;
}
