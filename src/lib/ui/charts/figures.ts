/** A row of the metrics layer as charts and tables draw it: its value, hidden, "no data" with the reason, or provisional. */
import type { RegionValue } from '../map/RegionMap.svelte';

interface Row {
	value: number | null;
	suppressed?: unknown;
	hidden?: unknown;
	missing?: unknown;
	provisional?: unknown;
	region?: unknown;
}

export interface RowFigure {
	value: number | null;
	suppressed: boolean;
	hidden: string | null;
	missing: string | null;
	provisional: boolean;
}

export function rowFigure(r: Row): RowFigure {
	return {
		value: r.value,
		suppressed: Boolean(r.suppressed),
		hidden: typeof r.hidden === 'string' ? r.hidden : null,
		missing: typeof r.missing === 'string' ? r.missing : null,
		provisional: Boolean(r.provisional)
	};
}

/** The figures of a breakdown by region, for a region map. */
export const regionValues = (rows: readonly Row[]): RegionValue[] => rows.map((r) => ({ code: String(r.region), ...rowFigure(r) }));
