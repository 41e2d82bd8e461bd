/** The dates the data covers: the as-of date is the latest date any fact carries. Periods default to it. */
import { isoDate } from '../../domain/period';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';

export interface DataRange {
	/** The earliest date any fact carries (null: no data). */
	first: string | null;
	asOf: string;
}

const cache = new WeakMap<Queryable, { revision: number; range: DataRange }>();

export async function dataRange(db: Queryable): Promise<DataRange> {
	const revision = dataRevision();
	const hit = cache.get(db);
	if (hit?.revision === revision) return hit.range;
	const [row] = await db.query<{ first: string | null; as_of: string | null }>(
		`SELECT min(lo) AS first, max(hi) AS as_of FROM (
			SELECT min(filed_date) AS lo, max(filed_date) AS hi FROM cases UNION ALL SELECT NULL, max(decided_date) FROM cases
			UNION ALL SELECT min(registered_date), max(registered_date) FROM fraud
			UNION ALL SELECT min(period_start), max(period_end) FROM court_stats
		)`
	);
	const range = { first: row.first, asOf: row.as_of ?? isoDate(new Date()) };
	cache.set(db, { revision, range });
	return range;
}

export async function dataAsOf(db: Queryable): Promise<string> {
	return (await dataRange(db)).asOf;
}
