import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { createFromForm } from '$lib/server/views/users';
import type { RequestHandler } from './$types';

/**
 * Creates an account (`npm run user:add` against a running server): JSON `{ login, role,
 * password }`, the same checks and audit entry as the Users page. Administrators only.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
	const form = new FormData();
	for (const key of ['login', 'role', 'password']) form.set(key, typeof body?.[key] === 'string' ? body[key] : '');
	const result = await createFromForm(await database(), locals.user!.login, form);
	return result.ok ? json({ message: result.message }, { status: 201 }) : json({ error: { message: result.message } }, { status: 400 });
};
