import { error } from '@sveltejs/kit';
import { parsePractice } from '$lib/domain/practice/params';
import { queryErrorMessage } from '$lib/server/api/errors';
import { dataReader } from '$lib/server/db/instance';
import { practiceView } from '$lib/server/practice/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const state = parsePractice(url.searchParams);
	if (!state.ok) error(400, state.errors.map(queryErrorMessage).join(' '));
	const view = await practiceView(await dataReader(), locals.access, state.value);
	if (!view.ok) error(view.errors.some((e) => e.code === 'forbidden') ? 403 : 400, view.errors.map(queryErrorMessage).join(' '));
	return { state: state.value, view: view.value };
};
