import { error } from '@sveltejs/kit';
import { parsePractice } from '$lib/domain/practice/params';
import { queryErrorMessage } from '$lib/server/api/errors';
import { dataReader } from '$lib/server/db/instance';
import { practiceSections } from '$lib/server/practice/view';
import type { PageServerLoad } from './$types';

/** The frame and forms come at once; each section's figures are streamed as they are ready. */
export const load: PageServerLoad = async ({ url, locals, parent }) => {
	const state = parsePractice(url.searchParams);
	if (!state.ok) error(400, state.errors.map(queryErrorMessage).join(' '));
	// The frame's few statements first: the sections' many would otherwise hold the connections it waits for.
	await parent();
	const view = await practiceSections(await dataReader(), locals.access, state.value);
	if (!view.ok) error(view.errors.some((e) => e.code === 'forbidden') ? 403 : 400, view.errors.map(queryErrorMessage).join(' '));
	const { funnel, ...rest } = view.value;
	return {
		state: state.value,
		view: {
			...rest,
			// A parameter the plot cannot use is said in the section, in the user's language.
			funnel: funnel.then((f) => (f.ok ? f : { ok: false as const, message: f.errors.map(queryErrorMessage).join(' ') }))
		}
	};
};
