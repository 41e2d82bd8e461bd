/**
 * Stored facts (the fraud incidents joined to their court cases, kept as tables): every figure
 * read from the stored copy equals the one computed from the join itself, on the hand-computed
 * fixtures; and the copy follows the data through fraud imports and rollbacks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	INDICATORS,
	indicatorById,
	indicatorDimensions,
	measureFacts,
	type DimensionId,
	type FactRef,
	type Grain
} from '../../domain/catalog';
import { FIXTURES, createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { rollbackDataset } from '../datasets/rollback';
import type { Database } from '../db/database';
import { runImport } from '../ingest/pipeline';
import { compileBatch, compileMeasure } from './compile';
import { storedFact } from './tables';
import { deadlines } from './deadlines';
import { FACTS } from './facts';
import { runIndicator } from './run';
import { rollupInfo } from './rollups';

const ANALYST = { role: 'analyst', minCount: 5 } as const;
const STORED: FactRef[] = (Object.keys(FACTS) as (keyof typeof FACTS)[]).filter((f) => storedFact(f));
/** Indicators reading a stored fact: the fraud page's court figures. */
const READERS = INDICATORS.filter((i) => measureFacts(i.measure).some((f) => STORED.includes(f)));

let db: Database;
beforeAll(async () => (db = await createFixtureDatabase()));
afterAll(() => db.close());

const PERIODS = [
	{ from: '2025-01-01', to: '2025-12-31' },
	{ from: '2024-01-01', to: '2025-12-31' },
	{ from: '2025-02-10', to: '2025-06-10' }
];

describe('stored facts', () => {
	it('are the court cases of fraud incidents and their reviews', () => {
		expect(STORED).toEqual(['fraud_verdicts', 'fraud_reviews']);
		expect(READERS.map((i) => i.id)).toEqual(expect.arrayContaining(['fraud_verdicts', 'fraud_days_to_verdict', 'fraud_appeal_results']));
	});

	it('are read from their tables when the database holds them, from the join without', async () => {
		const rollup = await rollupInfo(db);
		const compile = (withStored: boolean) =>
			compileMeasure({
				measure: indicatorById('fraud_appeal_results')!.measure,
				...PERIODS[0],
				by: [],
				filters: {},
				deadlines: deadlines(),
				rollup: withStored ? rollup : undefined
			}).sql;
		expect(compile(true)).toContain('rollup_rows_fraud_reviews');
		expect(compile(true)).not.toContain('FROM cases');
		expect(compile(false)).toContain('FROM cases');
		// A copy made from another definition of the join is not read.
		const older = { ...rollup, columns: new Set([...rollup.columns].filter((c) => !c.startsWith('rollup_rows_fraud_reviews.r_'))) };
		expect(
			compileMeasure({
				measure: indicatorById('fraud_appeal_results')!.measure,
				...PERIODS[0],
				by: [],
				filters: {},
				deadlines: deadlines(),
				rollup: older
			}).sql
		).toContain('FROM cases');
	});

	for (const indicator of READERS) {
		it(`give ${indicator.id} as the join does, by every breakdown, with and without a monthly grain`, async () => {
			const rollup = await rollupInfo(db);
			const run = async (withStored: boolean, period: (typeof PERIODS)[number], by: DimensionId[], grain?: Grain, filters = {}) => {
				const compiled = compileMeasure({
					measure: indicator.measure,
					...period,
					grain,
					by,
					filters,
					deadlines: deadlines(),
					rollup: withStored ? rollup : undefined
				});
				expect(compiled.sql.includes('rollup_rows_')).toBe(withStored);
				return db.query(compiled.sql, compiled.params);
			};
			let figures = 0;
			for (const period of PERIODS) {
				for (const by of [[], ...indicatorDimensions(indicator).map((d) => [d.id])] as DimensionId[][]) {
					for (const grain of [undefined, 'month'] as const) {
						const joined = await run(false, period, by, grain);
						expect(await run(true, period, by, grain)).toEqual(joined);
						figures += joined.filter((r) => r.value !== null && r.value !== 0).length;
					}
				}
				const filters = { region: ['KZ-75'] };
				expect(await run(true, period, ['article'], undefined, filters)).toEqual(await run(false, period, ['article'], undefined, filters));
			}
			// The comparison means something only if the fixtures give figures.
			expect(figures).toBeGreaterThan(5);
		});
	}

	it('give the key figures of a batch as the join does', async () => {
		const rollup = await rollupInfo(db);
		const measures = READERS.map((i) => i.measure);
		const batch = (withStored: boolean) => {
			const compiled = compileBatch({
				measures,
				current: PERIODS[0],
				previous: { from: '2024-01-01', to: '2024-12-31' },
				filters: {},
				deadlines: deadlines(),
				rollup: withStored ? rollup : undefined
			});
			return db.query(compiled.sql, compiled.params);
		};
		const joined = await batch(false);
		expect(await batch(true)).toEqual(joined);
		expect(joined[0]).toMatchObject({ v0: 4 });
	});
});

describe('stored facts kept current', () => {
	const verdicts2025 = async () => {
		const result = await runIndicator(db, indicatorById('fraud_verdicts')!, viewQuery('period=2025'), ANALYST);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		return result.value.rows[0].value;
	};

	it('follow a fraud import and its rollback', async () => {
		const [{ id }] = await db.query<{ id: number }>(`SELECT dataset_id AS id FROM datasets WHERE kind = 'fraud'`);
		// A13, A14, A17 and A5: the verdicts of F5, F6, F12 and F1 decided in 2025.
		expect(await verdicts2025()).toBe(4);
		const withoutF5 = fs
			.readFileSync(path.join(FIXTURES, 'fraud.csv'), 'utf8')
			.split('\n')
			.filter((line) => !line.startsWith('F5,'))
			.join('\n');
		const outcome = await runImport(
			db,
			Readable.from([Buffer.from(withoutF5)]),
			{ kind: 'fraud', mode: 'replace', datasetId: id, sourceName: 'fraud.csv', actor: 'test' },
			{ workDir: path.join(path.dirname(db.path), 'work'), rejectThreshold: 0 }
		);
		expect(outcome.status).toBe('committed');
		expect(await verdicts2025()).toBe(3);
		await rollbackDataset(db, id, 1, 'test');
		expect(await verdicts2025()).toBe(4);
	});
});
