/** A column of a table (DataTable) or of a chart's data (Chart): its key in the row, header and cell text. */
export interface Column<T = Record<string, unknown>> {
	key: string;
	label: string;
	/** The cell's text from the row's value under `key` (or from the whole row); the value as it is without it. */
	format?: (value: unknown, row: T) => string;
	/** Right-aligned with tabular figures. */
	numeric?: boolean;
	/** The header is for assistive technology only (a column of buttons, say). */
	labelHidden?: boolean;
}

export function cellText<T>(column: Column<T>, row: T): string {
	const value = (row as Record<string, unknown>)[column.key];
	return column.format ? column.format(value, row) : String(value ?? '');
}
