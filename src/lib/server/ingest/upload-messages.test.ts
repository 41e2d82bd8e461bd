/**
 * Whole-file refusals say what is wrong (issue 15): a file in two encodings is not "binary", a
 * very wide file is refused with its real column count, and a row too long for the reader is
 * refused with its line and length instead of vanishing.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFile } from '../../domain/ingest/format';
import { openTestDatabase, type TestDatabase } from './test-db';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(() => t.close());

describe('upload messages', () => {
	it('calls a file of UTF-8 and Windows-1251 lines mixed encodings, naming the first foreign line', async () => {
		const bytes = Buffer.concat([Buffer.from('Регион;Дела\nАстана;5\nАлматы;6\n'), iconv.encode('Шымкент;7\n', 'win1251')]);
		expect(sampleFile(bytes, true)).toEqual({ ok: false, reason: 'mixed_encoding', line: 4 });
		await expect(t.importBytes(bytes, { kind: 'other' })).rejects.toMatchObject({ code: 'mixed_encoding', params: { line: 4 } });
	});

	it('reports the real column count of a file whose header is longer than the sample', async () => {
		const header = Array.from({ length: 100_000 }, (_, i) => `c${i + 1}`).join(',');
		const row = Array.from({ length: 100_000 }, () => '1').join(',');
		await expect(t.importBytes(`${header}\n${row}\n`, { kind: 'other' })).rejects.toMatchObject({
			code: 'too_many_columns',
			params: { count: '100000', max: 1000 }
		});
	});

	it('refuses a row longer than the reader takes with its line and length', async () => {
		const outcome = await t.importBytes(`a,b\n${'x'.repeat(3 * 1024 * 1024)},1\n`, { kind: 'other' });
		expect(outcome.status).toBe('refused');
		expect(outcome.reasons).toEqual({ line_too_long: 1 });
		expect(outcome.rejects).toEqual([{ line: 2, column: null, value: null, reason: 'line_too_long', detail: '3.0 MB > 2.0 MB' }]);
	});
});
