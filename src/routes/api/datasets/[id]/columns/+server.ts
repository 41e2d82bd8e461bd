import { database } from '$lib/server/db/instance';
import { columnSettingResponse } from '$lib/server/other/respond';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Administrators only, same origin: hooks.server.ts enforces route-access.ts.
export const POST: RequestHandler = async ({ params, request, locals }) =>
	columnSettingResponse(await database(), params.id, await request.json().catch(() => null), locals.user!.login, currentLocale());
