/**
 * Datasets of kind "other": the column types recognised in them and the choices of their
 * automatic dashboard, shared by the API that runs them and the page that offers them.
 */
export const COLUMN_TYPES = ['date', 'period', 'year', 'month', 'day', 'number', 'percent', 'boolean', 'region', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export function isColumnType(value: unknown): value is ColumnType {
	return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}

/** Types whose values are summed, averaged…: the measures of the dashboard. */
export const MEASURE_TYPES: ReadonlySet<ColumnType> = new Set(['number', 'percent']);

export const AGGREGATES = ['count', 'sum', 'avg', 'median', 'min', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export interface OtherColumn {
	/** Position in the file, 0-based; the stored column is named from it, never from the header. */
	position: number;
	/** The header text exactly as in the file: data, shown as text, never used as SQL. */
	name: string;
	type: ColumnType;
}

/** Leaderboards show this many groups by default, the rest summed up as "Other". */
export const DEFAULT_TOP = 10;
/** A leaderboard opened in full lists at most this many groups, and says so when there are more. */
export const MAX_LISTED = 5000;
