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

	it('checks no more than the free guesses of 100 sent at once, the right one among them', async () => {
		await createUser(db, 'parallel', 'analyst', 'analyst-password-1');
		const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? 'analyst-password-1' : `guess-${i}`));
		const results = await Promise.all(guesses.map((password) => attempt('parallel', password, '10.1.0.1')));
		const checked = results.filter((r) => r.ok || r.reason === 'invalid');
		expect(checked.length).toBe(THROTTLE.free);
		expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBe(100 - THROTTLE.free);
	});

	it('backs off per login and address, doubling the wait, without holding up the same login elsewhere', async () => {
		await createUser(db, 'target', 'analyst', 'analyst-password-1');
		for (let i = 0; i < THROTTLE.free; i++) expect(await attempt('target', `guess-${i}`, '10.0.1.1')).toMatchObject({ reason: 'invalid' });
		const blocked = await attempt('target', 'analyst-password-1', '10.0.1.1');
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		expect(!blocked.ok && blocked.reason === 'throttled' && blocked.retryAfter).toBeLessThanOrEqual(THROTTLE.firstWaitSeconds);
		// The real user, elsewhere, is not held up.
		expect(await attempt('target', 'analyst-password-1', '10.0.2.1')).toMatchObject({ ok: true });
		// Once the wait has passed, one more guess; the next wait is twice as long.
		const age = (seconds: number) =>
			db.run(`UPDATE login_failures SET failed_at = failed_at - to_seconds($s::INTEGER) WHERE login = 'target'`, { s: seconds });
		await age(THROTTLE.firstWaitSeconds);
		expect(await attempt('target', 'guess-x', '10.0.1.1')).toMatchObject({ reason: 'invalid' });
		const longer = await attempt('target', 'guess-y', '10.0.1.1');
		expect(!longer.ok && longer.reason === 'throttled' && longer.retryAfter).toBeGreaterThan(THROTTLE.firstWaitSeconds);
		expect(!longer.ok && longer.reason === 'throttled' && longer.retryAfter).toBeLessThanOrEqual(2 * THROTTLE.firstWaitSeconds);
		// Failures older than the window no longer count.
		await age(THROTTLE.windowMinutes * 60);
		expect(await attempt('target', 'analyst-password-1', '10.0.1.1')).toMatchObject({ ok: true });
	});

	it('bounds guessing spread over many addresses, while a browser that signed in before still signs in', async () => {
		await createUser(db, 'spread', 'analyst', 'analyst-password-1');
		const known = await attempt('spread', 'analyst-password-1', '10.2.0.1');
		if (!known.ok) throw new Error('the first sign-in failed');
		await Promise.all(Array.from({ length: THROTTLE.perLogin }, (_, i) => attempt('spread', `guess-${i}`, `10.3.0.${i}`)));
		// Any new address, without the device cookie, waits; the known browser does not, from anywhere.
		expect(await attempt('spread', 'analyst-password-1', '10.4.0.1')).toMatchObject({ ok: false, reason: 'throttled' });
		const device = { login: 'spread', password: 'analyst-password-1', address: '10.4.0.2', device: known.device, ttlHours: 1 };
		const again = await login(db, device);
		expect(again).toMatchObject({ ok: true, device: known.device });
		// A stolen-looking cookie is only a cookie: guesses with it count against it and back off too.
		for (let i = 0; i < THROTTLE.free; i++) await login(db, { ...device, password: `guess-${i}` });
		expect(await login(db, device)).toMatchObject({ ok: false, reason: 'throttled' });
	}, 120_000);

	it('slows an address spraying many logins, but not a browser that signed in before', async () => {
		const known = await attempt('signer', 'analyst-password-1', '10.9.9.9');
		if (!known.ok) throw new Error('the first sign-in failed');
		await db.run(`INSERT INTO login_failures (login, address) SELECT 'spray' || i, '10.9.9.9' FROM range($n::INTEGER) t(i)`, {
			n: THROTTLE.perAddress
		});
		expect(await attempt('someone.else', 'x-password', '10.9.9.9')).toMatchObject({ ok: false, reason: 'throttled' });
		expect(
			await login(db, { login: 'signer', password: 'analyst-password-1', address: '10.9.9.9', device: known.device, ttlHours: 1 })
		).toMatchObject({
			ok: true
		});
		expect(await attempt('signer', 'analyst-password-1', '10.9.9.10')).toMatchObject({ ok: true });
	});
});

describe('password strength (NIST SP 800-63B: a blocklist, no composition rules)', () => {
	it('refuses common, repeated, sequential and keyboard passwords and the login itself, accepting phrases', async () => {
		for (const weak of [
			'aaaaaaaaaa',
			'1234567890',
			'qwertyuiop',
			'password12',
			'йцукенгшщз',
			'пароль12345',
			'ivanov.sud1',
			'Summer2024!'
		]) {
			await expect(createUser(db, 'ivanov.sud', 'analyst', weak), weak).rejects.toMatchObject({ code: 'weak_password' });
		}
		const id = await createUser(db, 'ivanov.sud', 'analyst', 'Хорошая погода 7');
		await expect(updateUser(db, id, { password: 'abcabcabcabc' })).rejects.toMatchObject({ code: 'weak_password' });
		await updateUser(db, id, { password: 'kz-court-center-7' });
	});
});
