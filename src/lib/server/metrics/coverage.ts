/**
 * What the data covers, so that a period it does not cover answers "no data" rather than 0:
 * each kind of event begins with the earliest date of its base columns and ends at the data's
 * as-of date; the aggregate forms cover their own periods. Read once per data revision.
 */
import type { EventId, FactId, FactRef, Measure } from '../../domain/catalog';
import { addDays, type Period } from '../../domain/period';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { dataAsOf } from './as-of';
import { runtimeRange } from './defined';
import { FACTS, isCatalogFact } from './facts';

/**
 * Why a figure is "no data": `no_data`, the data holds nothing for the period (it is before the
 * first record of what is counted, or after the data's last date); `form_periods`, the period
 * does not line up with the periods of the aggregate forms.
 */
export type MissingReason = 'no_data' | 'form_periods';

export interface Coverage {
	asOf: string;
	/** Earliest date of each base column ("table.column"); null when its table is empty. */
	first: ReadonlyMap<string, string | null>;
	/** The last day the aggregate forms cover. */
	formsTo: string | null;
}

const IDENTIFIER = /^\w+$/;

/**
 * The base columns ("table.column") whose earliest date begins the data of a fact's event; none
 * for a fact not in FACTS (described by data at run time), whose coverage is then not limited.
 */
export function startColumns(fact: FactId, event: EventId): readonly string[] {
	const f = FACTS[fact] as (typeof FACTS)[FactId] | undefined;
	if (!f) return [];
	return f.startsWith?.[event] ?? (IDENTIFIER.test(f.relation) && f.events[event] ? [`${f.relation}.${f.events[event]}`] : []);
}

const BASE_COLUMNS = [
	...new Set(
		(Object.keys(FACTS) as FactId[]).flatMap((fact) => (Object.keys(FACTS[fact].events) as EventId[]).flatMap((e) => startColumns(fact, e)))
	)
];

const cache = new WeakMap<Queryable, { revision: number; coverage: Coverage }>();

export async function dataCoverage(db: Queryable): Promise<Coverage> {
	const revision = dataRevision();
	const hit = cache.get(db);
	if (hit?.revision === revision) return hit.coverage;
	// Identifiers from the fact list (code); one statement of minima.
	const minima = BASE_COLUMNS.map((c, i) => `(SELECT min(${c.split('.')[1]}) FROM ${c.split('.')[0]}) AS c${i}`);
	const [[row], asOf] = await Promise.all([
		db.query<Record<string, string | null>>(`SELECT ${[...minima, '(SELECT max(period_end) FROM court_stats) AS forms_to'].join(', ')}`),
		dataAsOf(db)
	]);
	const coverage = { asOf, first: new Map(BASE_COLUMNS.map((c, i) => [c, row[`c${i}`]])), formsTo: row.forms_to };
	cache.set(db, { revision, coverage });
	return coverage;
}

/**
 * Where the data of an event begins: the latest of its base columns' earliest dates; null when
 * one is empty. A dataset registered at run time begins with its own first date.
 */
function begins(c: Coverage, fact: FactRef, event: EventId): string | null {
	if (!isCatalogFact(fact)) return runtimeRange(fact)?.first ?? null;
	const dates = startColumns(fact, event).map((column) => c.first.get(column) ?? null);
	if (dates.some((d) => d === null)) return null;
	return dates.reduce((a, b) => (b! > a! ? b : a), '0000-01-01');
}

/** The data's last date: a run-time dataset's own, else the as-of date of all the data. */
function lastDate(c: Coverage, fact: FactRef): string {
	return isCatalogFact(fact) ? c.asOf : (runtimeRange(fact)?.last ?? '0000-01-01');
}

/** Whether the data holds nothing for a measure in a period (a bucket), and so it is "no data". */
export function missingReason(m: Measure, p: Period, c: Coverage): MissingReason | null {
	const outside = (first: string | null, date: string) => first === null || date < first;
	const none = (empty: boolean): MissingReason | null => (empty ? 'no_data' : null);
	switch (m.kind) {
		case 'ratio':
			return missingReason(m.num, p, c) ?? missingReason(m.den, p, c);
		case 'per_capita':
		case 'per_judge_month':
		case 'judge_spread':
			return missingReason(m.of, p, c);
		case 'form':
			return none(outside(begins(c, 'court_stats', 'reported'), p.to) || c.formsTo === null || p.from > c.formsTo);
		case 'stock':
		case 'stock_quantile': {
			// Measured on the period's last day (or the day before its first); nothing is known before
			// the first filing, nor for a period wholly after the data's date.
			const on = m.kind === 'stock' && m.at === 'start' ? addDays(p.from, -1) : p.to;
			return none(outside(begins(c, m.fact, 'filed'), on) || p.from > c.asOf);
		}
		default:
			return none(outside(begins(c, m.fact, m.event), p.to) || p.from > lastDate(c, m.fact));
	}
}
