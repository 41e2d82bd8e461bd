import { redirect } from '@sveltejs/kit';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { database } from '$lib/server/db/instance';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await deleteSession(await database(), token);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/');
};
