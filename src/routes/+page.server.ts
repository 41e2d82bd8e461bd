import { error } from '@sveltejs/kit';
import { indicatorById } from '$lib/domain/catalog';
import * as m from '$lib/paraglide/messages';
import { dataReader } from '$lib/server/db/instance';
import { configuredBoundaries } from '$lib/server/geo';
import { DEFAULT_FOCUS, overviewView } from '$lib/server/views/overview';
import { pageQuery } from '$lib/server/views/page-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await dataReader();
	const { query, clip } = await pageQuery(db, url, locals.access, ['focus']);
	const focus = url.searchParams.get('focus') || DEFAULT_FOCUS;
	if (!indicatorById(focus)) error(400, m.err_unknown_indicator({ id: focus }));
	return {
		overview: await overviewView(db, locals.access, query, focus),
		clip,
		boundaries: configuredBoundaries(),
		minCount: locals.access.minCount
	};
};
