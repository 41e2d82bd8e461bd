/** Signing in: throttle, check the password, open a session. Says nothing about which part failed. */
import type { Queryable } from '../db/database';
import { knownDevice, rememberDevice } from './devices';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { reserveAttempt, succeeded } from './throttle';
import { findUserByLogin } from './users';

export type LoginResult =
	| { ok: true; token: string; expires: Date; device: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfter: number };

export async function login(
	db: Queryable,
	input: { login: string; password: string; address: string; device?: string; ttlHours: number }
): Promise<LoginResult> {
	const name = input.login.trim().toLowerCase().slice(0, 64);
	const attempt = { login: name, address: input.address, device: await knownDevice(db, name, input.device) };
	const wait = await reserveAttempt(db, attempt);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfter: wait };
	const user = await findUserByLogin(db, name);
	// A password is checked even for unknown logins so that timing does not tell them apart.
	const valid = await verifyPassword(input.password.slice(0, 1024), user?.password_hash ?? DUMMY_HASH);
	if (!user || user.disabled || !valid) return { ok: false, reason: 'invalid' };
	await succeeded(db, attempt);
	const device = await rememberDevice(db, name, input.device);
	return { ok: true, device, ...(await createSession(db, user.user_id, input.ttlHours)) };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';
