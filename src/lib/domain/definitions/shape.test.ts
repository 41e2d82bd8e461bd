import { describe, expect, it } from 'vitest';
import { MAX_DEFINITIONS_PER_SAVE, parseSaveRequest } from './shape';

describe('a request to save definitions', () => {
	it("takes the editor's one definition or a file's list, leaving each definition to its own check", () => {
		expect(parseSaveRequest({ mode: 'add', definition: { id: 'x' } })).toEqual({
			ok: true,
			request: { mode: 'add', definition: { id: 'x' } }
		});
		expect(parseSaveRequest({ mode: 'update', definitions: [1, 2] })).toEqual({
			ok: true,
			request: { mode: 'update', definitions: [1, 2] }
		});
	});

	it('names the field at fault: the mode, a missing definition, an unknown key, a list too long', () => {
		const paths = (body: unknown) => {
			const parsed = parseSaveRequest(body);
			return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}:${p.code}`);
		};
		expect(paths({ mode: 'replace', definition: {} })).toEqual(['mode:invalid']);
		expect(paths({ mode: 'add' })).toEqual(['definition:missing']);
		expect(paths({ mode: 'add', definition: {}, extra: 1 })).toEqual(['extra:unknown_key']);
		expect(paths({ mode: 'add', definitions: Array(MAX_DEFINITIONS_PER_SAVE + 1).fill({}) })).toEqual(['definitions:invalid']);
		expect(paths(null)).toEqual([':invalid']);
	});
});
