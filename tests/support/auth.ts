/**
 * Test accounts (one per role) and signing in through the real login form, for HTTP and
 * browser tests. The accounts are created in the fixture database by the global setup.
 */
import type { BrowserContext } from 'playwright-core';
import type { Role } from '../../src/lib/domain/roles';
import { createUser } from '../../src/lib/server/auth/users';
import type { Queryable } from '../../src/lib/server/db/database';

export type SignedInRole = Exclude<Role, 'public'>;

export const TEST_USERS: Record<SignedInRole, { login: string; password: string }> = {
	judge: { login: 'judge.test', password: 'judge-password-1' },
	analyst: { login: 'analyst.test', password: 'analyst-password-1' },
	admin: { login: 'admin.test', password: 'admin-password-1' }
};

export async function createTestUsers(db: Queryable): Promise<void> {
	for (const [role, user] of Object.entries(TEST_USERS)) await createUser(db, user.login, role, user.password);
}

/** Signs in by posting the login form; returns the session cookie ("session=…"). */
export async function sessionCookie(base: string, role: SignedInRole): Promise<string> {
	const { login, password } = TEST_USERS[role];
	return signIn(base, login, password);
}

/** Posts the login form as `login`; returns the session cookie ("session=…"). */
export async function signIn(base: string, login: string, password: string): Promise<string> {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		// Without accept: text/html SvelteKit answers a form post as a JSON action result.
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login, password, next: '/' }),
		redirect: 'manual'
	});
	// The login also sets a device cookie (for the sign-in backoff): take the session's.
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (response.status !== 303 || !cookie) throw new Error(`login as ${login} failed: ${response.status}`);
	return cookie.split(';')[0];
}

/** Signs a browser context in as `role` (the context then carries the session cookie). */
export async function loginAs(context: BrowserContext, base: string, role: SignedInRole): Promise<void> {
	await addSession(context, base, await sessionCookie(base, role));
}

async function addSession(context: BrowserContext, base: string, cookie: string): Promise<void> {
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
}

/**
 * `loginAs` with one session per server and role, shared by the contexts it signs in: for files
 * that open many pages only to read them (each sign-in costs the server a deliberately slow
 * scrypt hash). Not for contexts that sign out or change their account.
 */
export function sharedLogin(): typeof loginAs {
	const cookies = new Map<string, Promise<string>>();
	return async (context, base, role) => {
		const key = `${base} ${role}`;
		if (!cookies.has(key)) cookies.set(key, sessionCookie(base, role));
		await addSession(context, base, await cookies.get(key)!);
	};
}
