/** Axis ticks that tell the truth: whole counts, labels that differ, time ticks on the buckets of the series' grain. */
import type { Grain, Unit } from '$lib/domain/catalog';
import type { Locale } from '$lib/domain/l10n';
import { formatTick } from '../format';

/** A scale's ticks for an axis in `unit`: counts keep whole numbers only (0–3 reads 0, 1, 2, 3, not 0.5). */
export function unitTicks(scale: { ticks(count?: number): number[] }, count: number, unit: Unit): number[] {
	const ticks = scale.ticks(count);
	return unit === 'count' ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/** Labels of value ticks with as few decimals as keep them apart: "0 %, 0,5 %, 1,0 %", never "0 %, 1 %, 1 %". */
export function tickLabels(ticks: readonly number[], unit: Unit, locale: Locale): string[] {
	let labels: string[] = [];
	for (let digits = 0; digits <= 3; digits++) {
		labels = ticks.map((t) => formatTick(t, unit, locale, digits));
		if (new Set(labels).size === labels.length) return labels;
	}
	return labels;
}

/** Steps between labelled buckets, in buckets, aligned on the calendar (quarters, half-years, years…). */
const STEPS: Record<Grain, number[]> = { month: [1, 2, 3, 6, 12, 24, 36, 60], quarter: [1, 2, 4, 8, 20], year: [1, 2, 5, 10, 20] };

function bucketIndex(iso: string, grain: Grain): number {
	const year = Number(iso.slice(0, 4));
	const month = Number(iso.slice(5, 7)) - 1;
	return grain === 'year' ? year : grain === 'quarter' ? year * 4 + Math.floor(month / 3) : year * 12 + month;
}

/**
 * The buckets (first days, as in the series) to label on a time axis: every one if they fit,
 * else every 2nd, 3rd, 6th… aligned on the calendar, so a yearly series is labelled by years and
 * a monthly one by quarters or Januaries — never months between the buckets of the series.
 */
export function bucketTicks(xs: readonly string[], grain: Grain, max: number): string[] {
	const limit = Math.max(1, max);
	for (const step of STEPS[grain]) {
		const picked = xs.filter((x) => bucketIndex(x, grain) % step === 0);
		if (picked.length <= limit && picked.length > 0) return picked;
	}
	return xs.length ? [xs[0]] : [];
}

/** Rates from this (in %) may be drawn on a cut axis: the range where targets sit near 100 %. */
export const CUT_RATES_FROM = 50;

/**
 * The value range of a line chart. Counts, amounts, durations and rates start at 0, so that a
 * slope reads as the change it is (an appeal rate from 11.4 to 6.5 % is not drawn as a collapse
 * to the floor). Only rates near 100 % (a clearance rate between 96 and 104 %), whose points of
 * difference matter against their target, get a range around their values; the value axis
 * (YGrid) then draws a break mark and says where it starts.
 */
export function valueDomain(values: readonly number[], unit: Unit): [number, number] {
	if (!values.length) return [0, 1];
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	if (unit === 'percent' && lo >= CUT_RATES_FROM && lo > hi - lo) {
		const pad = Math.max(0.5, (hi - lo) * 0.15);
		return [Math.max(0, lo - pad), hi + pad];
	}
	return [Math.min(0, lo), hi * 1.05 || 1];
}
