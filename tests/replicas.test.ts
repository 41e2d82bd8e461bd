/**
 * Read replicas on loopback: one writer and two readers of its published copies. An import
 * through the writer reaches both readers within seconds, no reader ever answers from a
 * half-published copy, sessions work on every process, and a killed reader leaves the other
 * answering.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, sessionCookie } from './support/auth';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';

const INCIDENTS = '/api/indicators/fraud_incidents?from=2024-01-01&to=2025-12-31';
/** An analyst's session (from the writer; readers ask it about sessions): exact figures over any period. */
let analyst = '';

async function incidents(server: RunningServer): Promise<number> {
	const response = await fetch(server.url + INCIDENTS, { headers: { cookie: analyst } });
	if (!response.ok) throw new Error(`${server.url}: ${response.status}`);
	return (await response.json()).rows[0].value;
}

describe('one writer and two readers', () => {
	const database = tempDatabasePath('replicas');
	let writer: RunningServer;
	let readers: RunningServer[];

	beforeAll(async () => {
		const db = await createFixtureDatabase(database);
		await createTestUsers(db);
		db.close();
		writer = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0', REPLICA: 'writer' });
		const reader = { DATABASE_PATH: database, REPLICA: 'reader', WRITER_URL: writer.url };
		readers = await Promise.all([startServer(reader), startServer(reader)]);
		analyst = await sessionCookie(writer.url, 'analyst');
		// Three servers start one after another on two shared cores.
	}, 300_000);
	afterAll(async () => {
		await Promise.all([writer, ...(readers ?? [])].map((s) => s?.stop()));
	});

	it('serve the writer’s published copy, and refuse writes with a message', async () => {
		for (const reader of readers) {
			const health = await fetch(reader.url + '/api/health').then((r) => r.json());
			expect(health).toMatchObject({ status: 'ok', replica: 'reader' });
			expect(health.copy.seq).toBeGreaterThanOrEqual(1);
			expect(await incidents(reader)).toBe(await incidents(writer));
			const write = await fetch(reader.url + '/api/datasets/imports', {
				method: 'POST',
				headers: { origin: reader.url, 'accept-language': 'en' },
				body: 'x'
			});
			expect(write.status).toBe(403);
			expect((await write.json()).error.message).toContain('This server is a read-only copy.');
		}
	});

	it('honour a sign-in on the writer at once, and a sign-out within seconds', async () => {
		const cookie = await sessionCookie(writer.url, 'analyst');
		for (const reader of readers) {
			const session = await fetch(reader.url + '/api/session', { headers: { cookie } }).then((r) => r.json());
			expect(session.user).toMatchObject({ login: 'analyst.test', role: 'analyst' });
			// An analyst's page, served by the reader.
			expect((await fetch(reader.url + '/data', { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
		}
		const out = await fetch(writer.url + '/logout', { method: 'POST', headers: { cookie, origin: writer.url }, redirect: 'manual' });
		expect(out.status).toBe(303);
		for (const reader of readers)
			await expect
				.poll(() => fetch(reader.url + '/api/session', { headers: { cookie } }).then((r) => r.json()), { timeout: 15_000 })
				.toEqual({ user: null });
	});

	it('show an import through the writer within seconds, never a half-published copy, and survive a killed reader', async () => {
		const before = await incidents(writer);
		const file = path.join(path.dirname(database), 'more-fraud.csv');
		fs.writeFileSync(
			file,
			'incident_id,registered_date,region,scheme,channel,damage_kzt,recovered_kzt,article,status,victim_age_group,case_number\n' +
				'F101,2024-06-01,KZ-71,fake_bank_security,phone_call,50000.00,0.00,190,registered,30_44,\n' +
				'F102,2024-06-02,KZ-71,fake_bank_security,messenger,70000.00,0.00,190,registered,45_59,\n'
		);
		// Both readers are asked all along: every answer is the old figure or the new one.
		const seen = new Set<number>();
		let watching = true;
		const watch = (async () => {
			while (watching) for (const reader of readers) seen.add(await incidents(reader));
		})();
		// Run without blocking this process, so that the readers are watched meanwhile.
		const run = await promisify(execFile)(
			process.execPath,
			[path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', '--kind', 'fraud', '--lang', 'en', file],
			{ cwd: ROOT, env: { ...process.env, DATABASE_PATH: database }, encoding: 'utf8' }
		);
		expect(run.stdout).toMatch(/^Committed/);
		expect(run.stderr).toContain(`the command goes through it (${writer.url})`);
		expect(await incidents(writer)).toBe(before + 2);
		const started = Date.now();
		for (const reader of readers) await expect.poll(() => incidents(reader), { timeout: 30_000, interval: 100 }).toBe(before + 2);
		console.log(`import visible on both readers ${Date.now() - started} ms after the command ended`);
		watching = false;
		await watch;
		expect([...seen].sort()).toEqual([before, before + 2]);

		readers[0].process.kill('SIGKILL');
		await new Promise((resolve) => readers[0].process.once('exit', resolve));
		await expect(incidents(readers[0])).rejects.toThrow();
		expect(await incidents(readers[1])).toBe(before + 2);
	});
});
