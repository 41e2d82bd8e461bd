import { describe, expect, it } from 'vitest';
import { AccountChangeSchema, AccountRefSchema, checkAccount, NewAccountSchema } from './accounts';

describe('account input', () => {
	it('reads a new account as the form or the JSON sends it, the login trimmed and in lower case', () => {
		expect(checkAccount(NewAccountSchema, { login: ' Ivanov.Sud ', role: 'analyst', password: 'long-enough-1' })).toEqual({
			ok: true,
			value: { login: 'ivanov.sud', role: 'analyst', password: 'long-enough-1' }
		});
	});

	it('refuses each field with its own code, the first problem first', () => {
		const code = (input: unknown) => {
			const checked = checkAccount(NewAccountSchema, input);
			return checked.ok ? null : checked.code;
		};
		expect(code({ login: 'X Y', role: 'analyst', password: 'long-enough-1' })).toBe('bad_login');
		expect(code({ login: 'someone', role: 'public', password: 'long-enough-1' })).toBe('bad_role');
		expect(code({ login: 'someone', role: 'root', password: 'long-enough-1' })).toBe('bad_role');
		expect(code({ login: 'someone', role: 'judge', password: 'short' })).toBe('short_password');
		// A file field is no text.
		expect(code({ login: new Blob(['a']), role: 'judge', password: 'long-enough-1' })).toBe('bad_login');
		expect(code(null)).toBe('bad_form');
	});

	it('leaves what a change form leaves blank as it is, and reads its hidden fields', () => {
		expect(checkAccount(AccountChangeSchema, { id: '7', role: '', password: '', disabled: 'true' })).toEqual({
			ok: true,
			value: { id: 7, role: undefined, password: undefined, disabled: true }
		});
		expect(checkAccount(AccountChangeSchema, { id: 7, role: 'judge' })).toMatchObject({ ok: true, value: { id: 7, role: 'judge' } });
		expect(checkAccount(AccountChangeSchema, { id: '7', disabled: 'maybe' })).toEqual({ ok: false, code: 'bad_form' });
		expect(checkAccount(AccountChangeSchema, { id: '7', password: 'short' })).toEqual({ ok: false, code: 'short_password' });
		expect(checkAccount(AccountRefSchema, { id: 'x' })).toEqual({ ok: false, code: 'not_found' });
		expect(checkAccount(AccountRefSchema, {})).toEqual({ ok: false, code: 'bad_form' });
	});
});
