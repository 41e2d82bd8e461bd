/**
 * `npm run export:parquet` and back: the fixture database written as hive-partitioned Parquet
 * (kind / dataset_id=N / year=YYYY), then each kind's folder imported with `npm run import --
 * --parquet` into an empty database through the usual pipeline, giving exactly the same rows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_TABLES, type CanonicalKind } from '../src/lib/domain/schema';
import { PARTITION_DATE } from '../src/lib/server/datasets/parquet';
import { Database } from '../src/lib/server/db/database';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT } from './support/server';

const source = tempDatabasePath('parquet-source');
const target = tempDatabasePath('parquet-target');
const out = path.join(path.dirname(source), 'parquet');
const KINDS = Object.keys(CANONICAL_TABLES) as CanonicalKind[];

function cli(script: string, args: string[], database: string) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_PATH: database, UPLOADS_DIR: path.join(path.dirname(database), 'uploads') },
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

/** Each canonical table's rows, without the dataset columns that differ between databases. */
async function rowsOf(file: string) {
	const db = await Database.open(file, { readOnly: true });
	try {
		const tables: Record<string, unknown[]> = {};
		for (const kind of KINDS) {
			const columns = CANONICAL_TABLES[kind].fields.map((f) => f.name).join(', ');
			tables[kind] = await db.query(`SELECT ${columns} FROM ${CANONICAL_TABLES[kind].table} ORDER BY ALL`);
		}
		const years = await db.query<{ kind: string; year: number }>(
			KINDS.map(
				(kind) => `SELECT DISTINCT '${kind}' AS kind, year(${PARTITION_DATE[kind]}) AS year FROM ${CANONICAL_TABLES[kind].table}`
			).join(' UNION ALL ') + ' ORDER BY ALL'
		);
		return { tables, years };
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	(await createFixtureDatabase(source)).close();
});

describe('Parquet export and import', () => {
	it('writes one folder per kind, partitioned by dataset and year, hive style', async () => {
		const run = cli('scripts/export-parquet.ts', ['--out', out], source);
		expect(run.status, run.err).toBe(0);
		const { years } = await rowsOf(source);
		const written = KINDS.flatMap((kind) =>
			fs.readdirSync(path.join(out, kind)).flatMap((dataset) => {
				expect(dataset).toMatch(/^dataset_id=\d+$/);
				return fs.readdirSync(path.join(out, kind, dataset)).map((year) => {
					expect(fs.readdirSync(path.join(out, kind, dataset, year)).every((f) => f.endsWith('.parquet'))).toBe(true);
					return { kind, year: Number(year.replace('year=', '')) };
				});
			})
		);
		// One dataset per kind in the fixture, so one folder per year it has data for.
		expect(written.sort((a, b) => a.kind.localeCompare(b.kind) || a.year - b.year)).toEqual(years);
	});

	it('imports each kind back into an empty database, row for row', async () => {
		for (const kind of KINDS) {
			const run = cli('scripts/import.ts', ['--parquet', '--kind', kind, '--lang', 'en', '--create', path.join(out, kind)], target);
			expect(run.status, run.err + run.out).toBe(0);
			expect(run.out).toMatch(/^Committed/);
		}
		const [a, b] = [await rowsOf(source), await rowsOf(target)];
		for (const kind of KINDS) expect(a.tables[kind].length).toBeGreaterThan(0);
		expect(b.tables).toEqual(a.tables);
	});

	it('says so when the folder holds no Parquet files', () => {
		const empty = path.join(path.dirname(target), 'empty');
		fs.mkdirSync(empty, { recursive: true });
		const run = cli('scripts/import.ts', ['--parquet', '--kind', 'cases', '--lang', 'en', empty], target);
		expect(run.status).toBe(1);
		expect(run.err).toContain(`No Parquet files in the folder ${empty}.`);
	});
});
