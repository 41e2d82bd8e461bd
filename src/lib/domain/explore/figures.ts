/** The figures the dashboard API answers with, as the page reads them. */
import type { Aggregate } from './index';

export interface PeriodValue {
	period: string;
	value: number | null;
}

export interface Headline {
	measure: string;
	aggregate: Aggregate;
	total: number | null;
	/** The measure per period, for the sparkline and the latest change. */
	series: PeriodValue[];
}

export interface Group {
	/** The value as text (region code, ISO date, number…); EMPTY_KEY for empty cells. */
	key: string;
	value: number | null;
	rows: number;
}

export interface Leaderboard {
	column: number;
	/** Groups in all. */
	groups: number;
	rows: Group[];
	/** The groups beyond those listed, as one. */
	other: { groups: number; value: number | null; rows: number } | null;
}

export interface DashboardData {
	/** Rows counted (total rows and filters aside), and total rows left out with their labels. */
	rows: number;
	totalRows: number;
	totalLabels: string[];
	headlines: Headline[];
	/** Measures in all (headlines may hold fewer). */
	measures: number;
	series: PeriodValue[];
	leaderboards: Leaderboard[];
}
