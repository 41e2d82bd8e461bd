/**
 * Preparing a monthly series for forecasting: the incomplete last month (the data's as-of date
 * falls inside it) is left out rather than read as a low month, as are the first months of the
 * records while they are still filling up (cases carried over from before the records began)
 * and the months before the territory the series covers took its present form; the month of a
 * structural break is located.
 */
export interface MonthPoint {
	/** First day of the month, YYYY-MM-DD. */
	period: string;
	value: number | null;
	/** The month is not over at the data's as-of date. */
	partial: boolean;
	/** Hidden from this viewer (a small count). */
	suppressed?: boolean;
}

export interface PreparedSeries {
	periods: string[];
	values: number[];
	/** The incomplete last month, left out of the model. */
	partial: { period: string; value: number | null } | null;
	/** Months left out at the start as the records' run-in. */
	runIn: number;
	/** Index of the first month after the break, when the break falls inside the series. */
	breakAt?: number;
	/** Some month is hidden from this viewer: no forecast can rest on it. */
	suppressed: boolean;
}

/** A month under this share of the same month a year later is part of the records' run-in. */
export const RUN_IN_RATIO = 0.8;
const MAX_RUN_IN = 12;

export function prepareSeries(
	points: readonly MonthPoint[],
	{ breakDate, since }: { breakDate?: string; since?: string } = {}
): PreparedSeries {
	let rows = since ? points.filter((p) => p.period >= since) : [...points];
	const last = rows.at(-1);
	const partial = last?.partial ? { period: last.period, value: last.value } : null;
	if (partial) rows = rows.slice(0, -1);
	const suppressed = rows.some((p) => p.suppressed);
	// Months without data before the first figure, and any gap: the series starts after the last gap.
	const gap = rows.findLastIndex((p) => p.value === null);
	rows = rows.slice(gap + 1);
	const firstData = rows.findIndex((p) => (p.value ?? 0) > 0);
	rows = firstData < 0 ? [] : rows.slice(firstData);
	let runIn = 0;
	while (runIn < MAX_RUN_IN && rows.length > runIn + 12 && rows[runIn].value! < RUN_IN_RATIO * rows[runIn + 12].value!) runIn += 1;
	rows = rows.slice(runIn);
	const periods = rows.map((p) => p.period);
	const values = rows.map((p) => p.value!);
	const at = breakDate ? periods.findIndex((p) => p >= breakDate) : -1;
	return { periods, values, partial, runIn, suppressed, ...(at > 0 ? { breakAt: at } : {}) };
}

/** The first day of the month `offset` months from the one `date` falls in (YYYY-MM-01). */
export function shiftMonth(date: string, offset: number): string {
	const [year, month] = date.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 10);
}

/** The first days of the `count` months after the one `date` falls in. */
export function monthsAfter(date: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => shiftMonth(date, i + 1));
}
