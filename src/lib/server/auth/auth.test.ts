/** Accounts, passwords, sessions and throttling on a real DuckDB file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabasePath } from '../../../../tests/support/fixture-db';
import { Database } from '../db/database';
import { migrate } from '../db/migrations';
import { login } from './login';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession, findSession, purgeExpiredSessions } from './sessions';
import { THROTTLE } from './throttle';
import { createUser, deleteUser, listUsers, updateUser, UserInputError } from './users';

let db: Database;
beforeAll(async () => {
	db = await Database.open(tempDatabasePath('auth'));
	await migrate(db);
});
afterAll(() => db.close());

const attempt = (name: string, password: string, address = '10.0.0.1') => login(db, { login: name, password, address, ttlHours: 1 });

describe('passwords', () => {
	it('are stored as salted scrypt hashes and verified in constant time', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(a).not.toBe(b);
		expect(a).not.toContain('correct horse');
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
	});
});

describe('accounts', () => {
	it('validate login, role and password length, and refuse duplicates', async () => {
		const expectCode = async (p: Promise<unknown>, code: string) => {
			await expect(p).rejects.toBeInstanceOf(UserInputError);
			await expect(p).rejects.toMatchObject({ code });
		};
		await expectCode(createUser(db, 'X Y', 'analyst', 'long-enough-1'), 'bad_login');
		await expectCode(createUser(db, 'someone', 'public', 'long-enough-1'), 'bad_role');
		await expectCode(createUser(db, 'someone', 'root', 'long-enough-1'), 'bad_role');
		await expectCode(createUser(db, 'someone', 'analyst', 'short'), 'short_password');
		await createUser(db, 'dup', 'analyst', 'long-enough-1');
		await expectCode(createUser(db, 'dup', 'judge', 'long-enough-1'), 'login_taken');
	});

	it('never leave the system without an active administrator', async () => {
		const admin = await createUser(db, 'only.admin', 'admin', 'admin-password-1');
		await expect(updateUser(db, admin, { role: 'analyst' })).rejects.toMatchObject({ code: 'last_admin' });
		await expect(updateUser(db, admin, { disabled: true })).rejects.toMatchObject({ code: 'last_admin' });
		await expect(deleteUser(db, admin)).rejects.toMatchObject({ code: 'last_admin' });
		const second = await createUser(db, 'second.admin', 'admin', 'admin-password-2');
		await updateUser(db, admin, { role: 'analyst' });
		expect((await listUsers(db)).find((u) => u.user_id === admin)?.role).toBe('analyst');
		await expect(deleteUser(db, second)).rejects.toMatchObject({ code: 'last_admin' });
	});
});

describe('sessions', () => {
	it('open with a random token whose hash alone is stored, and end on logout or expiry', async () => {
		const id = await createUser(db, 'sess', 'judge', 'judge-password-1');
		const { token } = await createSession(db, id, 1);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = $id', { id });
		expect(stored[0].token_hash).not.toContain(token);
		expect(await findSession(db, token)).toEqual({ id, login: 'sess', role: 'judge' });
		expect(await findSession(db, token + 'x')).toBeNull();
		expect(await findSession(db, undefined)).toBeNull();

		await deleteSession(db, token);
		expect(await findSession(db, token)).toBeNull();

		const expiring = await createSession(db, id, 1);
		await db.run(`UPDATE sessions SET expires_at = now()::TIMESTAMP - INTERVAL 1 MINUTE WHERE user_id = $id`, { id });
		expect(await findSession(db, expiring.token)).toBeNull();
		expect(await purgeExpiredSessions(db)).toBeGreaterThanOrEqual(1);
	});

	it('close when the account is disabled or changed', async () => {
		const id = await createUser(db, 'changing', 'analyst', 'analyst-password-1');
		const { token } = await createSession(db, id, 1);
		await updateUser(db, id, { role: 'judge' });
		expect(await findSession(db, token)).toBeNull();
		const again = await createSession(db, id, 1);
		await db.run('UPDATE users SET disabled = true WHERE user_id = $id', { id });
		expect(await findSession(db, again.token)).toBeNull();
	});
});

describe('signing in', () => {
	it('opens a session for the right password only, saying nothing about which part was wrong', async () => {
		await createUser(db, 'signer', 'analyst', 'analyst-password-1');
		expect(await attempt('signer', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
		expect(await attempt('nobody', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
		const ok = await attempt('  Signer ', 'analyst-password-1');
		expect(ok.ok).toBe(true);
	});

	it('throttles a login after repeated failures, even with the right password, and reports the wait', async () => {
		await createUser(db, 'target', 'analyst', 'analyst-password-1');
		for (let i = 0; i < THROTTLE.perLogin; i++)
			expect(await attempt('target', `guess-${i}`, `10.0.1.${i}`)).toMatchObject({ reason: 'invalid' });
		const blocked = await attempt('target', 'analyst-password-1', '10.0.2.1');
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		if (!blocked.ok && blocked.reason === 'throttled') {
			expect(blocked.retryAfter).toBeGreaterThan(THROTTLE.windowMinutes * 60 - 30);
			expect(blocked.retryAfter).toBeLessThanOrEqual(THROTTLE.windowMinutes * 60);
		}
		// Failures older than the window no longer count.
		await db.run(`UPDATE login_failures SET failed_at = failed_at - to_minutes($m::INTEGER) WHERE login = 'target'`, {
			m: THROTTLE.windowMinutes + 1
		});
		expect(await attempt('target', 'analyst-password-1', '10.0.2.1')).toMatchObject({ ok: true });
	});

	it('throttles an address that tries many logins', async () => {
		for (let i = 0; i < THROTTLE.perAddress; i++) await attempt(`spray${i}`, 'x-password', '10.9.9.9');
		expect(await attempt('signer', 'analyst-password-1', '10.9.9.9')).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await attempt('signer', 'analyst-password-1', '10.9.9.10')).toMatchObject({ ok: true });
	}, 30_000);
});
