/**
 * The practice explorer's view state in the URL: the shared filters and period (query.ts) plus
 * the page's own parameters. `parse(serialize(s))` gives `s` back.
 */
import { parseQuery, serializeQuery, type Parsed, type QueryError, type ViewQuery } from '../query';

export const PRACTICE_RATES = ['reversal', 'grant', 'beyond_standard'] as const;
export type PracticeRate = (typeof PRACTICE_RATES)[number];
export const PRACTICE_UNITS = ['court', 'judge'] as const;
export type PracticeUnit = (typeof PRACTICE_UNITS)[number];

export interface PracticeState {
	query: ViewQuery;
	rate: PracticeRate;
	unit: PracticeUnit;
	/** A case number to follow across instances and to search similar cases from. */
	caseNumber?: string;
	/** Claim amount in tenge of a described claim. */
	amount?: number;
	/** Page of the similar cases, from 1. */
	page: number;
}

const OWN = ['rate', 'unit', 'case', 'amount', 'page'] as const;
/** Case numbers such as 7501-23-00-2/1. */
const CASE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}./-]{0,63}$/u;
export const MAX_PAGE = 500;
const MAX_AMOUNT = 1e13;

export function parsePractice(params: URLSearchParams): Parsed<PracticeState> {
	const parsed = parseQuery(params, OWN);
	if (!parsed.ok) return parsed;
	const errors: QueryError[] = [];
	const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
		const raw = params.get(name);
		if (raw === null || raw === '') return fallback;
		if ((allowed as readonly string[]).includes(raw)) return raw as T;
		errors.push({ param: name, code: 'bad_value', value: raw, allowed });
		return fallback;
	};
	const state: PracticeState = {
		query: parsed.value,
		rate: pick('rate', PRACTICE_RATES, 'reversal'),
		unit: pick('unit', PRACTICE_UNITS, 'court'),
		page: 1
	};
	const caseNumber = params.get('case')?.trim();
	if (caseNumber) {
		if (CASE_NUMBER.test(caseNumber)) state.caseNumber = caseNumber;
		else errors.push({ param: 'case', code: 'bad_value', value: caseNumber });
	}
	const amount = params
		.get('amount')
		?.replace(/[\s\u00a0]/g, '')
		.replace(',', '.');
	if (amount) {
		const value = Number(amount);
		if (Number.isFinite(value) && value > 0 && value <= MAX_AMOUNT) state.amount = value;
		else errors.push({ param: 'amount', code: 'bad_value', value: params.get('amount')! });
	}
	const page = params.get('page');
	if (page) {
		const value = Number(page);
		if (Number.isInteger(value) && value >= 1 && value <= MAX_PAGE) state.page = value;
		else errors.push({ param: 'page', code: 'bad_value', value: page });
	}
	return errors.length ? { ok: false, errors } : { ok: true, value: state };
}

export function serializePractice(state: PracticeState): URLSearchParams {
	const params = serializeQuery(state.query);
	if (state.rate !== 'reversal') params.set('rate', state.rate);
	if (state.unit !== 'court') params.set('unit', state.unit);
	if (state.caseNumber) params.set('case', state.caseNumber);
	if (state.amount !== undefined) params.set('amount', String(state.amount));
	if (state.page !== 1) params.set('page', String(state.page));
	return params;
}
