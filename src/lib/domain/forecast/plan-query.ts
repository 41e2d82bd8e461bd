/**
 * The planning page's own URL state (the scenario of the backlog simulator), beside the view
 * state of domain/query.ts: a parser and a serializer that mirror each other, so that a copied
 * link reproduces the scenario. Absent values take the figures of the data.
 */
import type { QueryError } from '../query';

export interface PlanScenario {
	/** Judges deciding the scope's cases. */
	judges?: number;
	/** Cases decided per judge per month. */
	productivity?: number;
	/** Change of the forecast incoming, in percent (−50 … +100). */
	incoming?: number;
	/** Pending level aimed at. */
	target?: number;
	/** Statutory limit in months. */
	limit?: number;
}

const FIELDS: { key: keyof PlanScenario; min: number; max: number; integer: boolean }[] = [
	{ key: 'judges', min: 0.1, max: 10000, integer: false },
	{ key: 'productivity', min: 0.1, max: 100000, integer: false },
	{ key: 'incoming', min: -50, max: 100, integer: true },
	{ key: 'target', min: 0, max: 100000000, integer: true },
	{ key: 'limit', min: 0.5, max: 60, integer: false }
];

export const PLAN_PARAMS: readonly string[] = FIELDS.map((f) => f.key);
const NUMBER = /^-?\d{1,9}(\.\d{1,2})?$/;

export function parsePlan(params: URLSearchParams): { scenario: PlanScenario; errors: QueryError[] } {
	const scenario: PlanScenario = {};
	const errors: QueryError[] = [];
	for (const { key, min, max, integer } of FIELDS) {
		const raw = params.get(key);
		if (raw === null || raw === '') continue;
		const value = Number(raw);
		if (!NUMBER.test(raw) || value < min || value > max || (integer && !Number.isInteger(value))) {
			errors.push({ param: key, code: 'bad_value', value: raw.slice(0, 60) });
		} else scenario[key] = value;
	}
	return { scenario, errors };
}

export function serializePlan(scenario: PlanScenario): URLSearchParams {
	const params = new URLSearchParams();
	for (const { key } of FIELDS) if (scenario[key] !== undefined) params.set(key, String(scenario[key]));
	return params;
}
