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

/** A GET through node:http, which (unlike fetch) neither asks for nor undoes a compression. */
function get(path: string, encoding: string | null, cookie?: string) {
	const headers = { ...(encoding ? { 'accept-encoding': encoding } : {}), ...(cookie ? { cookie } : {}) };
	return new Promise<{ response: { headers: Headers }; bytes: Buffer }>((resolve, reject) => {
		http
			.get(base + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const h = new Headers();
					for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') h.set(name, value);
					resolve({ response: { headers: h }, bytes: Buffer.concat(chunks) });
				});
				res.on('error', reject);
			})
			.on('error', reject);
	});
}

describe('compression', () => {
	it('sends pages and JSON as brotli or gzip when asked, and as they are otherwise', async () => {
		// Answers under 1 KB are sent as they are; the catalog is well above.
		for (const path of ['/', '/api/indicators']) {
			const plain = await get(path, null);
			expect(plain.response.headers.get('content-encoding'), path).toBeNull();
			for (const [encoding, decode] of [
				['br', brotliDecompressSync],
				['gzip', gunzipSync]
			] as const) {
				const { response, bytes } = await get(path, `${encoding}`);
				expect(response.headers.get('content-encoding'), path).toBe(encoding);
				expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
				expect(bytes.length, path).toBeLessThan(plain.bytes.length / 3);
				// The same page but for its script nonce, new in every response.
				const nonceless = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');
				expect(nonceless(decode(bytes).toString()), path).toBe(nonceless(plain.bytes.toString()));
			}
		}
	});
});

describe('the practice explorer streams its sections', () => {
	it('sends the frame and forms with a loading chart per section, then the figures in the same response', async () => {
		const cookie = await sessionCookie(base, 'judge');
		const { response, bytes } = await get('/practice?period=2024', 'br', cookie);
		expect(response.headers.get('content-encoding')).toBe('br');
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
		let held!: Route;
		const arrived = new Promise<void>((resolve) =>
			page.route('**/__data.json*', (route) => {
				held = route;
				resolve();
			})
		);
		await page.getByTestId('filter-period').selectOption('2025');
		await arrived;
		await page.getByTestId('navigation-progress').waitFor();
		await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
		await expect(page.locator('main').getAttribute('class')).resolves.toContain('stale');

		await held.continue();
		await page.unroute('**/__data.json*');
		await page.waitForURL(/period=2025/);
		await page.getByTestId('navigation-progress').waitFor({ state: 'detached' });
		await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('false');
		await streamed(page);
		// Decided in 2025 on the fixture: A5, A13–A22.
		await expect(page.getByTestId('fig-decided').locator('strong').textContent()).resolves.toBe('11');
		await context.close();
	});
});
