/**
 * Indicators defined as data on a real DuckDB file: definitions checked against the columns of
 * an uploaded dataset and of a canonical one, problems named by field, versions with author,
 * all-or-nothing files, retiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../ingest/test-db';
import { currentDefinitions, definitionHistory, retireDefinition, saveDefinitions } from './store';

let t: TestDatabase;
let filings: number;
beforeEach(async () => {
	t = await openTestDatabase();
	const csv = fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/other/monthly-filings.csv'));
	filings = (await t.importBytes(csv, { kind: 'other', name: 'Hawaii filings' })).datasetId!;
});
afterEach(() => t.close());

const filingsPerMonth = (id = 'hawaii_filings') => ({
	id,
	dataset: 'Hawaii filings',
	name: { ru: 'Поступило дел (Гавайи)', kk: 'Түскен істер (Гавайи)', en: 'Filings (Hawaii)' },
	measure: { agg: 'sum', column: 'Filings' },
	time: { year: 'Year', month: 'Month' },
	dimensions: ['Court', 'Case Type'],
	unit: 'count',
	better: 'neutral'
});

describe('indicators defined as data', () => {
	it('saves a valid definition as version 1 with its author, resolving the dataset by name', async () => {
		expect(await saveDefinitions(t.db, [filingsPerMonth()], 'add', 'analyst1')).toEqual({
			ok: true,
			saved: [{ id: 'hawaii_filings', version: 1 }]
		});
		const [stored] = await currentDefinitions(t.db);
		expect(stored).toMatchObject({ id: 'hawaii_filings', version: 1, retired: false, author: 'analyst1' });
		expect(stored.definition.datasetId).toBe(filings);
		expect(stored.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it('names the field of every problem, and saves nothing from a file with one bad definition', async () => {
		const bad = {
			...filingsPerMonth('criminal_share'),
			measure: {
				ratio: {
					numerator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Typ', op: 'eq', value: 'Criminal' }] },
					denominator: { agg: 'avg', column: 'Court' }
				},
				scale: 100
			},
			time: { year: 'Year', day: 'Month' },
			dimensions: ['Filings'],
			better: 'higher',
			thresholds: { warn: 10, bad: 20 },
			colour: 'red'
		};
		const result = await saveDefinitions(t.db, [filingsPerMonth(), bad], 'add', 'analyst1');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failures).toHaveLength(1);
		expect(result.failures[0]).toMatchObject({ index: 1, id: 'criminal_share', problems: [{ path: 'colour', code: 'unknown_key' }] });

		const { colour: _, ...shaped } = bad;
		const again = await saveDefinitions(t.db, [filingsPerMonth(), shaped], 'add', 'analyst1');
		expect(again.ok).toBe(false);
		if (again.ok) return;
		expect(again.failures[0].problems.map((p) => [p.path, p.code])).toEqual([
			['measure.ratio.numerator.filters.0.column', 'no_column'],
			['measure.ratio.denominator.column', 'column_type'],
			['time.day', 'day_without_month'],
			['time.day', 'column_type'],
			['dimensions.0', 'column_type'],
			['thresholds.bad', 'thresholds_order']
		]);
		expect(await currentDefinitions(t.db)).toEqual([]);
	});

	it('keeps the definition text and the target with the thresholds, and refuses a target without them', async () => {
		const text = { ru: 'Сумма поданных дел', kk: 'Берілген істер сомасы', en: 'Sum of filings' };
		const aimed = { ...filingsPerMonth(), definition: text, better: 'higher', target: 3000, thresholds: { warn: 2000, bad: 1000 } };
		expect((await saveDefinitions(t.db, [aimed], 'add', 'analyst1')).ok).toBe(true);
		const [stored] = await currentDefinitions(t.db);
		expect(stored.definition).toMatchObject({ definition: text, target: 3000, thresholds: { warn: 2000, bad: 1000 } });
		const { thresholds: _, ...alone } = { ...aimed, id: 'target_alone' };
		const refused = await saveDefinitions(t.db, [alone], 'add', 'analyst1');
		expect(refused.ok || refused.failures[0].problems.map((p) => [p.path, p.code])).toEqual([['target', 'target_needs_thresholds']]);
	});

	it('checks the JSON shape first: missing fields, wrong types, unknown aggregates, built-in ids', async () => {
		const result = await saveDefinitions(
			t.db,
			[
				{ id: 'X', dataset: filings, name: { ru: 'a', kk: 'b' }, measure: { agg: 'mode', column: 'Filings' }, time: { column: 'Year' } },
				{ ...filingsPerMonth('clearance_rate') }
			],
			'add',
			'a'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failures[0].problems.map((p) => [p.path, p.code])).toEqual([
			['id', 'invalid'],
			['name.en', 'missing'],
			['measure.agg', 'invalid']
		]);
		expect(result.failures[1].problems.map((p) => [p.path, p.code])).toEqual([['id', 'built_in']]);
	});

	it('reads canonical datasets by their fields and refuses an unknown or ambiguous dataset', async () => {
		const cases = await t.importBytes(
			'case_id,case_number,instance,court_id,region,case_type,category,filed_date\nC1,7501-24-00-2/1,first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10\n',
			{ name: 'Hawaii filings' }
		);
		const onCases = {
			...filingsPerMonth('efiled_civil'),
			dataset: cases.datasetId!,
			measure: { agg: 'count', filters: [{ column: 'case_type', op: 'eq', value: 'civil' }] },
			time: { column: 'filed_date' },
			dimensions: ['region', 'instance']
		};
		expect((await saveDefinitions(t.db, [onCases], 'add', 'a')).ok).toBe(true);
		// Case records are counted by the date of filing or of the decision, as the catalog counts them.
		const byYear = await saveDefinitions(t.db, [{ ...onCases, id: 'by_year', time: { year: 'filed_date' } }], 'add', 'a');
		expect(byYear.ok || byYear.failures[0].problems.map((p) => [p.path, p.code])).toEqual([['time', 'time_column']]);
		const ambiguous = await saveDefinitions(t.db, [filingsPerMonth()], 'add', 'a');
		expect(ambiguous.ok || ambiguous.failures[0].problems).toEqual([
			{ path: 'dataset', code: 'ambiguous_dataset', params: { dataset: 'Hawaii filings', ids: `${filings}, ${cases.datasetId}` } }
		]);
		const unknown = await saveDefinitions(t.db, [{ ...filingsPerMonth(), dataset: 999 }], 'add', 'a');
		expect(unknown.ok || unknown.failures[0].problems.map((p) => p.code)).toEqual(['no_dataset']);
	});

	it('versions updates, refuses adding an id in force or updating one that is not, and retires', async () => {
		await saveDefinitions(t.db, [filingsPerMonth()], 'add', 'analyst1');
		const twice = await saveDefinitions(t.db, [filingsPerMonth()], 'add', 'analyst1');
		expect(twice.ok || twice.failures[0].problems.map((p) => p.code)).toEqual(['exists']);
		const missing = await saveDefinitions(t.db, [filingsPerMonth('other_one')], 'update', 'analyst1');
		expect(missing.ok || missing.failures[0].problems.map((p) => p.code)).toEqual(['not_found']);
		const updated = await saveDefinitions(
			t.db,
			[{ ...filingsPerMonth(), measure: { agg: 'max', column: 'Filings' } }],
			'update',
			'analyst2'
		);
		expect(updated).toEqual({ ok: true, saved: [{ id: 'hawaii_filings', version: 2 }] });
		expect(await retireDefinition(t.db, 'hawaii_filings', 'admin')).toEqual({ id: 'hawaii_filings', version: 3 });
		expect(await retireDefinition(t.db, 'hawaii_filings', 'admin')).toBeNull();
		expect(await currentDefinitions(t.db)).toEqual([]);
		expect((await definitionHistory(t.db, 'hawaii_filings')).map((d) => [d.version, d.retired, d.author, d.definition.measure])).toEqual([
			[3, true, 'admin', { agg: 'max', column: 'Filings' }],
			[2, false, 'analyst2', { agg: 'max', column: 'Filings' }],
			[1, false, 'analyst1', { agg: 'sum', column: 'Filings' }]
		]);
		// A retired id may be added again, as its next version.
		expect(await saveDefinitions(t.db, [filingsPerMonth()], 'add', 'analyst1')).toEqual({
			ok: true,
			saved: [{ id: 'hawaii_filings', version: 4 }]
		});
	});
});
