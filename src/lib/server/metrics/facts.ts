/**
 * The relations indicators read. Each is exposed under the alias `t` with the canonical column
 * names, so catalog fragments can use bare column names whatever the fact.
 *
 * A fact is data: the planner reads it only through this description (relation, date columns,
 * whitelisted columns), so a fact can also be described at run time, e.g. an uploaded table.
 */
import type { EventId, FactId, FactRef } from '../../domain/catalog';
import { CANONICAL_TABLES } from '../../domain/schema';
import { runtimeFact } from './defined';

export interface Fact {
	/** A table name or a parenthesised SELECT: trusted code, never input. */
	relation: string;
	/** The date column of each event the fact's rows can be counted by. */
	events: Partial<Record<EventId, string>>;
	/** Columns a list of its records shows and may be sorted by (a whitelist); the first is the key. */
	records?: readonly string[];
	/**
	 * What identifies a record (a column, or an expression of the columns, e.g. a form's
	 * reporting unit and period), from which its record key is made (the disclosure control's
	 * cell keys sum them: plan.ts, docs/security.md); none: cell keys of its counts are made from
	 * the exact figure alone.
	 */
	recordKey?: string;
	/**
	 * Kept as a table of the relation's rows (compileStoredFacts), rebuilt with the data it reads:
	 * for a join of a small table with the case records, which costs more than the query itself.
	 */
	stored?: boolean;
	/** Rolled up monthly by the rollup dimensions (rollups.ts): its counts, sums, stocks and quantiles. */
	rollup?: boolean;
	/**
	 * The base columns ("table.column") whose earliest date is where the data of an event
	 * begins (coverage.ts); by default the event's own column of the relation, when it is a table.
	 */
	startsWith?: Partial<Record<EventId, readonly string[]>>;
}

const CASE_RECORD = [
	'case_id',
	'case_number',
	'region',
	'court_id',
	'instance',
	'case_type',
	'category',
	'judge_id',
	'filed_date',
	'decided_date',
	'outcome'
];

// The case records are narrowed to the incidents' case numbers first (a semi-join built on the
// small side): a plain join may hash all case rows, e.g. inside an import, where the just-added
// rows have no statistics yet (0.8 GB more memory for 11 M rows).
const FRAUD_CASE = `SELECT f.*, c.case_id, c.filed_date, c.decided_date, c.outcome
	FROM fraud f JOIN (
		SELECT case_number, case_id, filed_date, decided_date, outcome FROM cases
		WHERE instance = 'first' AND case_number IN (SELECT case_number FROM fraud)
	) c ON c.case_number = f.case_number`;

/** A form is one row of court_stats: its reporting unit and period (the table's key) identify it. */
export const FORM_ROW = `row(${CANONICAL_TABLES.court_stats.key.join(', ')})`;

export const FACTS: Record<FactId, Fact> = {
	cases: {
		relation: 'cases',
		events: { filed: 'filed_date', decided: 'decided_date' },
		records: CASE_RECORD,
		recordKey: 'case_id',
		rollup: true
	},
	// A proceeding with a flag saying whether the next instance reviewed it.
	appeals: {
		relation: `(SELECT c.*, l.case_id IS NOT NULL AS reviewed FROM cases c LEFT JOIN case_links l ON l.case_id = c.case_id)`,
		events: { decided: 'decided_date' },
		records: CASE_RECORD,
		recordKey: 'case_id',
		rollup: true,
		startsWith: { decided: ['cases.decided_date'] }
	},
	// The next instance's decision, attributed to the proceeding (court, judge) it reviewed.
	reviews: {
		relation: `(SELECT c.*, l.next_outcome AS review_outcome, l.next_decided_date AS review_decided_date FROM case_links l JOIN cases c ON c.case_id = l.case_id)`,
		events: { review_decided: 'review_decided_date' },
		records: [...CASE_RECORD, 'review_decided_date', 'review_outcome'],
		recordKey: 'case_id',
		rollup: true,
		// The next instance's decision is a decision of the case records.
		startsWith: { review_decided: ['cases.decided_date'] }
	},
	fraud: {
		relation: 'fraud',
		events: { registered: 'registered_date' },
		records: [
			'incident_id',
			'region',
			'registered_date',
			'article',
			'scheme',
			'channel',
			'status',
			'victim_age_group',
			'damage_kzt',
			'recovered_kzt'
		],
		recordKey: 'incident_id'
	},
	court_stats: {
		relation: 'court_stats',
		events: { reported: 'period_end' },
		recordKey: FORM_ROW,
		startsWith: { reported: ['court_stats.period_start'] }
	},
	// A fraud incident with its first-instance court case (same case number): the incident's
	// own columns, and the case's filing, verdict day and outcome.
	fraud_verdicts: {
		relation: `(${FRAUD_CASE})`,
		events: { registered: 'registered_date', decided: 'decided_date' },
		recordKey: 'incident_id',
		stored: true,
		startsWith: { registered: ['fraud.registered_date'], decided: ['fraud.registered_date', 'cases.decided_date'] }
	},
	// That verdict as the next instance decided on it, with the review's outcome and day.
	fraud_reviews: {
		relation: `(SELECT v.*, l.next_outcome AS review_outcome, l.next_decided_date AS review_decided_date
			FROM (${FRAUD_CASE}) v JOIN case_links l ON l.case_id = v.case_id)`,
		events: { review_decided: 'review_decided_date' },
		recordKey: 'incident_id',
		stored: true,
		startsWith: { review_decided: ['fraud.registered_date', 'cases.decided_date'] }
	}
};

export function isCatalogFact(id: FactRef): id is FactId {
	return Object.hasOwn(FACTS, id);
}

/** A fact's description: the catalog's, or a dataset's registered at run time (defined.ts). */
export function factOf(id: FactRef): Fact {
	const fact = isCatalogFact(id) ? FACTS[id] : runtimeFact(id);
	if (!fact) throw new Error(`unknown fact ${id}`);
	return fact;
}
