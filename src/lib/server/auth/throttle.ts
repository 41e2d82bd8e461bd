/**
 * Slowing down password guessing without letting an attacker lock the real user out, kept in
 * the database so that a restart does not reset it. Failures count within a window:
 * - per login and address: a few free failures, then each further attempt waits twice as long
 *   as the one before (30 s, 1 min, 2 min … up to the window), so one address gets a handful of
 *   guesses an hour at a login, and locks out only itself;
 * - per login from anywhere not known: beyond PER_LOGIN failures, attempts from browsers that
 *   have never signed in to that login wait for the window — a guesser spread over many
 *   addresses is bounded too — while a browser that has (its device cookie, devices.ts) still
 *   signs in; its own failures count only against itself;
 * - per address over all logins (spraying one password over many accounts): the same for
 *   browsers without a device cookie.
 * Each attempt is counted as a failure before its password is checked, in one step with the
 * check of the limits (serialised in this process, which alone opens the database), so
 * parallel guesses cannot all be checked; a success removes its own count.
 */
import type { Queryable } from '../db/database';

export const THROTTLE = {
	windowMinutes: 60,
	/** Failures of one login from one address (or one device) before waits begin. */
	free: 5,
	/** The first wait; each further failure doubles it, up to the window. */
	firstWaitSeconds: 30,
	/** Failures of one login from unknown browsers, over all addresses. */
	perLogin: 30,
	/** Failures from one address, over all logins, from unknown browsers. */
	perAddress: 100
};

export interface Attempt {
	login: string;
	address: string;
	/** Hash of a device cookie that has signed in to this login before (devices.ts), or null. */
	device: string | null;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `fn` after every earlier call has finished: check-and-count is one step. */
function exclusively<T>(fn: () => Promise<T>): Promise<T> {
	const next = queue.then(fn);
	queue = next.catch(() => undefined);
	return next;
}

interface Counts {
	own: number;
	own_last_age: number | null;
	by_login: number;
	login_wait: number | null;
	by_address: number;
	address_wait: number | null;
}

/** Seconds still to wait after `failures` failures, the last one `age` seconds ago. */
function backoff(failures: number, age: number | null): number {
	if (failures < THROTTLE.free || age === null) return 0;
	const wait = Math.min(THROTTLE.firstWaitSeconds * 2 ** (failures - THROTTLE.free), THROTTLE.windowMinutes * 60);
	return Math.max(0, wait - age);
}

/**
 * Counts the attempt (as a failure, until `succeeded` removes it) unless it must wait; returns
 * the seconds to wait, or 0 when the attempt may go on to the password check.
 */
export function reserveAttempt(db: Queryable, attempt: Attempt): Promise<number> {
	return exclusively(async () => {
		// Times are compared inside DuckDB only, so its time zone setting cannot skew them.
		const [c] = await db.query<Counts>(
			`SELECT
				count(*) FILTER (WHERE own) AS own,
				epoch(now()::TIMESTAMP - max(failed_at) FILTER (WHERE own)) AS own_last_age,
				count(*) FILTER (WHERE login = $login AND device IS NULL) AS by_login,
				epoch(min(failed_at) FILTER (WHERE login = $login AND device IS NULL) + to_minutes($window::INTEGER) - now()::TIMESTAMP) AS login_wait,
				count(*) FILTER (WHERE address = $address AND device IS NULL) AS by_address,
				epoch(min(failed_at) FILTER (WHERE address = $address AND device IS NULL) + to_minutes($window::INTEGER) - now()::TIMESTAMP) AS address_wait
			FROM (SELECT *, login = $login AND (CASE WHEN $device::VARCHAR IS NULL THEN device IS NULL AND address = $address ELSE device = $device END) AS own
				FROM login_failures WHERE failed_at > now()::TIMESTAMP - to_minutes($window::INTEGER))`,
			{ login: attempt.login, address: attempt.address, device: attempt.device, window: THROTTLE.windowMinutes }
		);
		const waits = [backoff(c.own, c.own_last_age)];
		if (!attempt.device) {
			if (c.by_login >= THROTTLE.perLogin) waits.push(c.login_wait ?? 0);
			if (c.by_address >= THROTTLE.perAddress) waits.push(c.address_wait ?? 0);
		}
		const wait = Math.max(...waits);
		if (wait > 0) return Math.ceil(wait);
		await db.run(`INSERT INTO login_failures (login, address, device) VALUES ($login, $address, $device)`, {
			login: attempt.login,
			address: attempt.address,
			device: attempt.device
		});
		await db.run(`DELETE FROM login_failures WHERE failed_at <= now()::TIMESTAMP - to_minutes($window::INTEGER)`, {
			window: THROTTLE.windowMinutes
		});
		return 0;
	});
}

/** After a right password: the failures of this login from this browser (address or device) are forgotten. */
export function succeeded(db: Queryable, attempt: Attempt): Promise<void> {
	return exclusively(async () => {
		await db.run(
			`DELETE FROM login_failures WHERE login = $login AND (address = $address AND device IS NULL OR device = $device::VARCHAR)`,
			{ login: attempt.login, address: attempt.address, device: attempt.device }
		);
	});
}
