/**
 * From when the data of what a figure counts is complete: for each table, the first month that
 * holds at least half its median monthly volume. Earlier rows exist (a backlog pending on the
 * first day, the history of a matter reviewed later) but are no base to compare a figure with:
 * a 2019 quarter against the 2018 remnant read "+30 080 %". Read once per data revision.
 */
import type { EventId, FactRef } from '../../domain/catalog';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { startColumns } from './coverage';
import { FACTS, isCatalogFact } from './facts';

/**
 * The columns that date a table's events (identifiers of code, not of input): a table is complete
 * from the first month in which each of them is. Filings of December 2018 are many (the backlog
 * pending on 1 January 2019), their decisions few.
 */
const EVENTS: Record<string, readonly string[]> = {
	cases: ['filed_date', 'decided_date'],
	fraud: ['registered_date'],
	court_stats: ['period_start']
};

const cache = new WeakMap<Queryable, { revision: number; from: Map<string, string | null> }>();

async function columnFrom(db: Queryable, table: string, column: string): Promise<string | null> {
	const [row] = await db.query<{ from: string | null }>(
		`WITH m AS (SELECT date_trunc('month', ${column}) AS m, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1)
		SELECT strftime(min(m) FILTER (WHERE n >= 0.5 * (SELECT median(n) FROM m)), '%Y-%m-%d') AS "from" FROM m`
	);
	return row?.from ?? null;
}

async function tableFrom(db: Queryable, table: string): Promise<string | null> {
	const found = (await Promise.all(EVENTS[table].map((c) => columnFrom(db, table, c)))).filter((d): d is string => d !== null);
	return found.length ? found.reduce((a, b) => (a > b ? a : b)) : null;
}

/** The tables whose rows a fact counts (those its coverage starts from); none for a dataset's fact. */
function tables(fact: FactRef): string[] {
	if (!isCatalogFact(fact)) return [];
	const columns = (Object.keys(FACTS[fact].events) as EventId[]).flatMap((e) => startColumns(fact, e));
	return [...new Set(columns.map((c) => c.split('.')[0]))].filter((t) => t in EVENTS);
}

/** First day of complete data for the facts a figure reads (the latest of their tables); null when not known. */
export async function completeFrom(db: Queryable, facts: readonly FactRef[]): Promise<string | null> {
	const revision = dataRevision();
	let hit = cache.get(db);
	if (hit?.revision !== revision) {
		const all = Object.keys(EVENTS);
		const values = await Promise.all(all.map((t) => tableFrom(db, t)));
		hit = { revision, from: new Map(all.map((t, i) => [t, values[i]])) };
		cache.set(db, hit);
	}
	const found = [...new Set(facts.flatMap(tables))].map((t) => hit.from.get(t) ?? null).filter((d): d is string => d !== null);
	return found.length ? found.reduce((a, b) => (a > b ? a : b)) : null;
}
