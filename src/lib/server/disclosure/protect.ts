/**
 * The one place the figures the public sees are protected (docs/security.md#small-counts-disclosure-control):
 * small counts are suppressed (suppress.ts) and every other figure is perturbed (perturb.ts).
 * Judges, analysts and administrators get exact figures. Also the rule on the public's queries
 * that keeps differences of answers from isolating a few records: one value per filter.
 */
import type { Measure } from '../../domain/catalog';
import type { QueryError, ViewQuery } from '../../domain/query';
import { suppressesSmallCounts, type Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import type { ResultRow } from '../metrics/run';
import { disclosureKey } from './key';
import * as m from '../../paraglide/messages.js';
import { AMOUNT_NOISE, COUNT_NOISE, perturbRow, QUANTILE_DIGITS, QUANTILE_NOISE, takeKeys } from './perturb';
import { suppress } from './suppress';

/** `breakdown`: the rows are the cells of a breakdown (by a dimension), per period when they have one. */
export async function protect(db: Queryable, rows: ResultRow[], access: Access, measure: Measure, breakdown: boolean): Promise<void> {
	const keys = rows.map(takeKeys);
	if (!suppressesSmallCounts(access)) return;
	suppress(rows, access, measure, breakdown);
	const secret = await disclosureKey(db);
	rows.forEach((row, i) => {
		if (!row.suppressed && !row.missing) perturbRow(row, measure, secret, access.minCount, keys[i]);
	});
}

/**
 * The public filters by one value of a dimension at a time: `scheme=A,B` against `scheme=B`, and
 * every other union against its parts, would give the public many differences isolating the
 * same few records, whose perturbations average out.
 */
export function publicFilterErrors(query: ViewQuery, access: Access): QueryError[] {
	if (!suppressesSmallCounts(access)) return [];
	return Object.entries(query.filters)
		.filter(([, values]) => values.length > 1)
		.map(([param, values]): QueryError => ({ param, code: 'one_value', value: values.join(',') }));
}

/** What the API tells the public about its figures (null for roles that see exact figures). */
export function disclosureNote(access: Access) {
	if (!suppressesSmallCounts(access)) return null;
	return {
		method: 'cell_key',
		hiddenBelow: access.minCount,
		countNoise: COUNT_NOISE,
		amountNoise: AMOUNT_NOISE,
		quantileNoise: QUANTILE_NOISE,
		quantileDigits: QUANTILE_DIGITS,
		note: m.public_figures_protected({ min: access.minCount })
	};
}

/** The same for a CSV export, as a response header (ASCII). */
export function disclosureHeader(access: Access): Record<string, string> {
	if (!suppressesSmallCounts(access)) return {};
	return {
		'x-disclosure-control': `cell-key; hidden below ${access.minCount}; counts within ${COUNT_NOISE}; amounts within ${AMOUNT_NOISE} means per record; quantiles within ${QUANTILE_NOISE * 100}% and ${QUANTILE_DIGITS} significant digits; minima and maxima hidden`
	};
}
