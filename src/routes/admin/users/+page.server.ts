import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { createFromForm, deleteFromForm, formEntries, listUsers, updateFromForm, type ActionResult } from '$lib/server/views/users';
import type { Actions, PageServerLoad } from './$types';

// Only administrators reach this route: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async () => ({ users: await listUsers(await database()) });

const respond = (result: ActionResult) => (result.ok ? result : fail(400, result));

export const actions: Actions = {
	create: async ({ request, locals }) =>
		respond(await createFromForm(await database(), locals.user!.login, formEntries(await request.formData()))),
	update: async ({ request, locals }) =>
		respond(await updateFromForm(await database(), locals.user!.login, formEntries(await request.formData()))),
	delete: async ({ request, locals }) =>
		respond(await deleteFromForm(await database(), locals.user!.login, formEntries(await request.formData())))
};
