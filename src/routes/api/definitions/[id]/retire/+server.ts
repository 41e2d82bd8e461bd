import { database } from '$lib/server/db/instance';
import { retireResponse } from '$lib/server/definitions/respond';
import type { RequestHandler } from './$types';

// Analysts and above, same origin: hooks.server.ts enforces route-access.ts.
export const POST: RequestHandler = async ({ params, locals }) => retireResponse(await database(), params.id, locals.user!.login);
