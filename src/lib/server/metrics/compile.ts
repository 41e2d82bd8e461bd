/**
 * The one place catalog measures become SQL: plan (plan.ts) → route (route.ts) → write (sql/).
 * Each entry point plans the measures, and its writer asks the router where each part is read
 * from; the compiled statement carries those decisions (`routes`). See README.md.
 */
import type { Measure } from '../../domain/catalog';
import type { Deadlines } from '../../domain/deadlines';
import type { Filters } from '../../domain/query';
import { factOf } from './facts';
import { Planner } from './plan';
import { writeBatch, type BatchInput as WriteBatchInput } from './sql/batch';
import type { CompiledQuery } from './sql/compiled';
import { writeQuery, type QueryInput } from './sql/query';
import { writeExists, writeRecords, type RecordsInput } from './sql/records';
import { writeRollups, writeStoredFacts, type RollupStatement, type StoredFactStatement } from './sql/rollups';

export type { CompiledQuery, RollupStatement, StoredFactStatement };

/** One measure for a query: its period, grain, breakdowns, filters, time limits and derived tables. */
export type CompileInput = QueryInput & { measure: Measure };

/** One measure for a period, optionally by time bucket and breakdowns: rows of (dimensions…, period, value, numerator, denominator, n). */
export function compileMeasure(input: CompileInput): CompiledQuery {
	return writeQuery(new Planner(input.deadlines).plan(input.measure), input);
}

/** Several measures over the same filters, for a period and the same period a year earlier. */
export type BatchInput = WriteBatchInput & { measures: readonly Measure[] };

/**
 * A batch: row `slot` holds, for each measure i, `v{i}`, `num{i}`, `den{i}` and `n{i}` (the
 * same figures compileMeasure gives) for the current period (0), the previous one (1) and each
 * month of the current period (2…).
 */
export function compileBatch(input: BatchInput): CompiledQuery {
	const planner = new Planner(input.deadlines);
	return writeBatch(
		input.measures.map((m) => planner.plan(m)),
		input
	);
}

/** Measures a batch can hold: flows, stocks and what is composed of them (not quantiles of stocks, judges or forms). */
export function batchable(m: Measure): boolean {
	switch (m.kind) {
		case 'ratio':
			return batchable(m.num) && batchable(m.den);
		case 'per_capita':
			return batchable(m.of);
		case 'stock_quantile':
		case 'per_judge_month':
		case 'judge_spread':
		case 'form':
			return false;
		default:
			return true;
	}
}

/**
 * The records behind a figure: what a flow or stock counts; for a ratio, its numerator (resolved
 * cases behind a clearance rate); per capita and per judge, what is counted. Forms have none.
 */
export function recordsMeasure(m: Measure): Measure | null {
	switch (m.kind) {
		case 'ratio':
			return recordsMeasure(m.num);
		case 'per_capita':
		case 'per_judge_month':
		case 'judge_spread':
			return recordsMeasure(m.of);
		case 'form':
			return null;
		default:
			return factOf(m.fact).records ? m : null;
	}
}

export function recordColumns(m: Measure): readonly string[] {
	return 'fact' in m ? (factOf(m.fact).records ?? []) : [];
}

/** A page of the records a row-level measure (recordsMeasure) counts in the period. */
export function compileRecords(input: RecordsInput & { measure: Measure }): CompiledQuery {
	return writeRecords(new Planner(input.deadlines).plan(input.measure), input);
}

/** The statements building the monthly rollups of these measures (the batchable ones). */
export function compileRollups(measures: readonly Measure[], deadlines: Deadlines, scope?: string): RollupStatement[] {
	const planner = new Planner(deadlines);
	return writeRollups(
		measures.filter(batchable).map((m) => planner.plan(m)),
		deadlines,
		scope
	);
}

/** The statements (re)building the stored facts; with a `scope` (a condition on rows `t`), only those rows. */
export function compileStoredFacts(scope?: string): StoredFactStatement[] {
	return writeStoredFacts(scope);
}

/** Whether any case record, and any aggregate form, touches the period under the filters (for choosing a source). */
export function compileExists(period: { from: string; to: string }, filters: Filters, formFilters: Filters): CompiledQuery {
	return writeExists(period, filters, formFilters);
}
