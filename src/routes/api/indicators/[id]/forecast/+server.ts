import { dataReader, database } from '$lib/server/db/instance';
import { findIndicator } from '$lib/server/definitions/indicators';
import { forecastResponse } from '$lib/server/forecast/api';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) =>
	forecastResponse(await dataReader(), params.id, await findIndicator(await database(), params.id), url, getLocale(), locals.access);
