import { database } from '$lib/server/db/instance';
import { listResponse, saveResponse } from '$lib/server/definitions/respond';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Analysts and above, same origin: hooks.server.ts enforces route-access.ts.
export const GET: RequestHandler = async ({ url }) => listResponse(await database(), url.searchParams.get('all') === '1');

export const POST: RequestHandler = async ({ request, locals }) =>
	saveResponse(await database(), await request.json().catch(() => null), locals.user!.login, currentLocale());
