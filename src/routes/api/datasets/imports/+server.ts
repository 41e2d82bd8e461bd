import { uploadResponse } from '$lib/server/api/imports';
import { database } from '$lib/server/db/instance';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Administrators only, same origin: hooks.server.ts enforces route-access.ts.
export const POST: RequestHandler = async ({ request, locals }) =>
	uploadResponse(await database(), request, locals.user!.login, currentLocale());
