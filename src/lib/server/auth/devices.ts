/**
 * Device cookies (OWASP): a browser that has signed in to a login gets a random token, kept in
 * an HttpOnly cookie sent only to /login; the database holds its hash. Attempts presenting it
 * count only against that browser, so guessing from elsewhere cannot lock its user out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const DEVICE_COOKIE = 'device';
export const DEVICE_DAYS = 180;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The hash of the browser's device token when it has signed in to this login before, else null. */
export async function knownDevice(db: Queryable, login: string, token: string | undefined): Promise<string | null> {
	if (!token || token.length > 100) return null;
	const [row] = await db.query<{ h: string }>(
		`SELECT token_hash AS h FROM login_devices WHERE token_hash = $hash AND login = $login AND expires_at > now()::TIMESTAMP`,
		{ hash: hash(token), login }
	);
	return row?.h ?? null;
}

/**
 * Remembers the browser for this login; returns its token: the one it had when this server
 * issued it (one browser, several logins), else a new one.
 */
export async function rememberDevice(db: Queryable, login: string, token: string | undefined): Promise<string> {
	const issued =
		token && token.length <= 100 && (await db.query('SELECT 1 FROM login_devices WHERE token_hash = $hash', { hash: hash(token) })).length;
	const kept = issued ? token : randomBytes(32).toString('base64url');
	await db.run(
		`INSERT OR REPLACE INTO login_devices (token_hash, login, expires_at) VALUES ($hash, $login, now()::TIMESTAMP + to_days($days::INTEGER))`,
		{ hash: hash(kept), login, days: DEVICE_DAYS }
	);
	await db.run(`DELETE FROM login_devices WHERE expires_at <= now()::TIMESTAMP`);
	return kept;
}
