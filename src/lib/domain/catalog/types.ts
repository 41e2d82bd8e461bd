import type { L10n } from '../l10n';
import type { CaseType } from '../categories';
import type { Dimension, DimensionId, FactRef } from './dimensions';

/**
 * The date a measure is counted by. Each fact maps it to one of its date columns:
 * filed/decided for proceedings, review_decided for the next instance's decision on them,
 * registered for fraud incidents, reported for aggregate forms; `time`, the time column(s) of a
 * dataset an indicator defined as data reads.
 */
export type EventId = 'filed' | 'decided' | 'review_decided' | 'registered' | 'reported' | 'time';

/**
 * SQL fragments (`where`, `hit`, `expr`, `since`) are trusted code of this catalog, never user
 * input. They use bare column names of the fact and may use the placeholders `{deadline}` (the
 * statutory deadline date of the row) and `{standard}` (its time-standard date), which the
 * compiler replaces with bound parameters.
 */
export type Measure =
	| { kind: 'count'; fact: FactRef; event: EventId; where?: string }
	| { kind: 'sum'; fact: FactRef; event: EventId; expr: string; where?: string }
	| { kind: 'quantile'; fact: FactRef; event: EventId; expr: string; q: number; where?: string }
	/** The least or greatest value, or the number of distinct values, of `expr` (not rolled up). */
	| { kind: 'min' | 'max' | 'count_distinct'; fact: FactRef; event: EventId; expr: string; where?: string }
	/** 100 × rows meeting `hit` ÷ rows meeting `base` (default: all rows of the event). */
	| { kind: 'share'; fact: FactRef; event: EventId; hit: string; base?: string; where?: string }
	/** 100 × sum(part) ÷ sum(whole). */
	| { kind: 'sum_share'; fact: FactRef; event: EventId; part: string; whole: string; where?: string }
	/** Cases pending at the period's start or end; `since` is the first day a case counts (default its filing). */
	| { kind: 'stock'; fact: FactRef; at: 'start' | 'end'; since?: string; where?: string }
	/** A quantile of the age in days of the cases pending at the period's end. */
	| { kind: 'stock_quantile'; fact: FactRef; q: number; where?: string }
	/** num ÷ den × scale; scale 'days' is the number of days in the period. */
	| { kind: 'ratio'; num: Measure; den: Measure; scale: number | 'days' }
	/** Per 100,000 inhabitants of the regions in scope. */
	| { kind: 'per_capita'; of: Measure }
	/** Mean per judge and month of a count measure, over the judges who have any. */
	| { kind: 'per_judge_month'; of: Measure }
	/** Coefficient of variation (%) across judges of a count measure. */
	| { kind: 'judge_spread'; of: Measure }
	/** A column of the aggregate reporting forms. */
	| { kind: 'form'; column: 'incoming' | 'resolved' | 'pending_start' | 'pending_end' };

export type Unit = 'count' | 'percent' | 'days' | 'ratio' | 'kzt' | 'per100k' | 'per_judge_month';
export type Better = 'up' | 'down' | 'neutral';
export type SourceRef = 'CEPEJ' | 'CourTools' | 'statute' | 'seed' | 'practice' | 'definition';

export interface Thresholds {
	/** The figure aimed at, shown beside the value. */
	target?: number;
	/** Beyond `warn` the status is "watch"; beyond `bad` it is "alert" (direction from `better`). */
	warn: number;
	bad: number;
}

export type IndicatorGroup =
	'caseload' | 'timeliness' | 'quality' | 'digital' | 'reconciliation' | 'workload' | 'outcomes' | 'fraud' | 'defined';

export interface Indicator {
	id: string;
	group: IndicatorGroup;
	name: L10n;
	definition: L10n;
	formula: L10n;
	unit: Unit;
	better: Better;
	thresholds?: Thresholds;
	/**
	 * Thresholds that hold for one case type only (a published target for civil claims is not
	 * one for every case): used instead of `thresholds` when the view is filtered to that type.
	 */
	thresholdsByCaseType?: Partial<Record<CaseType, Thresholds>>;
	/**
	 * Figures of periods ending within this many months of the data's date are provisional:
	 * what they count may still arrive (complaints against recent decisions).
	 */
	maturesIn?: { months: number };
	source: SourceRef;
	/** Where the definition comes from, in words (a standard, a statute, a seed document). */
	sourceNote: L10n;
	measure: Measure;
	/** The same figure from aggregate reporting forms, when those can give it. */
	formMeasure?: Measure;
	/** Breakdowns allowed when narrower than the facts' dimensions (e.g. per-capita by region only). */
	allowedBy?: readonly DimensionId[];
	/**
	 * An indicator defined as data: the dataset it reads, the columns it is broken down and
	 * filtered by (instead of the catalog's dimensions of its facts), and whether the overview
	 * shows it as a tile.
	 */
	defined?: { dataset: number; version: number; dimensions: readonly Dimension[]; overview: boolean };
}

export type Status = 'ok' | 'watch' | 'alert' | 'none';
