/**
 * Indicators defined as data, as the metrics layer sees them: each is a catalog Indicator whose
 * measure reads a dataset described at run time (a Fact built from the dataset's column
 * whitelist, with the dates its data covers). server/definitions/indicators.ts compiles the
 * definitions in force and registers them here whenever the definitions or the data change.
 */
import { indicatorById, type FactRef, type Indicator } from '../../domain/catalog';
import type { Fact } from './facts';

export interface RuntimeFact {
	fact: Fact;
	/** The first and last date its data covers (null: no rows). */
	first: string | null;
	last: string | null;
}

let facts = new Map<FactRef, RuntimeFact>();
let indicators = new Map<string, Indicator>();

export function registerDefined(entries: { facts: ReadonlyMap<FactRef, RuntimeFact>; indicators: readonly Indicator[] }): void {
	facts = new Map(entries.facts);
	indicators = new Map(entries.indicators.map((i) => [i.id, i]));
}

export function runtimeFact(id: FactRef): Fact | undefined {
	return facts.get(id)?.fact;
}

/** The dates a run-time fact's data covers; undefined for one not registered. */
export function runtimeRange(id: FactRef): Omit<RuntimeFact, 'fact'> | undefined {
	return facts.get(id);
}

/** The defined indicators registered, in id order. */
export function definedIndicators(): Indicator[] {
	return [...indicators.values()];
}

/** A catalog indicator, or a defined one registered. */
export function indicatorOf(id: string): Indicator | undefined {
	return indicatorById(id) ?? indicators.get(id);
}
