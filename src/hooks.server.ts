import { redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { hasRole } from '$lib/domain/roles';
import { isWrite, nearestView, requiredRole } from '$lib/domain/route-access';
import * as m from '$lib/paraglide/messages';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { settings } from '$lib/server/config';
import { database, isReadReplica, sessionUser } from '$lib/server/db/instance';
import { workloadWeights } from '$lib/server/forecast/weights';
import { deadlines } from '$lib/server/metrics/deadlines';
import { refuseStart } from '$lib/server/startup';
import { compress } from '$lib/server/http/compress';
import { inRequestScope } from '$lib/server/limits/scope';
import { stoppedByLimit, stoppedResponse } from '$lib/server/limits/stopped';
import { denied, NOTICE_COOKIE, wantsJson } from '$lib/server/security/denied';
import { withSecurityHeaders } from '$lib/server/security/headers';
import { localAdmin } from '$lib/server/cli/access';
import { refusedWrite, sameOrigin } from '$lib/server/security/origin';
import { parseTheme, THEME_COOKIE } from '$lib/domain/theme';

/**
 * Reads the settings files and opens (on first start fills) the database before the first request
 * is served. A bad setting, a malformed LIMITS_FILE or WORKLOAD_WEIGHTS_FILE or a database that
 * cannot be opened stops the start with one line saying what and where, not a page with an
 * internal error later.
 */
export const init: ServerInit = async () => {
	try {
		settings();
		workloadWeights();
		deadlines();
		await database();
	} catch (error) {
		refuseStart(error);
	}
};

/** Pages and API answers go out compressed (adapter-node precompresses only the static files). */
const compression: Handle = async ({ event, resolve }) => compress(event.request, await resolve(event));

const headers: Handle = async ({ event, resolve }) => withSecurityHeaders(await resolve(event));

/**
 * Every request runs in its own scope: its statements stop when its client goes away, and a
 * request stopped by a limit (time, load) answers 503 with Retry-After.
 */
const limits: Handle = ({ event, resolve }) =>
	inRequestScope(event.request.signal, async (scope) => stoppedResponse(await resolve(event), scope, wantsJson(event.request, event.url)));

const language: Handle = ({ event, resolve }) => {
	const original = event.request;
	return paraglideMiddleware(original, ({ request, locale }) => {
		event.request = request;
		// The middleware hands on a clone: the body is teed, and a tee keeps in memory whatever
		// one side has not read. The original's side is never read, so it is let go; otherwise
		// an upload would be held in memory whole.
		if (request !== original) original.body?.cancel().catch(() => undefined);
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});
};

/** The colour theme is written into <html data-theme> on the server, so the first paint is already right. */
const theme: Handle = ({ event, resolve }) => {
	event.locals.theme = parseTheme(event.cookies.get(THEME_COOKIE));
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%theme%', event.locals.theme) });
};

const session: Handle = async ({ event, resolve }) => {
	const user = localAdmin(event.request) ?? (await sessionUser(event.cookies.get(SESSION_COOKIE)));
	event.locals.user = user;
	event.locals.access = { role: user?.role ?? 'public', minCount: settings().minCount };
	return resolve(event);
};

/** The sign-in page (with the site's header) for a page that needs a session, answering 401; it returns to the page after. */
async function signInInstead(event: RequestEvent): Promise<Response> {
	const page = await event.fetch(`/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`, {
		headers: { accept: 'text/html', 'accept-language': event.request.headers.get('accept-language') ?? '' }
	});
	return new Response(page.body, { status: 401, headers: page.headers });
}

/** Every route and method is checked here against route-access.ts, before any load or action runs. */
const guard: Handle = async ({ event, resolve }) => {
	const { request, url, route, locals } = event;
	if (route.id) {
		if (isWrite(request.method) && isReadReplica()) return denied(request, url, 403, m.replica_read_only());
		if (isWrite(request.method) && !sameOrigin(request, url)) return refusedWrite(request, url);
		const needed = requiredRole(route.id, request.method);
		if (!hasRole(locals.access.role, needed)) {
			const page = request.method === 'GET' && (event.isDataRequest || !wantsJson(request, url));
			// A person following a link to a page above their role gets the nearest view they may open, and a note saying why.
			if (page && locals.user) {
				event.cookies.set(NOTICE_COOKIE, needed, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
				redirect(303, nearestView(route.id, url, locals.access.role));
			}
			// Without a session: the sign-in page, with the site's header, answering 401.
			if (page) return signInInstead(event);
			return locals.user ? denied(request, url, 403, m.err_forbidden()) : denied(request, url, 401, m.err_login_required());
		}
	}
	return resolve(event);
};

export const handle = sequence(compression, headers, limits, language, theme, session, guard);

/** Unexpected errors are logged in full on the server and shown to users only as a plain message. */
export const handleError: HandleServerError = ({ error, status }) => {
	const stopped = stoppedByLimit(error);
	if (stopped) return { message: stopped };
	if (status !== 404) console.error(error);
	return { message: status === 404 ? m.err_not_found() : m.err_internal() };
};
