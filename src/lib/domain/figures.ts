/**
 * The figures the metrics layer answers with (src/lib/server/metrics) and the views built on
 * them, as the pages receive them: server and browser share these types.
 */
import type { Alert } from './alerts';
import type { DimensionId } from './catalog';
import type { Comparison } from './comparison';
import type { OverviewGroupId } from './overview';
import type { Period } from './period';

/**
 * Why a figure is "no data": `no_data`, the data holds nothing for the period (it is before the
 * first record of what is counted, or after the data's last date); `form_periods`, the period
 * does not line up with the periods of the aggregate forms.
 */
export type MissingReason = 'no_data' | 'form_periods';

/**
 * Why a figure is hidden from the public when not for resting on few records ("<5"): it is one
 * record's value (a minimum, a maximum), or it is hidden to protect another hidden figure
 * (complementary suppression: it may hold any number of records).
 */
export type HiddenReason = 'one_record' | 'protects_other';

export interface ResultRow {
	[dimension: string]: string | number | boolean | null | undefined;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Records behind the figure; null when suppressed or missing. */
	n: number | null;
	/** Set when the figure is "no data", with the reason (its numbers are then null). */
	missing?: MissingReason;
	/** Set when what it counts may still arrive (indicator.maturesIn): the figure may still grow. */
	provisional?: boolean;
	/** Set when the figure's period starts before the data of what it counts is complete (a remnant such as the first day's backlog, no real figure). */
	incomplete?: boolean;
	/** Set when the public's figure is hidden (`suppressed`) for another reason than resting on few records. */
	hidden?: HiddenReason;
	/**
	 * Cell keys of the numerator, denominator and n (sums of their records' keys; null: none), read
	 * by the disclosure control and removed by it before anyone sees the row (disclosure/protect.ts).
	 */
	numerator_key?: number | null;
	denominator_key?: number | null;
	n_key?: number | null;
}

export interface MonthFigure {
	period: string;
	partial: boolean;
	value: number | null;
	/** The month's figure is provisional (indicator.maturesIn). */
	provisional?: boolean;
	/** Why the month's figure is "no data". */
	missing?: MissingReason;
}

export interface KpiFigure {
	id: string;
	value: number | null;
	/** Set when the value is "no data", with the reason. */
	missing: MissingReason | null;
	provisional?: boolean;
	/** Set when the value is hidden from this viewer: it rests on fewer records than this (or, with `hidden`, is one record's value). */
	hiddenBelow: number | null;
	/** Set when the hidden value is one record's value (a minimum, a maximum), however many records there are. */
	hidden?: HiddenReason;
	previous: number | null;
	/** The change on the year-earlier period, or why there is none to show. */
	comparison: Comparison;
	/** That year-earlier period, to name it beside the change. */
	previousPeriod: Period;
	/** Filters of the query that this indicator cannot take: its figure is for all their values. */
	ignored: DimensionId[];
	/** First day of complete data, set when the period starts before it: the figure counts only part of the period's cases. */
	incomplete?: string;
	spark: (number | null)[];
	months: MonthFigure[];
}

/** A month of the overview's trend of filed and resolved cases (a type, not an interface: tables take it as a record). */
export type TrendPoint = {
	period: string;
	partial: boolean;
	incoming: number | null;
	resolved: number | null;
	/** Why a figure of the month is "no data" (the metrics layer's reason). */
	missing: { incoming: MissingReason | null; resolved: MissingReason | null };
};

export interface Breakdown {
	indicator: string;
	dimension: DimensionId;
	rows: ResultRow[];
	/** Filters of the page the indicator cannot take: its figures are for all their values. */
	ignored: DimensionId[];
}

/** The overview's streamed part. */
export interface RegionalView {
	map: Breakdown;
	/** The focus indicator at the next level of the drill-down below the current filters. */
	bars: Breakdown | null;
	/** Each group's lead indicator at that level; absent where it has no such breakdown. */
	leads: Partial<Record<OverviewGroupId, Breakdown>>;
}

/** What one panel of the wall shows. */
export type PanelData =
	| { kind: 'kpis'; kpis: KpiFigure[] }
	| { kind: 'map'; indicator: string; rows: ResultRow[] }
	| { kind: 'alerts'; alerts: Alert[] }
	| { kind: 'trend'; trend: TrendPoint[] }
	| { kind: 'fraud'; kpis: KpiFigure[]; schemes: ResultRow[] }
	| { kind: 'indicator'; indicator: string; figure: KpiFigure; regions: ResultRow[] | null };
