/**
 * The metrics view of an "other" dataset, built from its columns as Rill builds one: the ways
 * to place rows in time (a date or period column, or year + month (+ day) columns), the
 * measures (rows, and every number or percent column), and the dimensions to break them down by.
 */
import { AGGREGATES, GRAINS, MEASURE_TYPES, type Aggregate, type ColumnType, type Grain, type OtherColumn } from './index';

/** What the typed copy tells about a column. */
export interface ColumnFacts {
	position: number;
	/** Distinct non-empty values. */
	distinct: number;
	/** Numbers: every value is a whole number. */
	whole: boolean;
	/** Dates and periods: every value is the first day of a quarter / of a year. */
	quarterly: boolean;
	yearly: boolean;
}

export type TimeSpec = { kind: 'column'; column: number } | { kind: 'parts'; year: number; month: number | null; day: number | null };

export interface TimeOption {
	id: string;
	spec: TimeSpec;
	/** Columns it reads, for its name. */
	columns: number[];
	grains: Grain[];
	grain: Grain;
}

export interface MeasureOption {
	/** 'rows' or the column's position. */
	id: string;
	column: number | null;
	aggregates: Aggregate[];
	aggregate: Aggregate;
	/** Values are whole numbers: sums, minima and maxima are shown without decimals. */
	whole: boolean;
	percent: boolean;
}

export interface DashboardModel {
	times: TimeOption[];
	measures: MeasureOption[];
	/** Columns with a leaderboard by default. */
	dimensions: number[];
	/** Columns a breakdown can be asked for (every column but dates). */
	groupable: number[];
}

const DIMENSION_TYPES: ReadonlySet<ColumnType> = new Set(['region', 'text', 'boolean', 'year', 'month', 'period']);

function grainsOf(facts: ColumnFacts | undefined, yearOnly: boolean): Pick<TimeOption, 'grains' | 'grain'> {
	if (yearOnly || facts?.yearly) return { grains: ['year'], grain: 'year' };
	if (facts?.quarterly) return { grains: ['quarter', 'year'], grain: 'quarter' };
	return { grains: [...GRAINS], grain: 'month' };
}

export function timeOptions(columns: readonly OtherColumn[], facts: readonly ColumnFacts[]): TimeOption[] {
	const fact = new Map(facts.map((f) => [f.position, f]));
	const of = (type: ColumnType) => columns.filter((c) => c.type === type).map((c) => c.position);
	const out: TimeOption[] = [];
	const [month = null] = of('month');
	const [day = null] = of('day');
	for (const year of of('year')) {
		const spec: TimeSpec = { kind: 'parts', year, month, day: month === null ? null : day };
		const parts = [year, spec.month, spec.day].filter((x): x is number => x !== null);
		out.push({ id: `y${parts.join('-')}`, spec, columns: parts, ...grainsOf(undefined, month === null) });
	}
	for (const c of columns.filter((c) => c.type === 'date' || c.type === 'period')) {
		out.push({
			id: `c${c.position}`,
			spec: { kind: 'column', column: c.position },
			columns: [c.position],
			...grainsOf(fact.get(c.position), false)
		});
	}
	return out;
}

export function measureOptions(columns: readonly OtherColumn[], facts: readonly ColumnFacts[]): MeasureOption[] {
	const fact = new Map(facts.map((f) => [f.position, f]));
	const rows: MeasureOption = { id: 'rows', column: null, aggregates: ['count'], aggregate: 'count', whole: true, percent: false };
	return [
		rows,
		...columns
			.filter((c) => MEASURE_TYPES.has(c.type))
			.map((c) => ({
				id: String(c.position),
				column: c.position,
				aggregates: AGGREGATES.filter((a) => a !== 'count'),
				// Percentages are averaged: their sum means nothing.
				aggregate: c.type === 'percent' ? ('avg' as const) : ('sum' as const),
				whole: fact.get(c.position)?.whole ?? false,
				percent: c.type === 'percent'
			}))
	];
}

export function dashboardModel(columns: readonly OtherColumn[], facts: readonly ColumnFacts[]): DashboardModel {
	return {
		times: timeOptions(columns, facts),
		measures: measureOptions(columns, facts),
		dimensions: columns.filter((c) => DIMENSION_TYPES.has(c.type)).map((c) => c.position),
		groupable: columns.filter((c) => c.type !== 'date').map((c) => c.position)
	};
}

/** How a measure's figures are written: percent columns in percent, whole sums as counts. */
export function measureUnit(measure: MeasureOption, aggregate: Aggregate): 'count' | 'percent' | 'ratio' {
	if (measure.percent) return 'percent';
	if (aggregate === 'count' || (measure.whole && (aggregate === 'sum' || aggregate === 'min' || aggregate === 'max'))) return 'count';
	return 'ratio';
}
