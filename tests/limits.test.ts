/**
 * A hostile client against the built server on demo data: huge ranges, every breakdown pair of
 * several indicators at month grain over 1990–2100, many requests at once. The server must stay
 * up with bounded memory (its resident size read from /proc), refuse what is too large with a 400
 * naming the parameter, shed the rest with 503 and Retry-After, and keep answering cheap requests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../src/lib/domain/catalog';
import { REGION_CODES } from '../src/lib/domain/regions';
import { settings } from '../src/lib/server/config';
import { openAppDatabase } from '../src/lib/server/startup';
import { createTestUsers, sessionCookie } from './support/auth';
import { startServer, type RunningServer } from './support/server';

const SCALE = 0.1;
/** Resident memory the server may reach under attack (it idles at about 0.2 GB at this scale). */
const MAX_RSS_MB = 1200;
const HOSTILE_INDICATORS = ['stability', 'pending_age_median', 'fraud_incidents'];
/** Run at year grain, where most breakdowns fit the cap: they run, many at once. */
const HEAVY_INDICATORS = ['median_days'];
const WAVE = 40;

let dir: string;
let server: RunningServer;
let analyst: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-limits-'));
	const databasePath = path.join(dir, 'court.duckdb');
	const s = settings();
	const db = await openAppDatabase(
		{ ...s, databasePath, demoScale: SCALE, demoDir: path.join(dir, 'generated'), uploadsDir: path.join(dir, 'uploads') },
		() => undefined
	);
	await createTestUsers(db);
	db.close();
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(dir, 'uploads'),
		QUERY_TIMEOUT_SECONDS: '5'
	});
	analyst = await sessionCookie(server.url, 'analyst');
}, 240_000);
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** The server's resident memory in MB, from /proc. */
function rssMb(): number {
	const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Answer {
	url: string;
	status: number;
	retryAfter: string | null;
	body: { error?: { message: string; errors?: { param: string; code: string; message: string }[] } };
}

async function get(url: string, cookie?: string): Promise<Answer> {
	const response = await fetch(server.url + url, { headers: cookie ? { cookie } : {} });
	const text = await response.text();
	let body: Answer['body'] = {};
	if (response.headers.get('content-type')?.includes('json') && response.status !== 200) body = JSON.parse(text);
	return { url, status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

describe('one huge request', () => {
	it('is refused before it runs, with a message naming the parameter and the limit', async () => {
		// Signed in: the public may not ask for such a range at all (calendar periods only).
		const huge = await get('/api/indicators/stability?by=court,category&from=1990-01-01&to=2100-12-31&grain=month', analyst);
		expect(huge.status).toBe(400);
		expect(huge.body.error!.errors).toMatchObject([{ param: 'grain', code: 'too_large' }]);
		expect(huge.body.error!.errors![0].message).toMatch(/20000/);
		const future = await get('/api/indicators/incoming?period=2031');
		expect(future.status).toBe(400);
		expect(future.body.error!.errors).toMatchObject([{ param: 'period', code: 'after_data' }]);
	});

	it('reaching beyond the data is cut to it, and the answer says so', async () => {
		const response = await fetch(`${server.url}/api/indicators/incoming?from=1990-01-01&to=2100-12-31&grain=year`, {
			headers: { cookie: analyst }
		});
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(body.clip.requested).toEqual({ from: '1990-01-01', to: '2100-12-31' });
		expect(body.clip.shown).toEqual(body.period);
		expect(body.period.to).toBe(body.asOf);
		expect(body.rows.length).toBeLessThan(15);
	});
});

describe('every breakdown pair at once, over 1990–2100 by month', () => {
	it('leaves the server up, its memory bounded and cheap requests answered', async () => {
		const pairs = DIMENSION_IDS.flatMap((a, i) => [[a], ...DIMENSION_IDS.slice(i + 1).map((b) => [a, b])]);
		const hostile = HOSTILE_INDICATORS.flatMap((id) =>
			pairs.map((by) => `/api/indicators/${id}?by=${by.join(',')}&from=1990-01-01&to=2100-12-31&grain=month`)
		);
		// The same breakdowns over whole years, which fit the cap and so run, many at once.
		const heavy = HEAVY_INDICATORS.flatMap((id) =>
			pairs.map((by) => `/api/indicators/${id}?by=${by.join(',')}&grain=year&from=2018-01-01&to=2026-12-31`)
		);
		let attacking = true;
		let peak = rssMb();
		const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
		// Cheap requests all along: single figures for one region (distinct, so not served from the cache).
		const cheap: Answer[] = [];
		const probe = (async () => {
			for (let i = 0; attacking; i++) {
				const region = REGION_CODES[i % REGION_CODES.length];
				const id = ['resolved', 'incoming', 'clearance_rate'][Math.floor(i / REGION_CODES.length) % 3];
				cheap.push(await get(`/api/indicators/${id}?period=2025&region=${region}`));
			}
		})();
		const answers: Answer[] = [];
		const all = [...hostile, ...heavy];
		for (let start = 0; start < all.length; start += WAVE) {
			answers.push(...(await Promise.all(all.slice(start, start + WAVE).map((url) => get(url, analyst)))));
		}
		attacking = false;
		await probe;
		clearInterval(sampler);

		expect(server.process.exitCode).toBeNull();
		expect(peak).toBeLessThan(MAX_RSS_MB);
		const statuses = new Set(answers.map((a) => a.status));
		expect([...statuses].filter((s) => ![200, 400, 503].includes(s))).toEqual([]);
		for (const a of answers.filter((x) => x.status === 400)) {
			expect(a.body.error!.errors!.length, a.url).toBeGreaterThan(0);
			for (const e of a.body.error!.errors!) expect(['by', 'grain'], `${a.url}: ${e.message}`).toContain(e.param);
		}
		for (const a of answers.filter((x) => x.status === 503)) {
			expect(Number(a.retryAfter), a.url).toBeGreaterThan(0);
			expect(a.body.error!.message, a.url).not.toMatch(/SELECT|Error:|at /);
		}
		// Every hostile month-grain request over 1990–2100 with a breakdown larger than 20000/1332 groups is refused.
		expect(answers.filter((a) => a.url.includes('grain=month') && a.status === 200).length).toBeLessThan(hostile.length);
		expect(cheap.length).toBeGreaterThan(0);
		expect(cheap.filter((a) => a.status !== 200)).toEqual([]);
		expect((await get('/api/indicators/incoming?period=2025')).status).toBe(200);
	}, 600_000);
});
