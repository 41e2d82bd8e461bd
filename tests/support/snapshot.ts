/**
 * What a crash or a failed import must leave untouched: the datasets, their versions, the rows
 * per dataset and the tables. Read with the server stopped (DuckDB allows one process).
 */
import { Database } from '../../src/lib/server/db/database';

export async function databaseSnapshot(file: string) {
	const db = await Database.open(file);
	try {
		return {
			datasets: await db.query('SELECT * FROM datasets ORDER BY dataset_id'),
			versions: await db.query('SELECT * FROM dataset_versions ORDER BY dataset_id, version'),
			cases: await db.query('SELECT dataset_id, count(*) AS n FROM cases GROUP BY ALL ORDER BY ALL'),
			links: await db.query('SELECT count(*) AS n FROM case_links'),
			rejects: await db.query('SELECT dataset_id, version, count(*) AS n FROM import_rejects GROUP BY ALL ORDER BY ALL'),
			tables: await db.query(`SELECT table_name FROM duckdb_tables() ORDER BY 1`)
		};
	} finally {
		db.close();
	}
}
