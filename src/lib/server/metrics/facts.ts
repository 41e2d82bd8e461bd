/**
 * The relations indicators read. Each is exposed under the alias `t` with the canonical column
 * names, so catalog fragments can use bare column names whatever the fact.
 */
import type { EventId, FactId } from '../../domain/catalog';

export interface Fact {
	relation: string;
	events: Partial<Record<EventId, string>>;
}

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
	court_stats: { relation: 'court_stats', events: { reported: 'period_end' } }
};
