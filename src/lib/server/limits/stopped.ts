/**
 * Requests stopped by a limit — refused for now (overloaded), interrupted at the statement time
 * limit, or cancelled because the client went away — answer 503 with Retry-After and a message
 * saying which limit, never 500 and a stack trace.
 */
import * as m from '../../paraglide/messages.js';
import { settings } from '../config';
import { QueryStopped } from '../db/database';
import { Overloaded } from './admission';
import { requestScope, type RequestScope, type StopReason } from './scope';

function reasonOf(error: unknown): StopReason | null {
	if (error instanceof Overloaded) return 'overloaded';
	if (error instanceof QueryStopped) return error.reason;
	return null;
}

export function stoppedMessage(reason: StopReason): string {
	const s = settings();
	if (reason === 'overloaded') return m.err_overloaded({ seconds: s.queueSeconds });
	if (reason === 'timeout') return m.err_query_timeout({ seconds: s.queryTimeoutSeconds });
	return m.err_cancelled();
}

/** For handleError: marks the request as stopped by a limit and gives its message (null: a real error). */
export function stoppedByLimit(error: unknown): string | null {
	const reason = reasonOf(error);
	if (!reason) return null;
	const scope = requestScope();
	if (scope) scope.stopped ??= reason;
	return stoppedMessage(reason);
}

/** The response of a stopped request: 503 with Retry-After instead of the 500 SvelteKit gave it. */
export function stoppedResponse(response: Response, scope: RequestScope, wantsJson: boolean): Response {
	if (!scope.stopped || response.status < 500) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(settings().queueSeconds));
	if (!wantsJson) return new Response(response.body, { status: 503, headers });
	headers.set('content-type', 'application/json');
	headers.delete('content-length');
	return new Response(JSON.stringify({ error: { message: stoppedMessage(scope.stopped) } }), { status: 503, headers });
}
