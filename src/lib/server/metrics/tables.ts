/**
 * Names and shapes of the tables derived for the metrics: monthly rollups at two levels of
 * dimensions, histograms of quantiles, and stored facts. Their columns are named by the keys of
 * their definitions (definition.ts).
 */
import { dimensionById, type DimensionId, type FactRef } from '../../domain/catalog';
import { canonicalSql, definitionKey } from './definition';
import { factOf } from './facts';

/**
 * The dimensions the monthly rollups keep, finest first: a view filtered on these only reads
 * the smallest rollup that has its filters (filters on others read the facts' rows).
 */
export const ROLLUP_LEVELS = [
	['region', 'court', 'instance', 'case_type', 'category'],
	['region', 'instance', 'case_type']
] as const satisfies readonly (readonly DimensionId[])[];

/** Quantiles are rolled up as histograms at the coarse level only (the fine one would hardly be smaller than the rows). */
export const HISTOGRAM_LEVEL = 1;

export const levelColumns = (level: number) => ROLLUP_LEVELS[level].map((id) => dimensionById(id)!.column);

/** Table of the monthly rollup of a fact's event column (or `stock`, or a histogram) at a level of ROLLUP_LEVELS. */
export function rollupTable(fact: FactRef, name: string, level = 0): string {
	return `rollup${level || ''}_${fact}_${name}`;
}

/** The histogram table of a quantile's values, named by its definition's key. */
export const histogramTable = (fact: FactRef, eventColumn: string, key: string) =>
	rollupTable(fact, `${eventColumn}_${key}`, HISTOGRAM_LEVEL);

/** Columns of a stock's rollup: rows entering and leaving it by month, and the sums of their record keys (plan.ts). */
export const stockColumns = (key: string) => ({ enter: `e_${key}`, leave: `l_${key}`, enterKeys: `ek_${key}`, leaveKeys: `lk_${key}` });

/**
 * The table holding a stored fact's rows (FACTS[fact].stored), and its marker column: the key of
 * the relation it copies, so that a copy of an older definition is not read.
 */
export function storedFact(fact: FactRef): { table: string; marker: string } | null {
	const { stored, relation } = factOf(fact);
	return stored
		? { table: `rollup_rows_${fact}`, marker: definitionKey({ of: 'relation', fact, relation: canonicalSql(relation) }) }
		: null;
}

/** Derived columns present in the database ("table.column") and the data's as-of date. */
export interface RollupInfo {
	columns: ReadonlySet<string>;
	asOf: string;
}
