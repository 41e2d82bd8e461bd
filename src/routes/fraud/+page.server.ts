import { dataReader } from '$lib/server/db/instance';
import { configuredBoundaries } from '$lib/server/geo';
import { pageQuery } from '$lib/server/views/page-query';
import { fraudView } from '$lib/server/views/fraud';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await dataReader();
	const { query, clip } = await pageQuery(db, url, locals.access);
	return {
		minCount: locals.access.minCount,
		fraud: await fraudView(db, locals.access, query),
		clip,
		boundaries: configuredBoundaries()
	};
};
