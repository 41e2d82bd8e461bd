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
import type { Better, Status, Thresholds } from '$lib/domain/catalog';
import * as m from '$lib/paraglide/messages';

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

function breaksScale(values: readonly number[], better: Better): MapScale {
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
	const classOf = (value: number) => classes.find((c) => value <= c.to!) ?? classes[classes.length - 1];
	return { kind: better === 'neutral' ? 'more' : 'worse', classes, classOf };
}

export function mapScale(values: readonly number[], better: Better = 'neutral', thresholds?: Thresholds): MapScale {
	return thresholds && better !== 'neutral' ? statusScale(better, thresholds) : breaksScale(values, better);
}
