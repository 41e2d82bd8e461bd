/**
 * Server-side sessions. The browser holds a random token in an HttpOnly cookie; the database
 * holds only its SHA-256, the user and the expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../domain/roles';
import type { Queryable } from '../db/database';

export const SESSION_COOKIE = 'session';

export interface SessionUser {
	id: number;
	login: string;
	role: Role;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: number, ttlHours: number): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(Date.now() + ttlHours * 3600_000);
	await db.run(
		`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($hash, $user, now()::TIMESTAMP + to_minutes($minutes::INTEGER))`,
		{ hash: hashToken(token), user: userId, minutes: Math.round(ttlHours * 60) }
	);
	return { token, expires };
}

/** The user of a live session, or null (unknown, expired, or the account disabled). */
export async function findSession(db: Queryable, token: string | undefined): Promise<SessionUser | null> {
	if (!token || token.length > 100) return null;
	const [row] = await db.query<{ user_id: number; login: string; role: Role }>(
		`SELECT u.user_id, u.login, u.role FROM sessions s JOIN users u USING (user_id)
		WHERE s.token_hash = $hash AND s.expires_at > now()::TIMESTAMP AND NOT u.disabled`,
		{ hash: hashToken(token) }
	);
	return row ? { id: row.user_id, login: row.login, role: row.role } : null;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
	await db.run('DELETE FROM sessions WHERE token_hash = $hash', { hash: hashToken(token) });
}

export async function purgeExpiredSessions(db: Queryable): Promise<number> {
	return db.run('DELETE FROM sessions WHERE expires_at <= now()::TIMESTAMP');
}
