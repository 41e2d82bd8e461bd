/**
 * Waiting with feedback, over real HTTP and in Chromium: pages and API answers are compressed;
 * the practice explorer sends its frame and forms first and streams each section's figures,
 * which stand as loading charts until they come; while the next view loads, the one on screen
 * is dimmed under a progress bar.
 */
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginAs, sessionCookie } from './support/auth';
import { launchBrowser, streamed } from './support/browser';

const base = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The bytes as sent (fetch would ask for gzip itself and decode the body). */
function get(path: string, encoding: string | null, cookie?: string): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
	return new Promise((resolve, reject) => {
		const headers = { ...(encoding ? { 'accept-encoding': encoding } : {}), ...(cookie ? { cookie } : {}) };
		http
			.get(base + path, { headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
			})
			.on('error', reject);
	});
}

describe('compression', () => {
	it('sends pages and JSON as brotli or gzip when asked, and as they are otherwise', async () => {
		for (const path of ['/', '/api/indicators/clearance_rate']) {
			const plain = await get(path, null);
			expect(plain.headers['content-encoding'], path).toBeUndefined();
			for (const [encoding, decode] of [
				['br', brotliDecompressSync],
				['gzip', gunzipSync]
			] as const) {
				const { headers, bytes } = await get(path, `${encoding}`);
				expect(headers['content-encoding'], path).toBe(encoding);
				expect(headers.vary).toMatch(/accept-encoding/i);
				expect(bytes.length, path).toBeLessThan(plain.bytes.length / 3);
				expect(decode(bytes).toString(), path).toBe(plain.bytes.toString());
			}
		}
	});
});

describe('the practice explorer streams its sections', () => {
	it('sends the frame and forms with a loading chart per section, then the figures in the same response', async () => {
		const cookie = await sessionCookie(base, 'judge');
		const { headers, bytes } = await get('/practice?period=2024', 'br', cookie);
		expect(headers['content-encoding']).toBe('br');
		const html = brotliDecompressSync(bytes).toString();
		const firstPending = html.indexOf('data-testid="pending"');
		expect(firstPending).toBeGreaterThan(html.indexOf('data-testid="filter-bar"'));
		expect(html.match(/data-testid="pending"/g)!.length).toBeGreaterThanOrEqual(4);
		// The life cycle's figures (A6 settled, never appealed) come after the placeholders, in the streamed part.
		expect(html.lastIndexOf('settled')).toBeGreaterThan(firstPending);
	});

	it('dims the view on screen under a progress bar while the next one loads, then shows the new figures', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		await loginAs(context, base, 'judge');
		const page = await context.newPage();
		await page.goto(base + '/practice?period=2024');
		await streamed(page);
		await expect(page.getByTestId('fig-decided').locator('strong').textContent()).resolves.toBe('7');

		// Hold the next view's data until the dimmed state has been seen.
		let held: Route | undefined;
		const arrived = new Promise<void>((resolve) =>
			page.route('**/__data.json*', (route) => {
				if (held) return route.continue();
				held = route;
				resolve();
			})
		);
		await page.getByTestId('filter-period').selectOption('2025');
		await arrived;
		await page.getByTestId('navigation-progress').waitFor();
		await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
		await expect(page.locator('main').getAttribute('class')).resolves.toContain('stale');

		await held!.continue();
		await page.waitForURL(/period=2025/);
		await page.getByTestId('navigation-progress').waitFor({ state: 'detached' });
		await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('false');
		await streamed(page);
		// Decided in 2025 on the fixture: A5, A13–A22.
		await expect(page.getByTestId('fig-decided').locator('strong').textContent()).resolves.toBe('11');
		await context.close();
	});
});
