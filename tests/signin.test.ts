/**
 * Sign-in under attack, over HTTP against the built server run as behind a reverse proxy
 * (ADDRESS_HEADER=x-forwarded-for), so that each request can come from its own address: parallel
 * guesses, the real user elsewhere, the `next` parameter, and what analysts see of accounts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../src/lib/server/auth/throttle';
import { createTestUsers, TEST_USERS } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let databasePath: string;

beforeAll(async () => {
	databasePath = tempDatabasePath('e2e-signin');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	server = await startServer({ DATABASE_PATH: databasePath, DEMO_SCALE: '0', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterAll(async () => {
	await server?.stop();
	fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
});

function signIn(login: string, password: string, address: string, extra: { next?: string; cookie?: string } = {}) {
	return fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': address,
			...(extra.cookie ? { cookie: extra.cookie } : {})
		},
		body: new URLSearchParams({ login, password, next: extra.next ?? '/' })
	});
}

const cookieOf = (response: Response, name: string) =>
	response.headers
		.getSetCookie()
		.find((c) => c.startsWith(`${name}=`))
		?.split(';')[0];

describe('guessing', () => {
	it('checks at most the free guesses of 100 sent at once, the right one last, and says how long to wait', async () => {
		const { login, password } = TEST_USERS.judge;
		const guesses = Array.from({ length: 100 }, (_, i) => (i === 99 ? password : `guess-number-${i}`));
		const answers = await Promise.all(guesses.map((p) => signIn(login, p, '203.0.113.7')));
		const checked = answers.filter((r) => r.status === 400 || r.status === 303);
		const throttled = answers.filter((r) => r.status === 429);
		expect(checked.length).toBeLessThanOrEqual(THROTTLE.free);
		expect(throttled.length).toBeGreaterThanOrEqual(100 - THROTTLE.free);
		expect(Number(throttled[0].headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('does not lock the real user out: from another address the right password signs in', async () => {
		const { login, password } = TEST_USERS.judge;
		const response = await signIn(login, password, '198.51.100.20');
		expect(response.status).toBe(303);
		const device = response.headers.getSetCookie().find((c) => c.startsWith('device='));
		expect(device).toMatch(/Path=\/login/);
		expect(device).toMatch(/HttpOnly/);
	});

	it('lets a browser that signed in before sign in while guesses from many addresses hold the login', async () => {
		const { login, password } = TEST_USERS.analyst;
		const first = await signIn(login, password, '198.51.100.30');
		const device = cookieOf(first, 'device')!;
		await Promise.all(Array.from({ length: THROTTLE.perLogin }, (_, i) => signIn(login, `guess-${i}`, `192.0.2.${i + 1}`)));
		expect((await signIn(login, password, '198.51.100.31')).status).toBe(429);
		expect((await signIn(login, password, '198.51.100.32', { cookie: device })).status).toBe(303);
	});
});

describe('the next parameter', () => {
	it('never sends the browser to another site or breaks the redirect with control characters', async () => {
		const { login, password } = TEST_USERS.admin;
		for (const next of [
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\nSet-Cookie: x=1',
			'//evil.example',
			'/\\evil.example',
			'https://evil.example'
		]) {
			const response = await signIn(login, password, '198.51.100.40', { next });
			expect(response.status, JSON.stringify(next)).toBe(303);
			expect(response.headers.get('location'), JSON.stringify(next)).toBe('/');
		}
		const kept = await signIn(login, password, '198.51.100.40', { next: '/fraud?period=2025' });
		expect(kept.headers.get('location')).toBe('/fraud?period=2025');
	});
});

describe('accounts in the change log', () => {
	it('are shown to administrators only', async () => {
		const admin = cookieOf(await signIn(TEST_USERS.admin.login, TEST_USERS.admin.password, '198.51.100.50'), 'session')!;
		const created = await fetch(`${server.url}/admin/users?/create`, {
			method: 'POST',
			headers: { origin: server.url, cookie: admin, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
			body: new URLSearchParams({ login: 'secret.person', role: 'judge', password: 'a phrase of several words' })
		});
		expect(created.status).toBe(200);
		expect(await (await fetch(`${server.url}/data`, { headers: { cookie: admin } })).text()).toContain('secret.person');
		const analyst = cookieOf(await signIn(TEST_USERS.analyst.login, TEST_USERS.analyst.password, '198.51.100.51'), 'session')!;
		const page = await (await fetch(`${server.url}/data`, { headers: { cookie: analyst } })).text();
		expect(page).not.toContain('secret.person');
		expect(page).not.toContain('user_create');
	});
});

describe('the overview for analysts', () => {
	it('answers for a court that has forms but no case rows in the period', async () => {
		const analyst = cookieOf(await signIn(TEST_USERS.analyst.login, TEST_USERS.analyst.password, '198.51.100.60'), 'session')!;
		const response = await fetch(`${server.url}/?court=KZ75-D02&period=2024`, { headers: { cookie: analyst } });
		expect(response.status).toBe(200);
	});
});
