import { indicatorResponse } from '$lib/server/api/indicators';
import { database } from '$lib/server/db/instance';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) =>
	indicatorResponse(await database(), params.id, url, getLocale(), locals.access);
