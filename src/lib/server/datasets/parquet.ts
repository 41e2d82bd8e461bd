/**
 * The datasets as Parquet files, for engines beyond one server: one folder per kind, hive
 * partitioned by dataset and year (`cases/dataset_id=3/year=2024/data_0.parquet`), so that
 * DuckDB, Trino, Spark or Athena read them as one table each with partition pruning. And the
 * way back: such a folder becomes an import of the usual pipeline (same checks, versions,
 * rejects and audit), by way of a CSV the pipeline reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import type { Queryable } from '../db/database';
import { ImportError } from '../ingest/errors';

/** The date whose year partitions each kind. */
export const PARTITION_DATE: Record<CanonicalKind, string> = {
	cases: 'filed_date',
	fraud: 'registered_date',
	court_stats: 'period_start'
};

export interface ExportedKind {
	kind: CanonicalKind;
	folder: string;
	rows: number;
}

/** Writes every canonical table under `outDir/<kind>/`, replacing what an earlier export left there. */
export async function exportParquet(db: Queryable, outDir: string): Promise<ExportedKind[]> {
	// DuckDB creates the partition folders, not their parents.
	fs.mkdirSync(outDir, { recursive: true });
	const exported: ExportedKind[] = [];
	for (const kind of Object.keys(CANONICAL_TABLES) as CanonicalKind[]) {
		const { table, fields } = CANONICAL_TABLES[kind];
		const folder = path.join(outDir, kind);
		const columns = fields.map((f) => f.name).join(', ');
		const rows = await db.run(
			`COPY (SELECT ${columns}, dataset_id, year(${PARTITION_DATE[kind]}) AS year FROM ${table} ORDER BY dataset_id, ${PARTITION_DATE[kind]})
			TO $folder (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dataset_id, year), OVERWRITE true)`,
			{ folder }
		);
		exported.push({ kind, folder, rows });
	}
	return exported;
}

/**
 * The canonical columns of the Parquet files under `folder` (any depth, hive partitions
 * ignored) written as a CSV file with a header, for the import pipeline to read.
 */
export async function parquetToCsv(db: Queryable, folder: string, kind: CanonicalKind, csvFile: string): Promise<void> {
	const glob = path.join(folder, '**', '*.parquet');
	const source = `read_parquet($glob, hive_partitioning = true, union_by_name = true)`;
	let present: { column_name: string }[];
	try {
		present = await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM ${source}`, { glob });
	} catch {
		throw new ImportError('no_parquet', { folder });
	}
	// Identifiers from the schema only: the files' own column names never reach the SQL text.
	const columns = CANONICAL_TABLES[kind].fields.map((f) => f.name).filter((name) => present.some((c) => c.column_name === name));
	await db.run(`COPY (SELECT ${columns.join(', ')} FROM ${source}) TO $csvFile (FORMAT csv, HEADER true)`, { glob, csvFile });
}
