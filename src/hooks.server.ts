import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { database } from '$lib/server/db/instance';
import { settings } from '$lib/server/config';
import * as m from '$lib/paraglide/messages';

/** Opens (and on first start fills) the database before the first request is served. */
export const init: ServerInit = async () => {
	await database();
};

export const handle: Handle = ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.access = { role: 'public', minCount: settings().minCount };
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

/** Unexpected errors are logged in full on the server and shown to users only as a plain message. */
export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? m.err_not_found() : m.err_internal() };
};
