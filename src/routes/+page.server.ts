import { error } from '@sveltejs/kit';
import { indicatorById } from '$lib/domain/catalog';
import * as m from '$lib/paraglide/messages';
import { dataReader, database } from '$lib/server/db/instance';
import { indicatorsInForce } from '$lib/server/definitions/indicators';
import { configuredBoundaries } from '$lib/server/geo';
import { DEFAULT_FOCUS, overviewView } from '$lib/server/views/overview';
import { pageQuery } from '$lib/server/views/page-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await dataReader();
	const { query, clip } = await pageQuery(db, url, locals.access, ['focus']);
	const focus = url.searchParams.get('focus') || DEFAULT_FOCUS;
	if (!indicatorById(focus)) error(400, m.err_unknown_indicator({ id: focus }));
	const defined = (await indicatorsInForce(await database())).filter((i) => i.defined);
	return {
		overview: await overviewView(db, locals.access, query, focus, defined),
		clip,
		boundaries: configuredBoundaries()
	};
};
