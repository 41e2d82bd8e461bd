import { json } from '@sveltejs/kit';
import { parsePractice } from '$lib/domain/practice/params';
import { badRequest } from '$lib/server/api/errors';
import { dataReader } from '$lib/server/db/instance';
import { practiceView } from '$lib/server/practice/view';
import type { RequestHandler } from './$types';

/** The practice explorer's figures as JSON, for the same URL parameters as /practice. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const state = parsePractice(url.searchParams);
	if (!state.ok) return badRequest(state.errors);
	const view = await practiceView(await dataReader(), locals.access, state.value);
	return view.ok ? json(view.value) : badRequest(view.errors);
};
