/** What a measure reads and which breakdowns an indicator allows, derived from the catalog. */
import { DIMENSIONS, type Dimension, type FactRef } from './dimensions';
import { INDICATORS, indicatorAmong, indicatorById } from './indicators';
import type { CaseType } from '../categories';
import type { Filters } from '../query';
import type { Indicator, Measure, Status, Thresholds } from './types';

export * from './dimensions';
export * from './types';
export { INDICATORS, indicatorAmong, indicatorById };

export function measureFacts(measure: Measure): FactRef[] {
	switch (measure.kind) {
		case 'ratio':
			return [...new Set([...measureFacts(measure.num), ...measureFacts(measure.den)])];
		case 'per_capita':
		case 'per_judge_month':
		case 'judge_spread':
			return measureFacts(measure.of);
		case 'form':
			return ['court_stats'];
		default:
			return [measure.fact];
	}
}

/** Dimensions present in every fact the indicator reads, narrowed by its own `allowedBy`; a defined indicator's own. */
export function indicatorDimensions(indicator: Indicator): Dimension[] {
	if (indicator.defined) return [...indicator.defined.dimensions];
	const facts = measureFacts(indicator.measure);
	return DIMENSIONS.filter((d) => facts.every((f) => d.facts.includes(f)) && (!indicator.allowedBy || indicator.allowedBy.includes(d.id)));
}

/** Dimensions an indicator can be filtered by (filters narrow the rows, so allowedBy does not apply). */
export function indicatorFilters(indicator: Indicator): Dimension[] {
	if (indicator.defined) return [...indicator.defined.dimensions];
	const facts = measureFacts(indicator.measure);
	return DIMENSIONS.filter((d) => facts.every((f) => d.facts.includes(f)));
}

/**
 * The dimensions a page of the indicator may name in its URL: the catalog's (filters carried from
 * other pages), with a defined indicator's own columns in place of any catalog one of the same id.
 */
export function viewDimensions(indicator: Indicator): readonly Dimension[] {
	if (!indicator.defined) return DIMENSIONS;
	const own = indicator.defined.dimensions;
	return [...DIMENSIONS.filter((d) => !own.some((o) => o.id === d.id)), ...own];
}

/**
 * The thresholds that hold for a view: per case type when the indicator has them and the view
 * is filtered to exactly one case type that has some (none otherwise), else the indicator's own.
 */
export function indicatorThresholds(indicator: Indicator, filters: Filters = {}): Thresholds | undefined {
	if (!indicator.thresholdsByCaseType) return indicator.thresholds;
	const types = filters.case_type;
	return types?.length === 1 ? indicator.thresholdsByCaseType[types[0] as CaseType] : undefined;
}

/** Status of a value against the thresholds that hold for the view, in the direction that is better. */
export function indicatorStatus(indicator: Indicator, value: number | null | undefined, filters: Filters = {}): Status {
	const t = indicatorThresholds(indicator, filters);
	if (!t || value === null || value === undefined || !Number.isFinite(value)) return 'none';
	if (indicator.better === 'down') return value > t.bad ? 'alert' : value > t.warn ? 'watch' : 'ok';
	return value < t.bad ? 'alert' : value < t.warn ? 'watch' : 'ok';
}

/**
 * The figure every tile and comparison states as the indicator's aim in a view: its target, or
 * else the edge of its normal range (`warn`), with the side that is good. Null without thresholds.
 */
export function indicatorTarget(indicator: Indicator, filters: Filters = {}): { value: number; atMost: boolean } | null {
	const t = indicatorThresholds(indicator, filters);
	if (!t || indicator.better === 'neutral') return null;
	return { value: t.target ?? t.warn, atMost: indicator.better === 'down' };
}
