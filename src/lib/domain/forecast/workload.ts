/**
 * Judge workload by court: cases decided per judge per month, weighted by category (a case of a
 * heavy category counts more; the weights come from the operator's file, equal by default),
 * and the judges needed to decide as many cases as the forecast brings in (clearance 100 %).
 */
import { CATEGORIES } from '../categories';

export type CategoryWeights = Record<string, number>;

/** Checks an operator's weights (category id → weight), naming what is wrong. */
export function parseWeights(input: unknown): CategoryWeights {
	if (input === undefined || input === null) return {};
	if (typeof input !== 'object' || Array.isArray(input)) throw new Error('weights must be an object of category ids and numbers');
	const out: CategoryWeights = {};
	for (const [id, weight] of Object.entries(input)) {
		if (!CATEGORIES.some((c) => c.id === id)) throw new Error(`unknown category "${id}" in the weights`);
		if (typeof weight !== 'number' || !(weight > 0) || weight > 100)
			throw new Error(`weight of "${id}" must be a number above 0 and at most 100`);
		out[id] = weight;
	}
	return out;
}

export const weightOf = (weights: CategoryWeights, category: string) => weights[category] ?? 1;

export interface CourtWorkloadInput {
	court: string;
	/** Judges who decided cases in the last twelve months, and those cases per judge per month. */
	judges: number;
	perJudge: number | null;
	/** The last twelve months by category. */
	resolvedByCategory: Record<string, number>;
	incomingByCategory: Record<string, number>;
}

export interface CourtWorkload {
	court: string;
	judges: number;
	perJudge: number | null;
	/** Weighted cases decided per judge per month. */
	weightedPerJudge: number | null;
	/** The court's part of the forecast incoming, per month. */
	forecastIncoming: number;
	/** Judges needed to decide the forecast incoming at the court's weighted pace. */
	judgesNeeded: number | null;
}

const total = (byCategory: Record<string, number>, weights?: CategoryWeights) =>
	Object.entries(byCategory).reduce((s, [c, n]) => s + n * (weights ? weightOf(weights, c) : 1), 0);

/**
 * The forecast for the whole scope is shared among its courts by their part of the last twelve
 * months' incoming; each court keeps its own case mix.
 */
export function courtWorkloads(courts: readonly CourtWorkloadInput[], forecastPerMonth: number, weights: CategoryWeights): CourtWorkload[] {
	const allIncoming = courts.reduce((s, c) => s + total(c.incomingByCategory), 0);
	return courts.map((c) => {
		const incoming = total(c.incomingByCategory);
		const resolved = total(c.resolvedByCategory);
		const weightedPerJudge = c.perJudge !== null && resolved > 0 ? (c.perJudge * total(c.resolvedByCategory, weights)) / resolved : null;
		const forecastIncoming = allIncoming > 0 ? (forecastPerMonth * incoming) / allIncoming : 0;
		const mix = incoming > 0 ? total(c.incomingByCategory, weights) / incoming : 1;
		const judgesNeeded = weightedPerJudge ? (forecastIncoming * mix) / weightedPerJudge : null;
		return { court: c.court, judges: c.judges, perJudge: c.perJudge, weightedPerJudge, forecastIncoming, judgesNeeded };
	});
}
