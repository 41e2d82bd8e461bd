import { database, dataReader } from '$lib/server/db/instance';
import { indicatorsInForce } from '$lib/server/definitions/indicators';
import { configuredBoundaries } from '$lib/server/geo';
import { pageQuery } from '$lib/server/views/page-query';
import { wallView } from '$lib/server/views/wall';
import { wallConfig } from '$lib/server/wall/config';
import type { PageServerLoad } from './$types';

// Open to all; the panels a role may not see are left out (domain/wall.ts).
export const load: PageServerLoad = async ({ locals, url, depends }) => {
	depends('app:wall');
	const db = await dataReader();
	const { query } = await pageQuery(db, url, locals.access);
	const defined = (await indicatorsInForce(await database())).filter((i) => i.defined);
	return {
		wall: await wallView(db, locals.access, await wallConfig(await database()), query, defined),
		boundaries: configuredBoundaries(),
		minCount: locals.access.minCount
	};
};
