/** Signing in: throttle, check the password, open a session. Says nothing about which part failed. */
import type { Queryable } from '../db/database';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { clearFailures, recordFailure, retryAfter } from './throttle';
import { findUserByLogin } from './users';

export type LoginResult =
	{ ok: true; token: string; expires: Date } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfter: number };

export async function login(
	db: Queryable,
	input: { login: string; password: string; address: string; ttlHours: number }
): Promise<LoginResult> {
	const name = input.login.trim().toLowerCase().slice(0, 64);
	const wait = await retryAfter(db, name, input.address);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfter: wait };
	const user = await findUserByLogin(db, name);
	// A password is checked even for unknown logins so that timing does not tell them apart.
	const valid = await verifyPassword(input.password.slice(0, 1024), user?.password_hash ?? DUMMY_HASH);
	if (!user || user.disabled || !valid) {
		await recordFailure(db, name, input.address);
		return { ok: false, reason: 'invalid' };
	}
	await clearFailures(db, name);
	return { ok: true, ...(await createSession(db, user.user_id, input.ttlHours)) };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';
