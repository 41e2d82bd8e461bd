/**
 * From when each table's data is complete: the first month holding at least half the median
 * monthly volume. Earlier rows exist (the backlog pending on the first day, the history of a
 * matter reviewed later) but a month of them is no base to compare with.
 */
import type { FactId } from '../../domain/catalog';
import type { Queryable } from '../db/database';
import { dataRevision } from './revision';

type Table = 'cases' | 'fraud' | 'court_stats';

const EVENT: Record<Table, string> = { cases: 'filed_date', fraud: 'registered_date', court_stats: 'period_start' };

/** The tables a fact reads. */
const TABLES: Record<FactId, Table[]> = {
	cases: ['cases'],
	appeals: ['cases'],
	reviews: ['cases'],
	fraud: ['fraud'],
	fraud_verdicts: ['fraud', 'cases'],
	fraud_reviews: ['fraud', 'cases'],
	court_stats: ['court_stats']
};

const cache = new WeakMap<Queryable, { revision: number; from: Record<Table, string | null> }>();

async function tableFrom(db: Queryable, table: Table): Promise<string | null> {
	const [row] = await db.query<{ from: string | null }>(
		`WITH m AS (SELECT date_trunc('month', ${EVENT[table]}) AS m, count(*) AS n FROM ${table} GROUP BY 1)
		SELECT strftime(min(m) FILTER (WHERE n >= 0.5 * (SELECT median(n) FROM m)), '%Y-%m-%d') AS "from" FROM m`
	);
	return row?.from ?? null;
}

/** First day of complete data for the facts a figure reads (the latest of their tables); null without data. */
export async function dataFrom(db: Queryable, facts: readonly FactId[]): Promise<string | null> {
	const revision = dataRevision();
	let hit = cache.get(db);
	if (hit?.revision !== revision) {
		const tables = Object.keys(EVENT) as Table[];
		const values = await Promise.all(tables.map((t) => tableFrom(db, t)));
		hit = { revision, from: Object.fromEntries(tables.map((t, i) => [t, values[i]])) as Record<Table, string | null> };
		cache.set(db, hit);
	}
	const found = [...new Set(facts.flatMap((f) => TABLES[f]))].map((t) => hit.from[t]).filter((d): d is string => d !== null);
	return found.length ? found.reduce((a, b) => (a > b ? a : b)) : null;
}
