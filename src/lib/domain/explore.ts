/**
 * Datasets of kind "other": the column types recognised in them and the choices of the quick
 * chart builder, shared by the API that runs them and the page that offers them.
 */
export const COLUMN_TYPES = ['date', 'number', 'boolean', 'region', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const MEASURES = ['count', 'sum', 'avg', 'median'] as const;
export type Measure = (typeof MEASURES)[number];

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export interface OtherColumn {
	/** Position in the file, 0-based; the stored column is named from it, never from the header. */
	position: number;
	/** The header text exactly as in the file: data, shown as text, never used as SQL. */
	name: string;
	type: ColumnType;
}

export interface ChartSpec {
	/** Column to group by (a region column groups by normalised region). */
	dimension: number | null;
	measure: Measure;
	/** Number column summed, averaged…; none for count. */
	value: number | null;
	/** Date column and grain for a time series. */
	time: number | null;
	grain: Grain;
}

/** Groups shown at most: the largest by value. */
export const MAX_GROUPS = 20;
