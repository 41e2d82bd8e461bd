import { describe, expect, it } from 'vitest';
import { parseImportOptions } from './options';

const header = (options: unknown) => encodeURIComponent(JSON.stringify(options));

describe('upload options', () => {
	it('reads the options a client sends, with the defaults of those it leaves out', () => {
		expect(
			parseImportOptions(header({ fileName: 'a.csv', kind: 'cases', mapping: ['case_id', null], format: { delimiter: ';' } }))
		).toEqual({
			fileName: 'a.csv',
			kind: 'cases',
			mode: 'append',
			mapping: ['case_id', null],
			format: { delimiter: ';' }
		});
	});

	it('names the faulty option, or the header when it is no JSON object', () => {
		expect(parseImportOptions(header({ fileName: '  ' }))).toBe('fileName');
		expect(parseImportOptions(header({ fileName: 'a.csv', kind: 'invoices' }))).toBe('kind');
		expect(parseImportOptions(header({ fileName: 'a.csv', datasetId: 1.5 }))).toBe('datasetId');
		expect(parseImportOptions(header({ fileName: 'a.csv', format: { encoding: 'koi8-r' } }))).toBe('format');
		expect(parseImportOptions(header({ fileName: 'a.csv', mapping: ['x'.repeat(65)] }))).toBe('mapping');
		expect(parseImportOptions(header({ fileName: 'a.csv', profile: '' }))).toBe('profile');
		expect(parseImportOptions('%7Bnot json')).toBe('x-import-options');
		expect(parseImportOptions(header(5))).toBe('x-import-options');
	});
});
