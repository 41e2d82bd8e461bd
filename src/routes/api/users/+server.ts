import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { createFromForm } from '$lib/server/views/users';
import type { RequestHandler } from './$types';

/**
 * Creates an account (`npm run user:add` against a running server): JSON `{ login, role,
 * password }`, checked by the same schema, with the same audit entry, as the Users page. Administrators only.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body: unknown = await request.json().catch(() => null);
	const result = await createFromForm(await database(), locals.user!.login, typeof body === 'object' && body !== null ? { ...body } : {});
	return result.ok ? json({ message: result.message }, { status: 201 }) : json({ error: { message: result.message } }, { status: 400 });
};
