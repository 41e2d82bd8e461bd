/**
 * The home page in a real browser, on a server that created its database and loaded the
 * synthetic demo data on first start.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OVERVIEW_KPIS as HOME_KPIS } from '../src/lib/server/views/overview';
import { launchBrowser } from './support/browser';
import { ROOT } from './support/server';

const base = inject('demoUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('home page', () => {
	it('shows the demo banner, every key indicator with the API’s figures, and the trend chart', async () => {
		const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1360, height: 900 } });
		await page.goto(base + '/');
		await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('синтетические');
		expect(await page.locator('article.tile').count()).toBe(HOME_KPIS.length);

		// The figure on each tile is the API's value for the last 12 months, formatted in Russian.
		const api = await (await fetch(`${base}/api/indicators/incoming?period=last12`)).json();
		const incoming = api.rows[0].value as number;
		expect(incoming).toBeGreaterThan(0);
		const shown = await page.locator('[data-indicator="incoming"] [data-testid="kpi-value"]').textContent();
		expect(shown!.replace(/\s/g, '')).toBe(String(incoming));

		const clearance = (await (await fetch(`${base}/api/indicators/clearance_rate?period=last12`)).json()).rows[0].value;
		const clearanceShown = await page.locator('[data-indicator="clearance_rate"] [data-testid="kpi-value"]').textContent();
		expect(clearanceShown!.replace(/\s/g, '')).toBe(`${clearance.toFixed(1).replace('.', ',')}%`);

		expect(await page.locator('figure.chart svg path.line').count()).toBeGreaterThanOrEqual(2);
		fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
		await page.screenshot({ path: path.join(ROOT, 'test-results/home-ru.png'), fullPage: true });
		await page.close();
	});

	it('shows the table behind the trend chart and switches language, remembering the choice', async () => {
		const context = await browser.newContext({ locale: 'ru-RU' });
		const page = await context.newPage();
		await page.goto(base + '/');
		await page.getByRole('button', { name: 'Показать таблицу' }).click();
		expect(await page.locator('figure.chart table tbody tr').count()).toBeGreaterThan(12);

		await page.getByTestId('language').selectOption('en');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await expect(page.locator('h1').textContent()).resolves.toBe('Key indicators');
		await page.goto(base + '/');
		await expect(page.locator('h1').textContent()).resolves.toBe('Key indicators');
		await context.close();
	});

	it('follows the browser’s language when no choice was made', async () => {
		const page = await browser.newPage({ locale: 'kk-KZ' });
		await page.goto(base + '/');
		await expect(page.locator('h1').textContent()).resolves.toBe('Негізгі көрсеткіштер');
		await page.close();
	});
});
