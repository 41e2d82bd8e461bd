import { afterEach, describe, expect, it } from 'vitest';
import { settings } from './config';

const set: string[] = [];
function env(name: string, value: string) {
	set.push(name);
	process.env[name] = value;
}
afterEach(() => {
	for (const name of set.splice(0)) delete process.env[name];
});

describe('settings from the environment', () => {
	it('takes numbers and words as given, and the defaults for unset or empty variables', () => {
		env('MIN_COUNT', '10');
		env('QUERY_SLOTS', '');
		env('REPLICA', 'reader');
		const s = settings();
		expect([s.minCount, s.querySlots, s.replica, s.duckdbMemoryLimit]).toEqual([10, 2, 'reader', process.env.DUCKDB_MEMORY_LIMIT || '4GB']);
	});

	it('stops at a bad value, naming the variable and what it holds', () => {
		env('UPLOAD_MAX_BYTES', '2 GB');
		expect(() => settings()).toThrow('UPLOAD_MAX_BYTES must be a number, got "2 GB"');
		delete process.env.UPLOAD_MAX_BYTES;
		env('REPLICA', 'both');
		expect(() => settings()).toThrow('REPLICA must be writer or reader, got "both"');
	});
});
