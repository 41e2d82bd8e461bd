/**
 * The relations indicators read. Each is exposed under the alias `t` with the canonical column
 * names, so catalog fragments can use bare column names whatever the fact.
 */
import type { EventId, FactId } from '../../domain/catalog';

export interface Fact {
	relation: string;
	events: Partial<Record<EventId, string>>;
}

const FRAUD_CASE = `SELECT f.*, c.case_id, c.filed_date, c.decided_date, c.outcome
	FROM fraud f JOIN cases c ON c.case_number = f.case_number AND c.instance = 'first'`;

export const FACTS: Record<FactId, Fact> = {
	cases: { relation: 'cases', events: { filed: 'filed_date', decided: 'decided_date' } },
	// A proceeding with a flag saying whether the next instance reviewed it.
	appeals: {
		relation: `(SELECT c.*, l.case_id IS NOT NULL AS reviewed FROM cases c LEFT JOIN case_links l ON l.case_id = c.case_id)`,
		events: { decided: 'decided_date' }
	},
	// The next instance's decision, attributed to the proceeding (court, judge) it reviewed.
	reviews: {
		relation: `(SELECT c.*, l.next_outcome AS review_outcome, l.next_decided_date AS review_decided_date FROM case_links l JOIN cases c ON c.case_id = l.case_id)`,
		events: { review_decided: 'review_decided_date' }
	},
	fraud: { relation: 'fraud', events: { registered: 'registered_date' } },
	court_stats: { relation: 'court_stats', events: { reported: 'period_end' } },
	// A fraud incident with its first-instance court case (same case number): the incident's
	// own columns, and the case's filing, verdict day and outcome.
	fraud_verdicts: {
		relation: `(${FRAUD_CASE})`,
		events: { registered: 'registered_date', decided: 'decided_date' }
	},
	// That verdict as the next instance decided on it; its outcome column is the review's.
	fraud_reviews: {
		relation: `(SELECT v.* EXCLUDE (outcome), l.next_outcome AS outcome, l.next_decided_date AS review_decided_date
			FROM (${FRAUD_CASE}) v JOIN case_links l ON l.case_id = v.case_id)`,
		events: { review_decided: 'review_decided_date' }
	}
};
