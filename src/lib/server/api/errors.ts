/** User-facing text for request errors, in the request's language; never SQL or stack traces. */
import { json } from '@sveltejs/kit';
import * as m from '../../paraglide/messages.js';
import type { QueryError, QueryErrorCode } from '../../domain/query';

type Args = { param: string; value: string; allowed: string };

const MESSAGES: Record<QueryErrorCode, (args: Args) => string> = {
	unknown_param: m.err_unknown_param,
	repeated_param: m.err_repeated_param,
	bad_date: m.err_bad_date,
	missing_bound: m.err_missing_bound,
	bad_range: m.err_bad_range,
	bad_period: m.err_bad_period,
	period_conflict: m.err_period_conflict,
	bad_grain: m.err_bad_grain,
	bad_by: m.err_bad_by,
	too_many: m.err_too_many,
	bad_value: m.err_bad_value,
	bad_source: m.err_bad_source,
	forbidden: m.err_forbidden_param,
	too_large: m.err_too_large,
	after_data: m.err_after_data,
	before_data: m.err_before_data,
	calendar_period: m.err_calendar_period,
	one_value: m.err_one_value
};

export function queryErrorMessage(e: QueryError): string {
	return MESSAGES[e.code]({ param: e.param, value: e.value ?? '', allowed: (e.allowed ?? []).join(', ') });
}

/** 400 with one message per faulty parameter (403 when the role is what is missing). */
export function badRequest(errors: QueryError[]): Response {
	const status = errors.some((e) => e.code === 'forbidden') ? 403 : 400;
	return json(
		{
			error: {
				message: m.err_invalid_request(),
				errors: errors.map((e) => ({ param: e.param, code: e.code, message: queryErrorMessage(e) }))
			}
		},
		{ status }
	);
}

export function notFound(message: string): Response {
	return json({ error: { message } }, { status: 404 });
}
