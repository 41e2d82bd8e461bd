/**
 * The whole import pipeline on real DuckDB files, with the files data stewards actually bring:
 * Russian Excel exports, BOMs, CRLF, quoted line breaks, ragged rows, empty and binary files,
 * duplicate keys; then versions and rollback.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollbackDataset } from '../datasets/rollback';
import { ImportError } from './errors';
import { openTestDatabase, type TestDatabase } from './test-db';

let t: TestDatabase;
beforeEach(async () => {
	t = await openTestDatabase();
});
afterEach(() => t.close());

const CASE_HEADER = 'case_id,case_number,instance,court_id,region,case_type,category,filed_date,decided_date';
const caseRow = (id: string, filed = '2024-01-10', decided = '2024-02-10') =>
	`${id},7501-24-00-2/${id},first,KZ75-D01,KZ-75,civil,civil.loan,${filed},${decided}`;
const casesFile = (...ids: string[]) => [CASE_HEADER, ...ids.map((id) => caseRow(id))].join('\n') + '\n';

const cases = (dataset?: number) =>
	t.db.query<Record<string, unknown>>(
		`SELECT * EXCLUDE (dataset_version) FROM cases ${dataset ? 'WHERE dataset_id = ' + dataset : ''} ORDER BY case_id`
	);

describe('Russian Excel export', () => {
	// Windows-1251, ";", dd.mm.yyyy, decimal comma, no-break-space thousands, regions spelled many ways.
	const rows = [
		[
			'ID производства',
			'Номер дела',
			'Инстанция',
			'Суд',
			'Регион',
			'Вид судопроизводства',
			'Категория',
			'Дата поступления',
			'Дата решения',
			'Сумма иска, тг',
			'Подано электронно'
		],
		[
			'R1',
			'7501-24-00-2/1',
			'Первая инстанция',
			'KZ75-D01',
			'г. Алматы',
			'Гражданские',
			'civil.loan',
			'05.03.2024',
			'20.04.2024',
			'1\u00a0234\u00a0567,89',
			'да'
		],
		[
			'R2',
			'3101-24-00-2/2',
			'первая инстанция',
			'KZ31-D01',
			'Жамбылская обл.',
			'гражданские',
			'civil.loan',
			'15.01.2024',
			'',
			'500,5',
			'нет'
		],
		['R3', '3101-24-00-2/3', 'first', 'KZ31-D01', 'Jambyl', 'civil', 'civil.loan', '16.01.2024', '', '', ''],
		[
			'R4',
			'7101-24-00-2/4',
			'Апелляция',
			'KZ71-D01',
			'Нур-Султан',
			'Гражданские',
			'civil.loan',
			'01.02.2024',
			'10.02.2024',
			'10\u00a0000',
			'Да'
		],
		['R5', '3301-24-00-2/5', 'Первая инстанция', 'KZ33-D01', 'Jetisu', 'Гражданские', 'civil.loan', '01.02.2024', '', '', ''],
		['R6', '3301-24-00-2/6', 'Первая инстанция', 'KZ33-D01', '750000000', 'Гражданские', 'civil.loan', '01.02.2024', '', '', ''],
		['R7', '3301-24-00-2/7', 'Первая инстанция', 'KZ33-D01', 'KZ-ZHA', 'Гражданские', 'civil.loan', '01.02.2024', '', '', ''],
		['R8', '7501-24-00-2/8', 'Первая инстанция', 'KZ75-D01', 'Алматы', 'Гражданские', 'civil.loan', '01.02.2024', '', '', ''],
		['R9', '7501-24-00-2/9', 'Первая инстанция', 'KZ75-D01', 'KZ-75', 'Гражданские', 'civil.loan', '01.02.2024', '01.01.2024', '', ''],
		['R10', '7501-24-00-2/10', 'Нулевая', 'KZ75-D01', 'KZ-75', 'Гражданские', 'civil.loan', '31.02.2024', '', '12,3,4', 'может']
	];
	const file = iconv.encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'win1251');

	it('loads the good rows with every value converted and rejects the others with line, column, value and reason', async () => {
		const outcome = await t.importBytes(file, { sourceName: 'выгрузка.csv' }, 0.5);
		expect(outcome).toMatchObject({ status: 'committed', kind: 'cases', rowsRead: 10, rowsLoaded: 7, rowsRejected: 3 });
		expect(outcome.format).toEqual({
			encoding: 'windows-1251',
			delimiter: ';',
			header: true,
			decimal: ',',
			thousands: 'nbsp',
			dateFormat: 'dd.mm.yyyy'
		});
		const loaded = await t.db.query(
			`SELECT case_id, instance, region, case_type, filed_date, decided_date, claim_amount_kzt::DOUBLE AS claim, e_filed FROM cases ORDER BY filed_date, case_id`
		);
		expect(loaded).toEqual([
			{
				case_id: 'R2',
				instance: 'first',
				region: 'KZ-31',
				case_type: 'civil',
				filed_date: '2024-01-15',
				decided_date: null,
				claim: 500.5,
				e_filed: false
			},
			{
				case_id: 'R3',
				instance: 'first',
				region: 'KZ-31',
				case_type: 'civil',
				filed_date: '2024-01-16',
				decided_date: null,
				claim: null,
				e_filed: null
			},
			{
				case_id: 'R4',
				instance: 'appeal',
				region: 'KZ-71',
				case_type: 'civil',
				filed_date: '2024-02-01',
				decided_date: '2024-02-10',
				claim: 10000,
				e_filed: true
			},
			{
				case_id: 'R5',
				instance: 'first',
				region: 'KZ-33',
				case_type: 'civil',
				filed_date: '2024-02-01',
				decided_date: null,
				claim: null,
				e_filed: null
			},
			{
				case_id: 'R6',
				instance: 'first',
				region: 'KZ-75',
				case_type: 'civil',
				filed_date: '2024-02-01',
				decided_date: null,
				claim: null,
				e_filed: null
			},
			{
				case_id: 'R7',
				instance: 'first',
				region: 'KZ-31',
				case_type: 'civil',
				filed_date: '2024-02-01',
				decided_date: null,
				claim: null,
				e_filed: null
			},
			{
				case_id: 'R1',
				instance: 'first',
				region: 'KZ-75',
				case_type: 'civil',
				filed_date: '2024-03-05',
				decided_date: '2024-04-20',
				claim: 1234567.89,
				e_filed: true
			}
		]);
		expect(outcome.rejects).toEqual([
			{ line: 9, column: 'Регион', value: 'Алматы', reason: 'ambiguous_region', detail: null },
			{ line: 10, column: 'Дата решения', value: '2024-01-01', reason: 'decided_before_filed', detail: '2024-02-01' },
			{ line: 11, column: 'Дата поступления', value: '31.02.2024', reason: 'bad_date', detail: null },
			{ line: 11, column: 'Инстанция', value: 'Нулевая', reason: 'bad_enum', detail: 'first, appeal, cassation, supervisory' },
			{ line: 11, column: 'Подано электронно', value: 'может', reason: 'bad_boolean', detail: null },
			{ line: 11, column: 'Сумма иска, тг', value: '12,3,4', reason: 'bad_number', detail: null }
		]);
		// The rejects are kept with the version.
		const [kept] = await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM import_rejects WHERE dataset_id = $1 AND version = 1`, [
			outcome.datasetId!
		]);
		expect(kept.n).toBe(6);
	});
});

describe('file layouts', () => {
	it('reads UTF-8 with BOM, CRLF and quoted line breaks, naming rows by their line in the file', async () => {
		const text = `${CASE_HEADER}\r\n${caseRow('B1')}\r\nB2,"7501-24\r\n-00-2/2",first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,\r\n${caseRow('B3', '2024-13-01')}\r\n`;
		const outcome = await t.importBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), {}, 0.5);
		expect(outcome).toMatchObject({ rowsRead: 3, rowsLoaded: 2, format: { encoding: 'utf-8-bom' } });
		expect(outcome.columns[0]).toBe('case_id');
		expect((await cases()).map((r) => r.case_number)).toEqual(['7501-24-00-2/B1', '7501-24\r\n-00-2/2']);
		expect(outcome.rejects[0]).toMatchObject({ line: 5, column: 'filed_date', value: '2024-13-01', reason: 'bad_date' });
	});

	it('reports ragged rows with their line and loads the rest', async () => {
		const text = `${CASE_HEADER}\n${caseRow('C1')}\nC2,only,three\n${caseRow('C3')},extra,fields\n${caseRow('C4')}\n`;
		const outcome = await t.importBytes(text, {}, 0.5);
		expect(outcome).toMatchObject({ status: 'committed', rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
		expect(outcome.rejects).toEqual([
			{ line: 3, column: null, value: 'C2,only,three', reason: 'missing_columns', detail: '9' },
			{ line: 4, column: null, value: `${caseRow('C3')},extra,fields`, reason: 'too_many_columns', detail: '9' }
		]);
	});

	it('refuses an empty file, a header without rows, a binary file named .csv and UTF-16, leaving nothing behind', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0), Buffer.from('IHDR')]);
		for (const [content, code] of [
			['', 'empty'],
			['\r\n \n', 'empty'],
			[`${CASE_HEADER}\r\n`, 'no_rows'],
			[png, 'binary'],
			[Buffer.from('\ufeffa,b\n1,2\n', 'utf16le'), 'utf_16']
		] as const) {
			const error = await t.importBytes(content, { sourceName: 'photo.csv' }).catch((e) => e);
			expect(error, String(code)).toBeInstanceOf(ImportError);
			expect(error.code).toBe(code);
		}
		expect(await t.db.query('SELECT * FROM datasets')).toEqual([]);
		expect(fs.readdirSync(path.join(t.dir, 'work'))).toEqual([]);
	});

	it('refuses a canonical import whose required fields have no column, saying which', async () => {
		const error = await t.importBytes('Номер дела;Регион\n1;KZ-75\n', { kind: 'cases' }).catch((e) => e);
		expect(error).toMatchObject({
			code: 'missing_fields',
			params: { kind: 'cases', fields: 'case_id, instance, court_id, case_type, category, filed_date' }
		});
	});
});

describe('aggregate reporting forms', () => {
	it('rejects a form whose pending at end is not pending at start + incoming − resolved, naming the numbers', async () => {
		const header = 'period_start,period_end,region,court_id,instance,case_type,pending_start,incoming,resolved,pending_end';
		const text = [
			header,
			'2024-01-01,2024-03-31,KZ-75,KZ75-D02,first,civil,10,20,15,15',
			'2024-04-01,2024-06-30,KZ-75,KZ75-D02,first,civil,15,10,20,7',
			''
		].join('\n');
		const outcome = await t.importBytes(text, { kind: 'court_stats' }, 0.5);
		expect(outcome).toMatchObject({ status: 'committed', kind: 'court_stats', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
		expect(outcome.rejects).toEqual([{ line: 3, column: 'pending_end', value: '7', reason: 'stock_identity', detail: '15 + 10 − 20 = 5' }]);
	});
});

describe('duplicate keys', () => {
	it('rejects a key repeated in the file, naming the first line', async () => {
		const outcome = await t.importBytes(casesFile('D1', 'D2', 'D1'), {}, 0.5);
		expect(outcome.rejects).toEqual([{ line: 4, column: 'case_id', value: 'D1', reason: 'duplicate_in_file', detail: '2' }]);
	});

	it('append: rejects keys already loaded; replace: the dataset’s own keys are free, other datasets’ are not', async () => {
		const first = await t.importBytes(casesFile('K1', 'K2'));
		const other = await t.importBytes(casesFile('X1'));
		const appended = await t.importBytes(casesFile('K2', 'K3'), { datasetId: first.datasetId!, mode: 'append' }, 0.5);
		expect(appended).toMatchObject({ status: 'committed', version: 2, rowsLoaded: 1 });
		expect(appended.rejects).toEqual([
			{ line: 2, column: 'case_id', value: 'K2', reason: 'duplicate_existing', detail: String(first.datasetId) }
		]);

		const replaced = await t.importBytes(casesFile('K1', 'K2', 'K4', 'X1'), { datasetId: first.datasetId!, mode: 'replace' }, 0.5);
		expect(replaced).toMatchObject({ status: 'committed', version: 3, rowsLoaded: 3 });
		expect(replaced.rejects).toEqual([
			{ line: 5, column: 'case_id', value: 'X1', reason: 'duplicate_existing', detail: String(other.datasetId) }
		]);
		expect((await cases(first.datasetId!)).map((r) => r.case_id)).toEqual(['K1', 'K2', 'K4']);
	});

	it('refuses the whole file above the reject threshold and leaves the datasets as they were', async () => {
		await t.importBytes(casesFile('K1', 'K2'));
		const before = await t.db.query('SELECT * FROM datasets');
		const outcome = await t.importBytes(casesFile('K1', 'K5'), { datasetId: 1 }, 0.01);
		expect(outcome).toMatchObject({ status: 'refused', datasetId: null, rowsLoaded: 0, rowsRejected: 1 });
		expect(await t.db.query('SELECT * FROM datasets')).toEqual(before);
		expect((await cases()).map((r) => r.case_id)).toEqual(['K1', 'K2']);
		expect((await t.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((a) => a.action)).toEqual([
			'import_append',
			'import_refused'
		]);
	});
});

describe('versions and rollback', () => {
	it('restores exactly the state of an earlier version, then goes on numbering versions', async () => {
		const v1 = await t.importBytes(casesFile('V1', 'V2'), { mode: 'replace' });
		const id = v1.datasetId!;
		const state1 = await cases(id);
		await t.importBytes([CASE_HEADER, caseRow('V3'), caseRow('V4', '2024-01-20')].join('\n'), { datasetId: id, mode: 'append' });
		const state2 = await cases(id);
		await t.importBytes([CASE_HEADER, caseRow('V1', '2024-01-05'), caseRow('V5')].join('\n'), { datasetId: id, mode: 'replace' });
		expect((await cases(id)).map((r) => r.case_id)).toEqual(['V1', 'V5']);

		await rollbackDataset(t.db, id, 2, 'test');
		expect(await cases(id)).toEqual(state2);
		await rollbackDataset(t.db, id, 1, 'test');
		expect(await cases(id)).toEqual(state1);
		expect(await t.db.query(`SELECT version, status FROM dataset_versions WHERE dataset_id = $1 ORDER BY version`, [id])).toEqual([
			{ version: 1, status: 'active' },
			{ version: 2, status: 'rolled_back' },
			{ version: 3, status: 'rolled_back' }
		]);
		await expect(rollbackDataset(t.db, id, 2, 'test')).rejects.toMatchObject({ code: 'rollback_invalid' });
		const v4 = await t.importBytes(casesFile('V6'), { datasetId: id });
		expect(v4.version).toBe(4);
		expect((await cases(id)).map((r) => r.case_id)).toEqual(['V1', 'V2', 'V6']);
	});

	it('keeps "other" datasets as a table per version and switches back on rollback', async () => {
		const v1 = await t.importBytes('a;b\n1;x\n', { kind: 'other' });
		await t.importBytes('a;b\n2;y\n', { kind: 'other', datasetId: v1.datasetId!, mode: 'append' });
		const { otherRows } = await import('../other/rows');
		expect((await otherRows(t.db, v1.datasetId!, 2, 10)).rows.map((r) => r.cells)).toEqual([
			['1', 'x'],
			['2', 'y']
		]);
		await expect(t.importBytes('a;c\n3;z\n', { kind: 'other', datasetId: v1.datasetId!, mode: 'append' })).rejects.toMatchObject({
			code: 'columns_mismatch'
		});
		await rollbackDataset(t.db, v1.datasetId!, 1, 'test');
		expect((await otherRows(t.db, v1.datasetId!, 1, 10)).rows.map((r) => r.cells)).toEqual([['1', 'x']]);
		expect(
			await t.db.query(
				`SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, 'other_') AND table_name NOT IN ('other_columns', 'other_column_settings')`
			)
		).toEqual([{ n: 1 }]);
	});
});
