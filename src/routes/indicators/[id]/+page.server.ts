import { error } from '@sveltejs/kit';
import { viewDimensions } from '$lib/domain/catalog';
import * as m from '$lib/paraglide/messages';
import { queryErrorMessage } from '$lib/server/api/errors';
import { dataReader, database } from '$lib/server/db/instance';
import { findIndicator } from '$lib/server/definitions/indicators';
import { configuredBoundaries } from '$lib/server/geo';
import { indicatorRange } from '$lib/server/metrics/as-of';
import { explorerView } from '$lib/server/views/explorer';
import { pageQuery } from '$lib/server/views/page-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const indicator = await findIndicator(await database(), params.id);
	if (!indicator) error(404, m.err_unknown_indicator({ id: params.id }));
	const db = await dataReader();
	// An indicator defined as data: its dataset's columns are the URL's dimensions, its dates the periods offered.
	const scope = indicator.defined ? { dimensions: viewDimensions(indicator), range: await indicatorRange(db, indicator) } : {};
	const { query, clip } = await pageQuery(db, url, locals.access, [], scope);
	const result = await explorerView(db, indicator, query, locals.access);
	if (!result.ok) error(400, result.errors.map(queryErrorMessage).join(' '));
	return { explorer: result.value, clip, boundaries: configuredBoundaries(), indicator, ...scope };
};
