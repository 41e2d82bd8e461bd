/**
 * The SQL that types cells on the server and the parsers the browser checks a preview with
 * (domain/ingest/values.ts) must read every spelling alike, fast paths included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listValue } from '@duckdb/node-api';
import { parseBoolean, parseDate, parseNumber, type DecimalSeparator } from '../../domain/ingest/values';
import { Binder } from '../db/binder';
import { Database } from '../db/database';
import { booleanSql, dateSql, numberSql, textSql } from './convert';

let db: Database;
beforeAll(async () => {
	db = await Database.open(':memory:', { threads: 1 });
});
afterAll(() => db.close());

/** Each text typed by `sql` in DuckDB, in order. */
async function typed(texts: string[], sql: (text: string, p: Binder) => string): Promise<unknown[]> {
	const p = new Binder();
	const list = p.bind(listValue(texts));
	const rows = await db.query<{ i: number; v: unknown }>(
		`SELECT i, ${sql(textSql('c'), p)} AS v FROM (SELECT unnest(generate_series(1, len(${list}))) AS i, unnest(${list}) AS c) ORDER BY i`,
		p.values
	);
	return rows.map((r) => r.v);
}

const NUMBERS = [
	'0',
	'42',
	'-7',
	'007',
	' 12 ',
	'-',
	'--5',
	'5-',
	'1-2',
	'+5',
	'1e3',
	'1_000',
	'12.50',
	'12,50',
	'1 234,5',
	'1\u00a0234',
	'1.234.567',
	'1,234,567',
	'1,234.5',
	'1.234,5',
	'12,3,4',
	'abc',
	'',
	'99999999999999999999'
];

describe('cell typing in SQL agrees with the preview parsers', () => {
	for (const decimal of [',', '.'] as DecimalSeparator[]) {
		for (const integer of [false, true]) {
			it(`numbers, decimal "${decimal}"${integer ? ', integers' : ''}`, async () => {
				const sql = await typed(NUMBERS, (t, p) => numberSql(t, decimal, integer, p));
				const js = NUMBERS.map((text) => {
					const value = parseNumber(text, decimal, integer);
					// DECIMAL(18,2) and BIGINT hold what the preview's number does, up to their range.
					return value === null || Math.abs(value) >= 1e16 ? null : value;
				});
				expect(sql.map((v) => (v === null ? null : Number(v)))).toEqual(js);
			});
		}
	}

	it('dates', async () => {
		const texts = [
			'2024-03-15',
			'15.03.2024',
			'5.3.2024',
			'15/03/2024',
			'15.03.2024 0:00:00',
			'2024-02-30',
			'2024-13-01',
			'03/15/2024',
			'x',
			''
		];
		expect(await typed(texts, dateSql)).toEqual(texts.map(parseDate));
	});

	it('yes and no', async () => {
		const texts = ['true', 'TRUE', 'да', 'Иә', 'жоқ', '-', '+', '0', '1', 'maybe', ''];
		expect(await typed(texts, booleanSql)).toEqual(texts.map((t) => (t.trim() ? parseBoolean(t) : null)));
	});
});
