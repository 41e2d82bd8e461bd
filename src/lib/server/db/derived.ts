/**
 * Tables derived from the canonical ones, rebuilt inside the same transaction as every data
 * change so that they can never disagree with what they summarise.
 */
import type { Queryable } from './database';

/** Links each proceeding to the earliest proceeding of the same case at the next instance. */
export async function refreshDerived(tx: Queryable): Promise<void> {
	await tx.run(`CREATE OR REPLACE TABLE case_links AS
		SELECT lower.case_id, upper.case_id AS next_case_id, upper.filed_date AS next_filed_date,
			upper.decided_date AS next_decided_date, upper.outcome AS next_outcome
		FROM cases lower
		JOIN cases upper ON upper.case_number = lower.case_number
			AND upper.instance = CASE lower.instance WHEN 'first' THEN 'appeal' WHEN 'appeal' THEN 'cassation' WHEN 'cassation' THEN 'supervisory' END
		QUALIFY row_number() OVER (PARTITION BY lower.case_id ORDER BY upper.filed_date, upper.case_id) = 1`);
}
