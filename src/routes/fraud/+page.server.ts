import { error } from '@sveltejs/kit';
import { parseQuery } from '$lib/domain/query';
import { queryErrorMessage } from '$lib/server/api/errors';
import { database } from '$lib/server/db/instance';
import { fraudView } from '$lib/server/views/fraud';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.errors.map(queryErrorMessage).join(' '));
	return { query: parsed.value, minCount: locals.access.minCount, fraud: await fraudView(await database(), locals.access, parsed.value) };
};
