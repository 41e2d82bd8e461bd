/**
 * Canonical definitions of what a derived table or column holds, and their names. A name is a
 * hash (SHA-256) of the definition's meaning — fact, event, function, argument, conditions and
 * the values bound into them (time limits) — never of the SQL text a writer happens to produce:
 * reformatting a catalog fragment or rewriting the compiler keeps every rollup, while another
 * time limit or condition gets a column of its own.
 */
import { createHash } from 'node:crypto';
import type { EventId, FactRef } from '../../domain/catalog';
import { DEADLINE_KEYS, STATUTORY_FROM, type Deadlines, type Span } from '../../domain/deadlines';

/**
 * A catalog SQL fragment without its layout: runs of whitespace become one space and spaces
 * around punctuation go, outside string literals.
 */
export function canonicalSql(fragment: string): string {
	return fragment
		.split(/('(?:[^']|'')*')/)
		.map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([(),=<>+*/-]) ?/g, '$1')))
		.join('')
		.trim();
}

/**
 * The time limits a definition's fragments use (`{deadline}`, `{standard}`), in a fixed order,
 * with the first filing day each statutory limit applies to.
 */
export interface Bound {
	deadline?: [string, Span, string | null][];
	standard?: [string, Span][];
}

export function boundValues(fragments: readonly (string | undefined)[], deadlines: Deadlines): Bound {
	const text = fragments.join(' ');
	return {
		...(text.includes('{deadline}')
			? {
					deadline: DEADLINE_KEYS.map((key): [string, Span, string | null] => [key, deadlines.statutory[key], STATUTORY_FROM[key] ?? null])
				}
			: {}),
		...(text.includes('{standard}') ? { standard: DEADLINE_KEYS.map((key): [string, Span] => [key, deadlines.standard[key]]) } : {})
	};
}

/** Conditions in canonical form, each once, in a fixed order (they are joined by AND). */
export function canonicalConditions(conditions: readonly (string | undefined)[]): string[] {
	return [...new Set(conditions.filter((c): c is string => !!c).map(canonicalSql))].sort();
}

/** An aggregate of a fact's rows by the month of an event: a rollup column when a count or sum. */
export interface AggregateDefinition {
	of: 'aggregate';
	fact: FactRef;
	event: EventId;
	fn: 'count' | 'sum' | 'key_sum' | 'min' | 'max' | 'count_distinct' | 'sum_distinct';
	/** The expression summed, or counted when not null; null for count(*). */
	arg: string | null;
	conditions: string[];
	bound: Bound;
}

/** The rows entering and leaving a stock by month: a pair of rollup columns. */
export interface StockDefinition {
	of: 'stock';
	fact: FactRef;
	/** The first day a row counts. */
	since: string;
	conditions: string[];
	bound: Bound;
}

/** Counts of the values of an expression by month: a histogram table, for quantiles. */
export interface HistogramDefinition {
	of: 'histogram';
	fact: FactRef;
	event: EventId;
	value: string;
	conditions: string[];
	bound: Bound;
}

/** The rows of a fact's relation kept as a table (a stored fact). */
export interface RelationDefinition {
	of: 'relation';
	fact: FactRef;
	relation: string;
}

export type Definition = AggregateDefinition | StockDefinition | HistogramDefinition | RelationDefinition;

/** The name of a definition: `r_` and 64 bits of the SHA-256 of its canonical JSON. */
export function definitionKey(definition: Definition): string {
	return `r_${createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16)}`;
}
