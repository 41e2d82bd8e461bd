/**
 * Runs like a service: sign-in at any address the server has without ORIGIN set, a refused form
 * answered with a page that says what to do, working files that belong to their database, and a
 * start refused for a bad setting with one line saying which and why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, TEST_USERS } from './support/auth';
import { launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';

describe('a server started without ORIGIN', () => {
	let server: RunningServer;
	let browser: Browser;
	let port: string;

	beforeAll(async () => {
		const file = tempDatabasePath('origin');
		const db = await createFixtureDatabase(file);
		await createTestUsers(db);
		db.close();
		// On every interface, as `npm start` listens by default.
		server = await startServer({ DATABASE_PATH: file, DEMO_SCALE: '0', HOST: '0.0.0.0' });
		port = new URL(server.url).port;
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('prints the addresses it answers at', () => {
		for (const host of ['localhost', '127.0.0.1', os.hostname()]) expect(server.output()).toContain(`  http://${host}:${port}\n`);
	});

	it.each(['localhost', '127.0.0.1', os.hostname()])('signs in through the form at http://%s', async (host) => {
		const context = await browser.newContext({ locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`http://${host}:${port}/login`);
		await page.fill('input[name="login"]', TEST_USERS.analyst.login);
		await page.fill('input[name="password"]', TEST_USERS.analyst.password);
		await page.click('button[type="submit"]');
		await expect.poll(() => page.locator('[data-testid="user"]').textContent()).toContain(TEST_USERS.analyst.login);
		expect(new URL(page.url()).host).toBe(`${host}:${port}`);
		await context.close();
	});

	it('answers a form from another address with a page in the reader’s language that says where it works', async () => {
		const own = `http://127.0.0.1:${port}`;
		for (const [language, text] of [
			['en', `The form was sent from a page at http://evil.example, but this server accepts forms from its own address only, ${own}.`],
			['kk', `Пішін http://evil.example бетінен жіберілді, ал бұл сервер пішіндерді тек өз мекенжайынан — ${own} — қабылдайды.`]
		]) {
			const response = await fetch(`${own}/login`, {
				method: 'POST',
				headers: {
					origin: 'http://evil.example',
					accept: 'text/html',
					'accept-language': language,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(TEST_USERS.analyst)
			});
			expect(response.status).toBe(403);
			expect(response.headers.get('set-cookie')).toBeNull();
			const html = await response.text();
			expect(html).toContain(`<html lang="${language}">`);
			expect(html).toContain(text);
			expect(html).toContain(`<a href="${own}/">`);
		}
	});
});

describe('two instances from one installation', () => {
	it('keep their working files apart: one starting never clears the other’s', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-two-'));
		const env = (name: string) => ({ DATABASE_PATH: path.join(dir, name), DEMO_SCALE: '0' });
		const first = await startServer(env('first.duckdb'));
		try {
			// An import of the first instance in progress: its staging file.
			const staging = path.join(dir, 'first.duckdb.files/uploads', '0b7c6a5e-1f0d-4c2b-9a57-5d1a8e0c4f11.csv');
			fs.mkdirSync(path.dirname(staging), { recursive: true });
			fs.writeFileSync(staging, 'case_number;filed_date\n');
			const second = await startServer(env('second.duckdb'));
			await second.stop();
			expect(fs.existsSync(staging)).toBe(true);
			// Everything either wrote is named by its database.
			expect(fs.readdirSync(dir).filter((name) => !/^(first|second)\.duckdb(\.|$)/.test(name))).toEqual([]);
			expect(fs.existsSync(path.join(dir, 'second.duckdb.files'))).toBe(true);
		} finally {
			await first.stop();
		}
	});
});

describe('a start refused for a bad setting', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-refused-'));
	const file = (name: string, text: string) => {
		fs.writeFileSync(path.join(dir, name), text);
		return path.join(dir, name);
	};
	const files = {
		syntax: file('limits-syntax.json', '{"statutory": {"appeal": {"months": 2}}'),
		unknown: file('limits-unknown.json', JSON.stringify({ statutory: { apeal: { months: 2 } } })),
		span: file('limits-span.json', JSON.stringify({ standard: { appeal: { weeks: 3 } } })),
		weights: file('weights.json', JSON.stringify({ 'civil.loan': 0 })),
		notADatabase: file('not-a-database.duckdb', 'these are not the bytes of a DuckDB file\n'.repeat(200))
	};
	const database = path.join(dir, 'court.duckdb');
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it.each([
		['a LIMITS_FILE that is not JSON', { LIMITS_FILE: files.syntax }, `LIMITS_FILE ${files.syntax}: `],
		[
			'a LIMITS_FILE naming an unknown limit',
			{ LIMITS_FILE: files.unknown },
			`LIMITS_FILE ${files.unknown}: unknown limit "statutory.apeal"`
		],
		[
			'a LIMITS_FILE with a malformed span',
			{ LIMITS_FILE: files.span },
			`LIMITS_FILE ${files.span}: limit "standard.appeal" must be {"days": n} or {"months": n}`
		],
		[
			'a LIMITS_FILE that does not exist',
			{ LIMITS_FILE: path.join(dir, 'missing.json') },
			`LIMITS_FILE ${path.join(dir, 'missing.json')}: `
		],
		[
			'a malformed WORKLOAD_WEIGHTS_FILE',
			{ WORKLOAD_WEIGHTS_FILE: files.weights },
			`WORKLOAD_WEIGHTS_FILE ${files.weights}: weight of "civil.loan" must be a number above 0`
		],
		['a DATABASE_PATH that is not a database', { DATABASE_PATH: files.notADatabase }, `DATABASE_PATH ${files.notADatabase}: `],
		['a setting that is not a number', { QUERY_SLOTS: 'two' }, 'QUERY_SLOTS must be a number, got "two"']
	])('%s: exits non-zero with one message naming the setting (and file) and the problem, no stack trace', async (_, env, message) => {
		const refused = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0', ...env }).then(
			async (server) => {
				await server.stop();
				return null;
			},
			(error: Error) => error.message
		);
		expect(refused, 'the server started').not.toBeNull();
		expect(refused).toMatch(/^server exited with [1-9]\d*:/);
		const output = refused!.replace(/^server exited with \d+:\n/, '');
		expect(output).toContain(`The server did not start: ${message}`);
		// One line, the message: no stack frames, no error object printed after it.
		expect(output.trim().split('\n')).toHaveLength(1);
		expect(output).not.toMatch(/^\s+at /m);
	});
});
