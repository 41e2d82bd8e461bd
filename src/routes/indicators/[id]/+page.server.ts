import { error } from '@sveltejs/kit';
import { indicatorById } from '$lib/domain/catalog';
import * as m from '$lib/paraglide/messages';
import { queryErrorMessage } from '$lib/server/api/errors';
import { dataReader } from '$lib/server/db/instance';
import { configuredBoundaries } from '$lib/server/geo';
import { explorerView } from '$lib/server/views/explorer';
import { pageQuery } from '$lib/server/views/page-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const indicator = indicatorById(params.id);
	if (!indicator) error(404, m.err_unknown_indicator({ id: params.id }));
	const db = await dataReader();
	const { query, clip } = await pageQuery(db, url, locals.access);
	const result = await explorerView(db, indicator, query, locals.access);
	if (!result.ok) error(400, result.errors.map(queryErrorMessage).join(' '));
	return { explorer: result.value, clip, boundaries: configuredBoundaries(), minCount: locals.access.minCount };
};
