import { indicatorResponse } from '$lib/server/api/indicators';
import { dataReader, database } from '$lib/server/db/instance';
import { findIndicator } from '$lib/server/definitions/indicators';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) =>
	indicatorResponse(await dataReader(), params.id, await findIndicator(await database(), params.id), url, getLocale(), locals.access);
