import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/api/errors';
import { database } from '$lib/server/db/instance';
import { caseList, parseCaseParams } from '$lib/server/views/cases';
import type { RequestHandler } from './$types';

/** The case records behind a figure: `indicator`, the view query, `sort`, `dir`, `page`. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = parseCaseParams(url.searchParams, locals.access);
	if (!parsed.ok) return badRequest(parsed.errors);
	return json(await caseList(await database(), parsed.value));
};
