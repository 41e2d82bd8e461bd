import { hasRole } from '$lib/domain/roles';
import { settings } from '$lib/server/config';
import { database } from '$lib/server/db/instance';
import { dataPage } from '$lib/server/views/datasets';
import type { PageServerLoad } from './$types';

// Analysts and above read this page, administrators upload: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async ({ locals }) => {
	const s = settings();
	return dataPage(await database(), hasRole(locals.access.role, 'admin'), { maxBytes: s.uploadMaxBytes, threshold: s.rejectThreshold });
};
