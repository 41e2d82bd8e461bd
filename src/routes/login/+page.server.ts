import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { SignInSchema } from '$lib/domain/accounts';
import * as m from '$lib/paraglide/messages';
import { DEVICE_COOKIE, DEVICE_DAYS } from '$lib/server/auth/devices';
import { login } from '$lib/server/auth/login';
import { safeNext } from '$lib/server/auth/redirect';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { settings } from '$lib/server/config';
import { database } from '$lib/server/db/instance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next')) });

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, setHeaders, url }) => {
		const form = Object.fromEntries(await request.formData());
		const name = typeof form.login === 'string' ? form.login : '';
		const entered = v.safeParse(SignInSchema, form);
		if (!entered.success) return fail(400, { login: name, message: m.login_missing() });
		const { password } = entered.output;
		const next = safeNext(entered.output.next);
		const result = await login(await database(), {
			login: name,
			password,
			// The client's address: the socket's, or ADDRESS_HEADER's behind a reverse proxy (adapter-node).
			address: getClientAddress(),
			device: cookies.get(DEVICE_COOKIE),
			ttlHours: settings().sessionTtlHours
		});
		if (!result.ok) {
			if (result.reason === 'invalid') return fail(400, { login: name, message: m.login_invalid() });
			setHeaders({ 'retry-after': String(result.retryAfter) });
			return fail(429, { login: name, message: m.login_throttled({ minutes: Math.ceil(result.retryAfter / 60) }) });
		}
		// Sent only to this page: it lets this browser sign in whatever guessing goes on elsewhere.
		cookies.set(DEVICE_COOKIE, result.device, {
			path: '/login',
			httpOnly: true,
			sameSite: 'strict',
			secure: url.protocol === 'https:',
			maxAge: DEVICE_DAYS * 24 * 3600
		});
		cookies.set(SESSION_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: result.expires
		});
		redirect(303, next);
	}
};
