import { error } from '@sveltejs/kit';
import { queryErrorMessage } from '$lib/server/api/errors';
import { database } from '$lib/server/db/instance';
import { caseList, parseCaseParams } from '$lib/server/views/cases';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseCaseParams(url.searchParams, locals.access);
	if (!parsed.ok) error(400, parsed.errors.map(queryErrorMessage).join(' '));
	return { list: await caseList(await database(), parsed.value) };
};
