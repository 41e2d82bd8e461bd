/** The dates the data covers: the as-of date is the latest date any fact carries. Periods default to it. */
import { measureFacts, type Indicator } from '../../domain/catalog';
import { isoDate } from '../../domain/period';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { runtimeRange } from './defined';
import { isCatalogFact } from './facts';

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

/**
 * The dates an indicator's data covers: those of all the data, or, for an indicator defined on
 * an uploaded dataset, the dataset's own (its periods default to the last 12 months of it).
 */
export async function indicatorRange(db: Queryable, indicator: Indicator): Promise<DataRange> {
	const facts = measureFacts(indicator.measure);
	if (facts.some(isCatalogFact)) return dataRange(db);
	const ranges = facts.map((f) => runtimeRange(f));
	const firsts = ranges.map((r) => r?.first).filter((d): d is string => !!d);
	const lasts = ranges.map((r) => r?.last).filter((d): d is string => !!d);
	return {
		first: firsts.length ? firsts.reduce((a, b) => (a < b ? a : b)) : null,
		asOf: lasts.length ? lasts.reduce((a, b) => (a > b ? a : b)) : (await dataRange(db)).asOf
	};
}
