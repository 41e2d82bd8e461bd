/**
 * Tables derived from the canonical ones for the metrics — the links between instances, the
 * monthly rollups and histograms, the stored facts — brought along inside the same transaction
 * as every data change so that they can never disagree with what they summarise.
 */
import { createHash } from 'node:crypto';
import { INDICATORS } from '../../domain/catalog';
import type { CanonicalKind } from '../../domain/schema';
import type { Params, Queryable } from '../db/database';
import { compileRollups, compileStoredFacts, type CompiledQuery, type RollupStatement } from './compile';
import { deadlines } from './deadlines';

/**
 * The version of how the derived tables are computed from their definitions. Column names
 * follow the definitions (definition.ts); bump this when a writer computes the same definition
 * differently, so that databases rebuild their rollups.
 */
const ROLLUP_FORMAT = 1;

/** The case numbers a change of case rows reaches (temporary, on the changing connection). */
const TOUCHED = 'derived_touched';
const touchedBy = (alias: string) => `${alias}.case_number IN (SELECT case_number FROM ${TOUCHED})`;

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

/**
 * Links each proceeding to the earliest proceeding of the same case at the next instance. Only
 * higher instances can be next, and the supervisory has none: saying so halves the join.
 */
const linksSql = (
	scope?: (alias: string) => string
) => `SELECT lower.case_id, upper.case_id AS next_case_id, upper.filed_date AS next_filed_date,
		upper.decided_date AS next_decided_date, upper.outcome AS next_outcome
	FROM cases lower
	JOIN (SELECT * FROM cases WHERE instance <> 'first') upper ON upper.case_number = lower.case_number
		AND upper.instance = CASE lower.instance WHEN 'first' THEN 'appeal' WHEN 'appeal' THEN 'cassation' WHEN 'cassation' THEN 'supervisory' END
	WHERE lower.instance <> 'supervisory' ${scope ? `AND ${scope('lower')} AND ${scope('upper')}` : ''}
	QUALIFY row_number() OVER (PARTITION BY lower.case_id ORDER BY upper.filed_date, upper.case_id) = 1`;

async function refreshLinks(tx: Queryable): Promise<void> {
	await tx.run(`CREATE OR REPLACE TABLE case_links AS ${linksSql()}`);
}

export interface DataChange {
	/** Whether only the touched cases are recounted (or everything rebuilt). */
	incremental: boolean;
	/** Brings the derived tables along; run after the change, in its transaction. */
	finish(): Promise<void>;
}

/**
 * Prepares the derived tables for a change of a canonical table's rows: call it before the
 * change, and finish after it, in the same transaction. For case records, `touched` selects the
 * case numbers of every row to be added or removed (`added` rows are new): links and rollups
 * depend only on the rows of the same case number, so only those are recounted — each rollup
 * loses what the touched cases gave it before the change and gains what they give after (every
 * rollup column is a count or a sum). A change reaching much of the table (a first import), or
 * of another kind, rebuilds what it feeds whole (refreshDerived).
 */
export async function beginDataChange(
	tx: Queryable,
	kind: CanonicalKind,
	touched: string,
	params: Params,
	added: number
): Promise<DataChange> {
	const rebuild = { incremental: false, finish: () => refreshDerived(tx, kind) };
	if (kind !== 'cases' || !(await rollupsCurrent(tx))) return rebuild;
	await tx.run(
		`CREATE OR REPLACE TEMP TABLE ${TOUCHED} AS SELECT DISTINCT case_number FROM (${touched}) WHERE case_number IS NOT NULL`,
		params
	);
	const [rows] = await tx.query<{ total: number; reached: number }>(
		`SELECT count(*) AS total, count(*) FILTER (WHERE ${touchedBy('t')}) AS reached FROM cases t`
	);
	if ((rows.reached + added) * 3 > rows.total + added) {
		await tx.run(`DROP TABLE ${TOUCHED}`);
		return rebuild;
	}
	const statements = compileRollups(
		INDICATORS.map((i) => i.measure),
		deadlines(),
		touchedBy('t')
	);
	const base = statements.filter((s) => !s.coarser);
	const before = (i: number) => `derived_before_${i}`;
	for (const [i, s] of base.entries()) await tx.run(`CREATE OR REPLACE TEMP TABLE ${before(i)} AS ${s.select}`, s.params);
	await tx.run(`DELETE FROM case_links WHERE case_id IN (SELECT case_id FROM cases t WHERE ${touchedBy('t')})`);
	const finish = async () => {
		await tx.run(`INSERT INTO case_links ${linksSql(touchedBy)}`);
		for (const [i, s] of base.entries()) await mergeDelta(tx, s, before(i));
		await runAll(
			tx,
			statements.filter((s) => s.coarser)
		);
		// A stored fact's rows each belong to one case number too (the fraud incident's).
		for (const stored of compileStoredFacts(touchedBy('t'))) {
			await tx.run(`DELETE FROM ${stored.table} t WHERE ${touchedBy('t')}`);
			await tx.run(`INSERT INTO ${stored.table} ${stored.select}`);
		}
		for (const i of base.keys()) await tx.run(`DROP TABLE ${before(i)}`);
		await tx.run(`DROP TABLE ${TOUCHED}`);
	};
	return { incremental: true, finish };
}

/**
 * A rollup less the rows `before` (what the touched cases gave it before the change) plus those
 * of its scoped `select` now, changed in place: only the groups the change reaches are
 * rewritten, and those left with nothing but zeros are dropped.
 */
async function mergeDelta(tx: Queryable, statement: RollupStatement, before: string): Promise<void> {
	const columns = await tx.query<{ name: string; type: string }>(
		`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = $table AND database_name <> 'temp' AND schema_name = 'main' ORDER BY column_index`,
		{ table: statement.table }
	);
	const { table, keys } = statement;
	const values = columns.filter((c) => !keys.includes(c.name));
	const sums = values.map((v) => `sum(${v.name})::${v.type} AS ${v.name}`);
	const same = (a: string, b: string) => keys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
	const list = [...keys, ...values.map((v) => v.name)].join(', ');
	await tx.run(
		`CREATE OR REPLACE TEMP TABLE derived_delta AS
		SELECT ${[...keys, ...sums].join(', ')} FROM (
			SELECT ${[...keys, ...values.map((v) => `-${v.name} AS ${v.name}`)].join(', ')} FROM ${before}
			UNION ALL SELECT ${list} FROM (${statement.select})
		) GROUP BY ALL`,
		statement.params
	);
	await tx.run(
		`CREATE OR REPLACE TEMP TABLE derived_merged AS
		SELECT ${[...keys, ...sums].join(', ')} FROM (
			SELECT ${list} FROM ${table} r WHERE EXISTS (SELECT 1 FROM derived_delta d WHERE ${same('r', 'd')})
			UNION ALL SELECT ${list} FROM derived_delta
		) GROUP BY ALL
		HAVING ${values.map((v) => `sum(${v.name}) <> 0`).join(' OR ')}`
	);
	await tx.run(`DELETE FROM ${table} r USING derived_delta d WHERE ${same('r', 'd')}`);
	await tx.run(`INSERT INTO ${table} (${list}) SELECT ${list} FROM derived_merged`);
	await tx.run('DROP TABLE derived_delta');
	await tx.run('DROP TABLE derived_merged');
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

const rollupStatements = () => [
	...compileRollups(
		INDICATORS.map((i) => i.measure),
		deadlines()
	),
	...compileStoredFacts()
];
/** What the derived tables hold: their names and columns (named by definition) and the format, hashed. */
const signature = (statements: ReturnType<typeof rollupStatements>) =>
	createHash('sha256')
		.update(
			JSON.stringify({
				format: ROLLUP_FORMAT,
				tables: statements.map((s) => ('marker' in s ? [s.table, s.marker] : [s.table, s.keys, s.columns]))
			})
		)
		.digest('hex');

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
