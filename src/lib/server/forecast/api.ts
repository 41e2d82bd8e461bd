/**
 * GET /api/indicators/{id}/forecast: the forecast of a count indicator for the filters, 1–24
 * months ahead, with 80 % and 95 % prediction intervals and the backtest that chose the method.
 * JSON or CSV; the public gets it under the same suppression rules as every figure.
 */
import { json } from '@sveltejs/kit';
import type { Indicator } from '../../domain/catalog';
import { toCsv } from '../../domain/csv';
import { MAX_HORIZON } from '../../domain/forecast/forecast';
import { forecastable } from '../../domain/forecast/scope';
import type { ForecastResponse } from '../../domain/forecast/response';
import type { Locale } from '../../domain/l10n';
import { parseQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import * as m from '../../paraglide/messages.js';
import { badRequest, notFound } from '../api/errors';
import { disclosureHeader, disclosureNote } from '../disclosure/protect';
import type { Queryable } from '../db/database';
import { forecastIndicator, type IndicatorForecast } from './forecast';

const OWN_PARAMS = ['format', 'horizon'];
/** View parameters the forecast sets itself: the whole history, monthly, no breakdown. */
const NOT_USED = ['period', 'from', 'to', 'grain', 'by'];
const HORIZON = /^\d{1,2}$/;
const DEFAULT_HORIZON = 12;

function invalid(errors: { param: string; code: string; message: string }[]): Response {
	return json({ error: { message: m.err_invalid_request(), errors } }, { status: 400 });
}

/** Why there is no forecast, in the viewer's language. */
export function unavailableMessage(forecast: IndicatorForecast, minCount: number): string | null {
	if (forecast.status === 'suppressed') return m.fc_unavailable_suppressed({ min: minCount });
	if (forecast.status === 'one_record') return m.fc_unavailable_one_record();
	if (forecast.status === 'too_short') return m.fc_unavailable_short({ months: forecast.months ?? 0, needed: forecast.needed ?? 0 });
	return null;
}

function csvResponse(forecast: IndicatorForecast, rows: IndicatorForecast['rows'], access: Access): Response {
	const columns = ['period', 'value', 'lower80', 'upper80', 'lower95', 'upper95'];
	return new Response(toCsv(columns, rows as unknown as Record<string, unknown>[]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${forecast.indicator}_forecast_${forecast.asOf}.csv"`,
			...disclosureHeader(access)
		}
	});
}

/** `indicator`: the catalog's or a defined one in force with this id (none: 404). */
export async function forecastResponse(
	db: Queryable,
	id: string,
	indicator: Indicator | undefined,
	url: URL,
	locale: Locale,
	access: Access
): Promise<Response> {
	if (!indicator) return notFound(m.err_unknown_indicator({ id }));
	if (!forecastable(indicator)) return invalid([{ param: 'id', code: 'not_count', message: m.fc_err_not_count({ id }) }]);
	const params = url.searchParams;
	const format = params.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv')
		return badRequest([{ param: 'format', code: 'bad_value', value: format, allowed: ['json', 'csv'] }]);
	const rawHorizon = params.get('horizon') ?? String(DEFAULT_HORIZON);
	const horizon = Number(rawHorizon);
	if (!HORIZON.test(rawHorizon) || horizon < 1 || horizon > MAX_HORIZON) {
		const value = rawHorizon.slice(0, 60);
		return invalid([{ param: 'horizon', code: 'bad_value', message: m.fc_err_horizon({ param: 'horizon', value, max: MAX_HORIZON }) }]);
	}
	const notUsed = NOT_USED.filter((p) => params.has(p));
	if (notUsed.length) return invalid(notUsed.map((param) => ({ param, code: 'not_used', message: m.fc_err_not_used({ param }) })));
	const parsed = parseQuery(params, OWN_PARAMS, indicator.defined?.dimensions);
	if (!parsed.ok) return badRequest(parsed.errors);

	const result = await forecastIndicator(db, indicator, parsed.value, access);
	if (!result.ok) return badRequest(result.errors);
	const forecast = result.value;
	const rows = forecast.rows.slice(0, horizon);
	if (format === 'csv') return csvResponse(forecast, rows, access);
	const { backtest, baseline } = forecast;
	const body: ForecastResponse & Record<string, unknown> = {
		indicator: forecast.indicator,
		name: indicator.name[locale],
		unit: indicator.unit,
		source: forecast.source,
		filters: forecast.filters,
		ignored: forecast.ignored,
		asOf: forecast.asOf,
		method: forecast.method,
		transform: forecast.transform,
		horizon,
		backtest: backtest && { ...backtest, baselineMase: baseline?.mase ?? null },
		breakMode: forecast.breakMode,
		reform: forecast.reform,
		reformShare: forecast.reformShare,
		territory: forecast.territory,
		outliers: forecast.outliers,
		partial: forecast.partial,
		runIn: forecast.runIn,
		unavailable: unavailableMessage(forecast, access.minCount),
		history: forecast.history,
		rows,
		// The public's history is the protected one, and the forecast is made from it.
		disclosure: disclosureNote(access)
	};
	return json(body);
}
