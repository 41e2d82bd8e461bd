/**
 * Loads a CSV already in canonical form (field names as header, ISO dates, `.` decimals) into
 * its table. Used for the generated demo data; uploads go through the mapping pipeline first.
 */
import { CANONICAL_TABLES, SQL_TYPE, type CanonicalKind } from '../../domain/schema';
import type { Queryable } from '../db/database';

export interface Lineage {
	datasetId: number;
	version: number;
}

export async function loadCanonicalCsv(
	tx: Queryable,
	kind: CanonicalKind,
	file: string,
	lineage: Lineage
): Promise<number> {
	const table = CANONICAL_TABLES[kind];
	const names = table.fields.map((f) => f.name);
	// Column names and types come from the schema, never from the file.
	const columns = table.fields.map((f) => `'${f.name}': '${SQL_TYPE[f.type]}'`).join(', ');
	return tx.run(
		`INSERT INTO ${table.table} (${names.join(', ')}, dataset_id, dataset_version)
		SELECT ${names.join(', ')}, $dataset::INTEGER, $version::INTEGER
		FROM read_csv($file, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
			nullstr = '', dateformat = '%Y-%m-%d', columns = {${columns}})`,
		{ file, dataset: lineage.datasetId, version: lineage.version }
	);
}
