import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvFile, csvField, csvLine } from './csv';

describe('CSV output', () => {
	it('quotes per RFC 4180 only when needed, and writes null as empty', () => {
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField('KZ75-D01')).toBe('KZ75-D01');
		expect(csvField(1234567.5)).toBe('1234567.5');
		expect(csvField(true)).toBe('true');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvLine(['Суд города Алматы', null, 0, false])).toBe('Суд города Алматы,,0,false');
	});

	it('streams many rows to disk in order, header first', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-'));
		const file = new CsvFile(path.join(dir, 'x.csv'), ['n', 'text']);
		for (let i = 0; i < 200_000; i++) {
			file.push(csvLine([i, i % 2 ? 'odd, "quoted"' : 'even']));
			if (i % 50_000 === 0) await file.flush();
		}
		await file.close();
		const text = fs.readFileSync(path.join(dir, 'x.csv'), 'utf8').split('\n');
		expect(text[0]).toBe('n,text');
		expect(text[1]).toBe('0,even');
		expect(text[2]).toBe('1,"odd, ""quoted"""');
		expect(text[200_000]).toBe('199999,"odd, ""quoted"""');
		expect(text).toHaveLength(200_002); // and a final line break
		expect(file.rows).toBe(200_000);
		fs.rmSync(dir, { recursive: true });
	});
});
