import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/domain/roles';
import * as m from '$lib/paraglide/messages';
import { database } from '$lib/server/db/instance';
import { configuredBoundaries } from '$lib/server/geo';
import { datasetPage } from '$lib/server/views/datasets';
import type { PageServerLoad } from './$types';

// Analysts and above: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async ({ params, locals }) => {
	const id = Number(params.id);
	const page = Number.isInteger(id) ? await datasetPage(await database(), id, hasRole(locals.access.role, 'admin')) : null;
	if (!page) error(404, m.err_not_found());
	return { ...page, boundaries: configuredBoundaries() };
};
