import { dataReader } from '$lib/server/db/instance';
import { configuredBoundaries } from '$lib/server/geo';
import { pageQuery } from '$lib/server/views/page-query';
import { fraudView } from '$lib/server/views/fraud';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => ({
	minCount: locals.access.minCount,
	fraud: await fraudView(await dataReader(), locals.access, pageQuery(url, locals.access)),
	boundaries: configuredBoundaries()
});
