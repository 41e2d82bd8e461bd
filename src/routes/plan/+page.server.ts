import { error } from '@sveltejs/kit';
import { parsePlan, PLAN_PARAMS } from '$lib/domain/forecast/plan-query';
import { queryErrorMessage } from '$lib/server/api/errors';
import { dataReader } from '$lib/server/db/instance';
import { planBaseline } from '$lib/server/forecast/plan';
import { pageQuery } from '$lib/server/views/page-query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await dataReader();
	const { query } = await pageQuery(db, url, locals.access, PLAN_PARAMS);
	const { errors } = parsePlan(url.searchParams);
	if (errors.length) error(400, errors.map(queryErrorMessage).join(' '));
	const result = await planBaseline(db, query, locals.access);
	if (!result.ok) error(400, result.errors.map(queryErrorMessage).join(' '));
	return { plan: result.value, asOf: result.value.asOf };
};
