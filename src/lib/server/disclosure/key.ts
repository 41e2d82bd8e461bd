/**
 * The secret the public figures' perturbation is keyed with. It is created at random with the
 * database (migration 7) and kept in it, so that it stays the same across restarts, and read
 * replicas, which serve copies of the database, publish the very same figures as the writer:
 * a figure that changed with each restart or replica could be averaged back to the truth.
 */
import type { Queryable } from '../db/database';

const keys = new WeakMap<Queryable, Promise<string>>();

async function read(db: Queryable): Promise<string> {
	const [row] = await db.query<{ secret: string }>('SELECT secret FROM disclosure_key LIMIT 1');
	if (!row) throw new Error('the database has no disclosure key (migration 7 did not run)');
	return row.secret;
}

export function disclosureKey(db: Queryable): Promise<string> {
	let key = keys.get(db);
	if (!key) {
		key = read(db);
		key.catch(() => keys.delete(db));
		keys.set(db, key);
	}
	return key;
}
