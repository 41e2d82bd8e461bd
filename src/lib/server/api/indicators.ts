/**
 * The read-only indicator API: the catalog (with the indicators defined as data in force), and
 * one indicator for a view query (JSON or CSV).
 */
import { json } from '@sveltejs/kit';
import { indicatorDimensions, indicatorFilters, measureFacts, type Indicator } from '../../domain/catalog';
import { toCsv } from '../../domain/csv';
import { valueLabel } from '../../domain/labels';
import { hiddenReason } from '../../i18n/hidden-texts';
import type { Locale } from '../../domain/l10n';
import { parseQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import * as m from '../../paraglide/messages.js';
import type { Queryable } from '../db/database';
import { disclosureHeader, disclosureNote } from '../disclosure/protect';
import { boundPeriod } from '../limits/period';
import { indicatorRange } from '../metrics/as-of';
import { completeFrom } from '../metrics/complete';
import { runIndicator, type IndicatorResult, type ResultRow } from '../metrics/run';
import { badRequest, notFound } from './errors';

function describe(indicator: Indicator) {
	return {
		id: indicator.id,
		group: indicator.group,
		name: indicator.name,
		definition: indicator.definition,
		formula: indicator.formula,
		unit: indicator.unit,
		better: indicator.better,
		thresholds: indicator.thresholds ?? null,
		thresholdsByCaseType: indicator.thresholdsByCaseType ?? null,
		source: indicator.source,
		sourceNote: indicator.sourceNote,
		dimensions: indicatorDimensions(indicator).map((d) => d.id),
		filters: indicatorFilters(indicator).map((d) => d.id),
		formSource: Boolean(indicator.formMeasure),
		// Defined as data: its dataset, version, columns (id and header) and whether it is an overview tile.
		defined: indicator.defined
			? {
					dataset: indicator.defined.dataset,
					version: indicator.defined.version,
					overview: indicator.defined.overview,
					dimensions: indicator.defined.dimensions.map((d) => ({ id: d.id, name: d.label }))
				}
			: null
	};
}

export function catalogResponse(indicators: readonly Indicator[]): Response {
	return json({ indicators: indicators.map(describe) });
}

/** Names of the dimension values present in the rows, so clients need no directory of their own. */
function labels(indicator: Indicator, result: IndicatorResult, locale: Locale): Record<string, Record<string, string>> {
	const out: Record<string, Record<string, string>> = {};
	for (const dim of result.by) {
		const dimension = indicatorDimensions(indicator).find((d) => d.id === dim) ?? dim;
		out[dim] = {};
		for (const row of result.rows) {
			const code = String(row[dim] ?? '');
			out[dim][code] ??= valueLabel(dimension, code, locale);
		}
	}
	return out;
}

/**
 * Rows as CSV. A hidden figure leaves its value empty, as in JSON, so that the value column holds
 * only numbers: `suppressed` and `hidden` carry the JSON's fields, `note` says why in words.
 */
function csvResponse(result: IndicatorResult, names: Record<string, Record<string, string>>, access: Access, locale: Locale): Response {
	const columns = [
		...result.by.flatMap((d) => [d, `${d}_name`]),
		...(result.grain ? ['period', 'partial'] : []),
		'value',
		'numerator',
		'denominator',
		'n',
		'missing',
		'provisional',
		'incomplete',
		'suppressed',
		'hidden',
		'note'
	];
	const rows = result.rows.map((row) => {
		const out: Record<string, unknown> = { ...row };
		for (const d of result.by) out[`${d}_name`] = names[d][String(row[d] ?? '')];
		if (row.suppressed) out.note = hiddenReason(row.hidden, locale) ?? m.hidden_few_records({ min: access.minCount }, { locale });
		return out;
	});
	return new Response(toCsv(columns, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${result.indicator}_${result.period.from}_${result.period.to}.csv"`,
			...disclosureHeader(access)
		}
	});
}

/**
 * Marks the figures whose period starts before the data is complete: the demo's 2018 holds only the
 * backlog pending on 1 January 2019, so its "clearance rate" of 21 % is no figure of 2018's work.
 */
function markIncomplete(result: IndicatorResult, from: string | null): IndicatorResult {
	if (from === null) return result;
	const starts = (row: ResultRow) => (result.grain ? String(row.period) : result.period.from);
	return { ...result, rows: result.rows.map((row) => (starts(row) < from && !row.missing ? { ...row, incomplete: true } : row)) };
}

/** `indicator`: the catalog's or a defined one in force with this id (none: 404). */
export async function indicatorResponse(
	db: Queryable,
	id: string,
	indicator: Indicator | undefined,
	url: URL,
	locale: Locale,
	access: Access
): Promise<Response> {
	if (!indicator) return notFound(m.err_unknown_indicator({ id }));
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv')
		return badRequest([{ param: 'format', code: 'bad_value', value: format, allowed: ['json', 'csv'] }]);

	const parsed = parseQuery(url.searchParams, ['format'], indicator.defined?.dimensions);
	if (!parsed.ok) return badRequest(parsed.errors);
	const bounded = await boundPeriod(db, parsed.value, access, await indicatorRange(db, indicator));
	if (!bounded.ok) return badRequest(bounded.errors);
	const result = await runIndicator(db, indicator, bounded.value.query, access);
	if (!result.ok) return badRequest(result.errors);

	const from = await completeFrom(db, measureFacts(indicator.measure));
	const marked = markIncomplete(result.value, from);
	const names = labels(indicator, marked, locale);
	if (format === 'csv') return csvResponse(marked, names, access, locale);
	// `clip`: the period asked for and the part of it the data cover, when they differ; `completeFrom`:
	// the first day of complete data; `disclosure`: how the public's figures are protected.
	return json({
		...marked,
		completeFrom: from,
		clip: bounded.value.clip,
		name: indicator.name[locale],
		unit: indicator.unit,
		labels: names,
		disclosure: disclosureNote(access)
	});
}
