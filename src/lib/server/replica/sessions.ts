/**
 * Whose session a request carries. Sessions live in the writer's database: a reader asks the
 * writer (WRITER_URL) about a session it has not seen for a few seconds, so that sign-ins and
 * sign-outs count at once on every process; while the writer cannot be reached, the reader's
 * published copy decides (sessions begun before that copy).
 */
import { findSession, SESSION_COOKIE, type SessionUser } from '../auth/sessions';
import type { Queryable } from '../db/database';

const FRESH_MS = 5_000;
const MAX_ENTRIES = 10_000;
const known = new Map<string, { user: SessionUser | null; at: number }>();

async function askWriter(writerUrl: string, token: string): Promise<SessionUser | null> {
	const response = await fetch(new URL('/api/session', writerUrl), {
		headers: { cookie: `${SESSION_COOKIE}=${token}`, accept: 'application/json' },
		signal: AbortSignal.timeout(2_000)
	});
	if (!response.ok) throw new Error(`the writer answered ${response.status}`);
	return ((await response.json()) as { user: SessionUser | null }).user;
}

export async function replicaSession(copy: Queryable, writerUrl: string, token: string | undefined): Promise<SessionUser | null> {
	if (!token || token.length > 100) return null;
	const seen = known.get(token);
	if (seen && Date.now() - seen.at < FRESH_MS) return seen.user;
	let user: SessionUser | null;
	try {
		user = writerUrl ? await askWriter(writerUrl, token) : await findSession(copy, token);
	} catch {
		user = await findSession(copy, token);
	}
	known.delete(token);
	known.set(token, { user, at: Date.now() });
	if (known.size > MAX_ENTRIES) known.delete(known.keys().next().value!);
	return user;
}
