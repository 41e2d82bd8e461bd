import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, sampleFile } from './format';
import { parseDate, parseNumber } from './values';

const RUSSIAN = 'Регион;Дата поступления;Сумма иска\r\nг. Алматы;05.03.2024;1\u00a0234\u00a0567,89\r\nЖамбылская обл.;15.11.2023;500,5\r\n';

describe('format detection', () => {
	it('recognises the Russian Excel export: Windows-1251, semicolons, dd.mm.yyyy, decimal comma, no-break spaces', () => {
		const result = sampleFile(iconv.encode(RUSSIAN, 'win1251'), true);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.sample.format).toEqual({
			encoding: 'windows-1251',
			delimiter: ';',
			header: true,
			decimal: ',',
			thousands: 'nbsp',
			dateFormat: 'dd.mm.yyyy'
		});
		expect(result.sample.columns).toEqual(['Регион', 'Дата поступления', 'Сумма иска']);
		expect(result.sample.rows[0]).toEqual(['г. Алматы', '05.03.2024', '1\u00a0234\u00a0567,89']);
	});

	it('tells UTF-8, UTF-8 with BOM, UTF-16 and binary apart', () => {
		expect(detectEncoding(Buffer.from(RUSSIAN))).toBe('utf-8');
		expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RUSSIAN)]))).toBe('utf-8-bom');
		expect(detectEncoding(Buffer.from('\ufeffa,b', 'utf16le'))).toBe('utf-16');
		expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('binary');
		expect(detectEncoding(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x01, 0x02, 0x01, 0x90, 0x85]))).toBe(
			'binary'
		);
	});

	it('does not take a UTF-8 sequence cut by the end of the sample for Windows-1251', () => {
		const bytes = Buffer.from('a,b\nКараганда,1\n'.repeat(10));
		expect(detectEncoding(bytes.subarray(0, bytes.length - 5), false)).toBe('utf-8');
	});

	it('finds no header when the first row holds figures, and a comma delimiter with decimal points', () => {
		const result = sampleFile(Buffer.from('2024-01-01,12.50\n2024-02-01,13.75\n'), true);
		expect(result.ok && result.sample.format).toMatchObject({ delimiter: ',', header: false, decimal: '.', dateFormat: 'yyyy-mm-dd' });
		expect(result.ok && result.sample.columns).toEqual(['1', '2']);
	});

	it('refuses empty text', () => {
		expect(sampleFile(Buffer.from(' \r\n'), true)).toEqual({ ok: false, reason: 'empty' });
	});
});

describe('cell values', () => {
	it('reads numbers in the file’s layout', () => {
		expect(parseNumber('1\u00a0234\u00a0567,89', ',')).toBe(1234567.89);
		expect(parseNumber('1.234.567,89', ',')).toBe(1234567.89);
		expect(parseNumber('1,234,567.89', '.')).toBe(1234567.89);
		expect(parseNumber('12,5', '.')).toBeNull();
		expect(parseNumber('12,5', ',', true)).toBeNull();
	});

	it('reads dates in the three layouts and refuses impossible ones', () => {
		expect(parseDate('05.03.2024')).toBe('2024-03-05');
		expect(parseDate('5/3/2024')).toBe('2024-03-05');
		expect(parseDate('2024-03-05')).toBe('2024-03-05');
		expect(parseDate('05.03.2024 0:00:00')).toBe('2024-03-05');
		expect(parseDate('31.02.2024')).toBeNull();
		expect(parseDate('03/05/24')).toBeNull();
	});
});
