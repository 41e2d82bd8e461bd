import { indicatorResponse } from '$lib/server/api/indicators';
import { dataReader } from '$lib/server/db/instance';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) =>
	indicatorResponse(await dataReader(), params.id, url, getLocale(), locals.access);
