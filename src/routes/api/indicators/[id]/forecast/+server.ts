import { dataReader } from '$lib/server/db/instance';
import { forecastResponse } from '$lib/server/forecast/api';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) =>
	forecastResponse(await dataReader(), params.id, url, getLocale(), locals.access);
