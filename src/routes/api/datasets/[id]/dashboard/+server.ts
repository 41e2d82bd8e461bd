import { database } from '$lib/server/db/instance';
import { dashboardResponse } from '$lib/server/other/respond';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Analysts and above: hooks.server.ts enforces route-access.ts.
export const GET: RequestHandler = async ({ params, url }) => dashboardResponse(await database(), params.id, url, currentLocale());
