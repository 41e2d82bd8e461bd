import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV exports', () => {
	it('neutralise cells a spreadsheet would run as a formula', () => {
		const hostile = ['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'plain', 'a=b'];
		const csv = toCsv(
			['value'],
			hostile.map((value) => ({ value }))
		);
		const cells = Papa.parse<string[]>(csv)
			.data.slice(1)
			.map((row) => row[0]);
		expect(cells).toEqual([`'=HYPERLINK("http://evil")`, "'+1+2", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", 'plain', 'a=b']);
	});

	it('keeps numbers, including negative ones, as numbers and quotes what needs quoting', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				{ a: -1.5, b: 'x, "y"\nz' },
				{ a: null, b: undefined }
			]
		);
		expect(csv).toBe('a,b\r\n-1.5,"x, ""y""\nz"\r\n,');
	});

	it('says its preamble before the table, one cell a line, then an empty line', () => {
		const csv = toCsv(['Month', 'Filed'], [{ Month: '2025-01', Filed: 3 }], ['Cases, by month', 'Filters: none']);
		expect(csv).toBe('"Cases, by month"\r\nFilters: none\r\n\r\nMonth,Filed\r\n2025-01,3');
		expect(Papa.parse<string[]>(csv).data).toEqual([['Cases, by month'], ['Filters: none'], [''], ['Month', 'Filed'], ['2025-01', '3']]);
	});
});
