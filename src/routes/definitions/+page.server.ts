import { database } from '$lib/server/db/instance';
import { definitionsPage } from '$lib/server/definitions/respond';
import { currentLocale } from '$lib/ui/locale';
import type { PageServerLoad } from './$types';

// Analysts and above: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async () => definitionsPage(await database(), currentLocale());
