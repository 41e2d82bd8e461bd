/**
 * Throttling of failed logins, kept in the database so a restart does not reset it: after
 * too many failures for one login, or from one address, within the window, attempts are
 * refused until the window has passed.
 */
import type { Queryable } from '../db/database';

export const THROTTLE = { windowMinutes: 15, perLogin: 5, perAddress: 20 };

/** Seconds until another attempt is allowed, or 0. */
export async function retryAfter(db: Queryable, login: string, address: string): Promise<number> {
	// Times are compared inside DuckDB only, so its time zone setting cannot skew them.
	const [row] = await db.query<{ by_login: number; by_address: number; wait_login: number | null; wait_address: number | null }>(
		`SELECT count(*) FILTER (WHERE login = $login) AS by_login,
			count(*) FILTER (WHERE address = $address) AS by_address,
			epoch(min(failed_at) FILTER (WHERE login = $login) + to_minutes($window::INTEGER) - now()::TIMESTAMP) AS wait_login,
			epoch(min(failed_at) FILTER (WHERE address = $address) + to_minutes($window::INTEGER) - now()::TIMESTAMP) AS wait_address
		FROM login_failures WHERE failed_at > now()::TIMESTAMP - to_minutes($window::INTEGER)`,
		{ login, address, window: THROTTLE.windowMinutes }
	);
	const wait = row.by_login >= THROTTLE.perLogin ? row.wait_login : row.by_address >= THROTTLE.perAddress ? row.wait_address : null;
	return wait === null ? 0 : Math.max(1, Math.ceil(wait));
}

export async function recordFailure(db: Queryable, login: string, address: string): Promise<void> {
	await db.run('INSERT INTO login_failures (login, address) VALUES ($login, $address)', { login, address });
	await db.run(`DELETE FROM login_failures WHERE failed_at <= now()::TIMESTAMP - to_minutes($window::INTEGER)`, {
		window: THROTTLE.windowMinutes
	});
}

export async function clearFailures(db: Queryable, login: string): Promise<void> {
	await db.run('DELETE FROM login_failures WHERE login = $login', { login });
}
