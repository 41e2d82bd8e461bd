import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from './index';

// The count in the docs drifted from the catalog before (37 written, 42 held); it is stated once and checked.
describe('the documentation of the catalog', () => {
	it('states the number of indicators the catalog holds, in docs/indicators.md only', () => {
		const docs = readFileSync('docs/indicators.md', 'utf8');
		const counts = [...docs.matchAll(/(?:The catalog holds|each of the) (\d+) (?:catalog )?indicators/g)].map((m) => Number(m[1]));
		expect(counts).toEqual([INDICATORS.length, INDICATORS.length]);
		expect(readFileSync('README.md', 'utf8')).not.toMatch(/\b\d+ indicators\b/);
	});
});
