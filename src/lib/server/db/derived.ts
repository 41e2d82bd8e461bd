/**
 * Tables derived from the canonical ones, rebuilt inside the same transaction as every data
 * change so that they can never disagree with what they summarise.
 */
import { INDICATORS } from '../../domain/catalog';
import type { CanonicalKind } from '../../domain/schema';
import { compileRollups, compileStoredFacts, type CompiledQuery } from '../metrics/compile';
import { deadlines } from '../metrics/deadlines';
import type { Queryable } from './database';

/**
 * Rebuilds what is derived from a canonical table that changed: from the case records, the links
 * between instances and every rollup; from the fraud incidents, the stored facts joining them to
 * their court cases. Aggregate forms feed nothing derived.
 */
export async function refreshDerived(tx: Queryable, kind: CanonicalKind): Promise<void> {
	if (kind === 'cases') {
		await refreshLinks(tx);
		await refreshRollups(tx);
	} else if (kind === 'fraud') {
		await runAll(tx, compileStoredFacts());
	}
}

/** Links each proceeding to the earliest proceeding of the same case at the next instance. */
async function refreshLinks(tx: Queryable): Promise<void> {
	await tx.run(`CREATE OR REPLACE TABLE case_links AS
		SELECT lower.case_id, upper.case_id AS next_case_id, upper.filed_date AS next_filed_date,
			upper.decided_date AS next_decided_date, upper.outcome AS next_outcome
		FROM cases lower
		JOIN cases upper ON upper.case_number = lower.case_number
			AND upper.instance = CASE lower.instance WHEN 'first' THEN 'appeal' WHEN 'appeal' THEN 'cassation' WHEN 'cassation' THEN 'supervisory' END
		QUALIFY row_number() OVER (PARTITION BY lower.case_id ORDER BY upper.filed_date, upper.case_id) = 1`);
}

/**
 * Monthly rollups of the catalog's additive figures by region, court, instance, case type and
 * category, so that the overview reads thousands of rows rather than millions. Built from the
 * same compiled aggregates the batch would compute; a batch uses a rollup column only when it
 * finds one with its exact definition (time limits included) and its filters and periods fit.
 * With them, the stored facts (fraud incidents joined to their court cases), which read the links.
 */
export async function refreshRollups(tx: Queryable): Promise<void> {
	const statements = rollupStatements();
	await runAll(tx, statements);
	await tx.run('CREATE OR REPLACE TABLE rollup_signature AS SELECT $sig AS sig', { sig: signature(statements) });
}

async function runAll(tx: Queryable, statements: readonly CompiledQuery[]): Promise<void> {
	for (const statement of statements) await tx.run(statement.sql, statement.params);
}

const rollupStatements = () => [...compileRollups(INDICATORS.map((i) => i.measure), deadlines()), ...compileStoredFacts()];
const signature = (statements: ReturnType<typeof rollupStatements>) => JSON.stringify(statements);

/**
 * Whether the rollups in the database are those this version would build with these time
 * limits; a database from before them, or with other limits, gets them rebuilt (ensureRollups).
 */
export async function rollupsCurrent(db: Queryable): Promise<boolean> {
	const [found] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'rollup_signature'`);
	if (!found.n) return false;
	const [row] = await db.query<{ sig: string }>('SELECT sig FROM rollup_signature');
	return row?.sig === signature(rollupStatements());
}
