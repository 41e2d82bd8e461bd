/**
 * The colour classes of a region map, and so its legend: fills and legend come from the same
 * classes, so the legend is always the legend of what is drawn.
 *
 * - An indicator with thresholds gets a status scale around its target: alert and watch in
 *   reds, below target (where the target lies beyond the watch line) pale, on target blue; the
 *   breaks are the catalog's thresholds, in the direction that is better.
 * - Otherwise the classes are natural breaks of the values drawn (Ckmeans: optimal 1-D
 *   clustering), so an outlier keeps a class of its own instead of sharing a quantile with
 *   ordinary regions. With a better direction the worse end is the darkest (oranges); a neutral
 *   figure is darker where it is larger (blues).
 */
import { ckmeans } from 'simple-statistics';
import type { Better, Status, Thresholds, Unit } from '$lib/domain/catalog';
import type { Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';
import { formatBare, formatShare } from '../format';

export interface MapClass {
	/** CSS colour of the fill (a theme variable). */
	fill: string;
	/** Lowest and highest value of the class: the thresholds for a status scale, the values drawn otherwise; null is open. */
	from: number | null;
	to: number | null;
	/** Whether `to` itself belongs to the class (natural breaks and "≤" thresholds) or not ("<"). */
	toIncluded: boolean;
	status?: Exclude<Status, 'none'> | 'below_target';
}

export interface MapScale {
	kind: 'status' | 'worse' | 'more';
	classes: MapClass[];
	classOf(value: number): MapClass;
}

const STATUS_FILL = {
	alert: 'var(--map-alert)',
	watch: 'var(--map-watch)',
	below_target: 'var(--map-below-target)',
	ok: 'var(--map-ok)'
} as const;
/** A status class in words, as the legend and the ranking against the target name it. */
export const CLASS_WORD: Record<NonNullable<MapClass['status']>, () => string> = {
	ok: m.status_ok,
	watch: m.status_watch,
	alert: m.status_alert,
	below_target: m.map_below_target
};

const WORSE = [1, 2, 3, 4, 5].map((i) => `var(--map-worse-${i})`);
const MORE = [1, 2, 3, 4, 5].map((i) => `var(--seq-${i})`);

function statusScale(better: Better, t: Thresholds): MapScale {
	const classes: MapClass[] =
		better === 'down'
			? [
					{ fill: STATUS_FILL.ok, from: null, to: t.warn, toIncluded: true, status: 'ok' },
					{ fill: STATUS_FILL.watch, from: t.warn, to: t.bad, toIncluded: true, status: 'watch' },
					{ fill: STATUS_FILL.alert, from: t.bad, to: null, toIncluded: false, status: 'alert' }
				]
			: [
					{ fill: STATUS_FILL.alert, from: null, to: t.bad, toIncluded: false, status: 'alert' },
					{ fill: STATUS_FILL.watch, from: t.bad, to: t.warn, toIncluded: false, status: 'watch' },
					...(t.target !== undefined && t.target > t.warn
						? [{ fill: STATUS_FILL.below_target, from: t.warn, to: t.target, toIncluded: false, status: 'below_target' as const }]
						: []),
					{ fill: STATUS_FILL.ok, from: Math.max(t.warn, t.target ?? t.warn), to: null, toIncluded: false, status: 'ok' }
				];
	const classOf = (value: number) =>
		classes.find((c) => c.to === null || value < c.to || (c.toIncluded && value === c.to)) ?? classes[classes.length - 1];
	return { kind: 'status', classes, classOf };
}

/**
 * Most decimals a legend writes (classLabels). Values are clustered as rounded to them, so that
 * values a legend cannot tell apart share a class: fewer classes rather than two that read alike.
 */
export const MAX_DIGITS = 3;
const rounded = (value: number) => Math.round(value * 10 ** MAX_DIGITS) / 10 ** MAX_DIGITS;

function breaksScale(raw: readonly number[], better: Better): MapScale {
	const values = raw.map(rounded);
	const distinct = [...new Set(values)].sort((a, b) => a - b);
	const k = Math.min(5, distinct.length);
	const clusters = k ? ckmeans([...values], k) : [];
	const palette = better === 'neutral' ? MORE : WORSE;
	// Five shades; fewer classes take them spread out, the last class always the darkest.
	const shade = (i: number) => palette[k <= 1 ? palette.length - 1 : Math.round((i * (palette.length - 1)) / (k - 1))];
	const classes = clusters.map((cluster, i) => {
		// Lower is worse when higher is better: the darkest shade goes to the lowest class.
		const rank = better === 'up' ? k - 1 - i : i;
		return { fill: shade(rank), from: cluster[0], to: cluster[cluster.length - 1], toIncluded: true };
	});
	const classOf = (value: number) => classes.find((c) => rounded(value) <= c.to!) ?? classes[classes.length - 1];
	return { kind: better === 'neutral' ? 'more' : 'worse', classes, classOf };
}

export function mapScale(values: readonly number[], better: Better = 'neutral', thresholds?: Thresholds): MapScale {
	return thresholds && better !== 'neutral' ? statusScale(better, thresholds) : breaksScale(values, better);
}

/**
 * The classes' ranges in words, with as few decimals as keep every bound apart ("0,38 – 0,41",
 * never "0,4 – 0,4"), at most MAX_DIGITS. Bare numbers: the legend says a unit word once
 * (format.ts unitWord); a percent sign closes a range only ("95 – 100 %").
 */
export function classLabels(scale: MapScale, unit: Unit, locale: Locale): string[] {
	const bounds = scale.classes.flatMap((c) => [c.from, c.to]).filter((v): v is number => v !== null);
	let digits = 0;
	const apart = (d: number) => {
		const seen = bounds.map((v) => formatBare(v, unit, locale, d));
		// Equal values (a class of one value, a status break that ends one class and starts the next) may read alike.
		return seen.every((label, i) => i === 0 || bounds[i] === bounds[i - 1] || label !== seen[i - 1]);
	};
	while (digits < MAX_DIGITS && !apart(digits)) digits++;
	const bare = (v: number) => formatBare(v, unit, locale, digits);
	const last = (v: number) => (unit === 'percent' ? formatShare(v / 100, locale, digits) : bare(v));
	return scale.classes.map((c, i) => {
		const previous = scale.classes[i - 1];
		if (c.from === null) return `${c.toIncluded ? '≤' : '<'} ${last(c.to!)}`;
		if (c.to === null) return `${previous?.toIncluded ? '>' : '≥'} ${last(c.from)}`;
		return c.from === c.to ? last(c.from) : `${bare(c.from)} – ${last(c.to)}`;
	});
}
