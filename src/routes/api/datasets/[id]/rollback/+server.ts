import { errorResponse, rollbackResponse } from '$lib/server/api/imports';
import { database } from '$lib/server/db/instance';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Administrators only, same origin: hooks.server.ts enforces route-access.ts.
export const POST: RequestHandler = async ({ params, request, locals }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id)) return errorResponse('unknown_dataset', { id: params.id }, currentLocale());
	const body = await request.json().catch(() => null);
	return rollbackResponse(await database(), id, body, locals.user!.login, currentLocale());
};
