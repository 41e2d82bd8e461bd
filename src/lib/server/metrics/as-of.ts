/** The as-of date of the data: the latest date any fact carries. Periods default to it. */
import { isoDate } from '../../domain/period';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';

const cache = new WeakMap<Queryable, { revision: number; asOf: string }>();

export async function dataAsOf(db: Queryable): Promise<string> {
	const revision = dataRevision();
	const hit = cache.get(db);
	if (hit?.revision === revision) return hit.asOf;
	const [row] = await db.query<{ as_of: string | null }>(
		`SELECT max(d) AS as_of FROM (
			SELECT max(filed_date) AS d FROM cases UNION ALL SELECT max(decided_date) FROM cases
			UNION ALL SELECT max(registered_date) FROM fraud UNION ALL SELECT max(period_end) FROM court_stats
		)`
	);
	const asOf = row.as_of ?? isoDate(new Date());
	cache.set(db, { revision, asOf });
	return asOf;
}
