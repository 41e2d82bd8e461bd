/**
 * What /practice and /api/practice show for one URL state: the practice explorer's view model,
 * built on the server (src/lib/server/practice) and drawn by src/lib/ui/practice.
 */
import type { Span } from '../deadlines';
import type { Period, PeriodClip } from '../period';
import type { FunnelFlag } from '../stats/funnel';
import type { Segmented } from '../stats/segmented';
import type { PracticeRate, PracticeUnit } from './params';

export interface UnitFigures {
	key: string;
	decided: number | null;
	medianDays: number | null;
	appealRate: number | null;
	stability: number | null;
}

export interface OutcomeShare {
	period: string;
	partial: boolean;
	outcome: string;
	n: number;
	/** Percent of the period's decisions. */
	share: number;
}

export interface OutlookRow {
	outcome: string;
	n: number;
	/** Percent, with its 95% Wilson interval. */
	share: number;
	lo: number;
	hi: number;
}

export interface PracticeView {
	asOf: string;
	period: Period;
	/** Set when the period asked for reaches beyond the data's dates and was cut to them. */
	clip: PeriodClip | null;
	overview: {
		outcomes: OutcomeShare[];
		medianDays: number | null;
		p90Days: number | null;
		decided: number | null;
		histogram: HistogramBin[];
		claims: ClaimRow[];
		appealRate: number | null;
		stability: number | null;
		byRegion: UnitFigures[];
		byCourt: UnitFigures[];
	};
	lifeCycle: FlowPath[];
	timeline: TimelineStep[] | null;
	reform: ReformView;
	funnel: FunnelView;
	mayCompareJudges: boolean;
	/** The described claim (from the case number or the filters); null without a category. */
	description: Description | null;
	similar: { total: number; page: number; pageSize: number; rows: SimilarCase[] } | null;
	outlook: (Omit<Comparable, 'outcomes'> & { outcomes: OutlookRow[] }) | null;
}

export interface HistogramBin {
	/** Lower bound in days (inclusive) and upper bound (exclusive; null for the open last bin). */
	from: number;
	to: number | null;
	n: number;
}

export interface ClaimRow {
	outcome: string;
	n: number;
	claimed: number;
	awarded: number;
	medianClaimed: number | null;
	medianAwarded: number | null;
}

export interface FlowPath {
	/** Outcome at first instance, appeal, cassation and supervisory review; null where the case stopped. */
	first: string;
	appeal: string | null;
	cassation: string | null;
	supervisory: string | null;
	n: number;
}

export interface TimelineStep {
	case_id: string;
	instance: string;
	court_id: string;
	region: string;
	category: string;
	article: string | null;
	filed_date: string;
	decided_date: string | null;
	outcome: string | null;
	days: number | null;
}

export interface Description {
	category: string;
	instance: string;
	article?: string;
	region?: string;
	/** Claim amount in tenge. */
	amount?: number;
}

/** The features a similar case shares with the description. */
export type SimilarityReason = 'instance' | 'article' | 'region' | 'amount' | 'recent';

export interface SimilarCase {
	case_id: string;
	case_number: string;
	instance: string;
	court_id: string;
	region: string;
	article: string | null;
	decided_date: string;
	outcome: string;
	claim: number | null;
	days: number;
	/** 0–100. */
	score: number;
	reasons: SimilarityReason[];
}

export interface Comparable {
	/** Which features of the description the comparable cases share. */
	criteria: ('category' | 'instance' | 'region' | 'amount')[];
	n: number;
	outcomes: { outcome: string; n: number }[];
	medianDays: number | null;
	p90Days: number | null;
}

export interface MonthPoint {
	period: string;
	partial: boolean;
	complaints: number | null;
	merits: number | null;
	medianDays: number | null;
}

export interface SideFigures {
	period: Period;
	decided: number;
	outcomes: { outcome: string; n: number }[];
	medianDays: number | null;
	/** Share decided within the six-month limit, percent. */
	withinLimit: number | null;
}

export interface ReformView {
	date: string;
	months: MonthPoint[];
	/** Segmented regressions on the complete months; null when one side has too few. */
	complaints: Segmented | null;
	merits: Segmented | null;
	before: SideFigures;
	after: SideFigures;
	limit: Span;
	pending: { total: number; rows: PendingComplaint[] };
}

export interface PendingComplaint {
	case_id: string;
	case_number: string;
	court_id: string;
	filed_date: string;
	/** Days from receipt to `asOf`. */
	days: number;
}

export interface FunnelUnitPoint {
	unit: string;
	n: number;
	observed: number;
	expected: number;
	/** Standardised rate in percent, z-score and where it lies against the limits. */
	rate: number;
	z: number;
	flag: FunnelFlag;
}

export interface FunnelView {
	rate: PracticeRate;
	unit: PracticeUnit;
	/** National rate in percent. */
	national: number | null;
	points: FunnelUnitPoint[];
	curve: { n: number; lo95: number; hi95: number; lo998: number; hi998: number }[];
}
