/**
 * Uploaded datasets in a real browser, on a server and database of their own: real-shaped files
 * (monthly filings with Year and Month columns, a region table with a total row and a misspelled
 * region, a region column recognised below the threshold, a wide table) get their automatic
 * dashboard; the user's corrections of regions and column types change it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, loginAs, sessionCookie } from './support/auth';
import { chartsDrawn, hydrated, launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';
import { dropFile, importFinished, postUpload } from './support/uploads';

let server: RunningServer;
let browser: Browser;
let cookie: string;
const shots = path.join(ROOT, 'test-results');
const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/other', name));

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-datasets');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(path.dirname(databasePath), 'uploads')
	});
	browser = await launchBrowser();
	cookie = await sessionCookie(server.url, 'admin');
	fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function adminPage(width = 1360): Promise<Page> {
	const context = await browser.newContext({ locale: 'ru-RU', viewport: { width, height: 1000 } });
	await loginAs(context, server.url, 'admin');
	return context.newPage();
}

/** Imports a file as an "other" dataset through the API; its id. */
async function upload(body: Buffer, fileName: string): Promise<number> {
	const started = await postUpload(server.url, cookie, body, { kind: 'other', fileName });
	expect(started.status).toBe(202);
	const done = await importFinished(server.url, cookie, (await started.json()).id);
	expect(done.outcome.status).toBe('committed');
	return done.outcome.datasetId;
}

/** Figures are fetched after the page loads. */
const POLL = { timeout: 20_000, interval: 200 };
const headline = (page: Page, measure: string) => page.locator(`[data-testid="headline"][data-measure="${measure}"]`);

describe('automatic dashboard of an uploaded dataset', () => {
	it('builds one for monthly filings with Year and Month columns, with a grain choice', async () => {
		const page = await adminPage();
		await page.goto(server.url + '/data');
		await dropFile(page, fixture('monthly-filings.csv'), 'monthly-filings.csv');
		await page.getByTestId('format').waitFor();
		expect(await page.getByTestId('kind').inputValue()).toBe('other');
		await page.getByTestId('upload').click();
		await page.getByTestId('report').waitFor({ timeout: 30_000 });
		const listed = page.locator('[data-testid="datasets"] tr', { hasText: 'monthly-filings.csv' });
		await page.goto(`${server.url}/data/${await listed.getAttribute('data-dataset')}`);
		// Filings summed: 216 rows, whole numbers without decimals; the latest month against the one before.
		await expect(headline(page, '4').getByTestId('headline-total').textContent()).resolves.toMatch(/^156\s924$/);
		await expect(headline(page, '4').getByTestId('headline-change').textContent()).resolves.toMatch(/^\+0,1%/);
		expect(await page.getByTestId('dash-time').locator('option:checked').textContent()).toBe('Year + Month');
		const series = page.locator('figure.chart').filter({ hasText: 'по периодам' });
		await series.locator('path.line').first().waitFor();
		await page.getByTestId('dash-grain').selectOption('year');
		await series.getByRole('button', { name: 'Показать таблицу' }).click();
		await expect.poll(() => series.locator('table tbody tr').count(), POLL).toBe(2);
		// A leaderboard per dimension, the court one complete (3 of 3).
		const courts = page.locator('[data-testid="leaderboard"][data-column="2"]');
		await expect(courts.getAttribute('data-groups')).resolves.toBe('3');
		await expect(courts.textContent()).resolves.toContain('Все 3');
		await page.screenshot({ path: path.join(shots, 'dataset-dashboard-ru.png'), fullPage: true });
		await page.context().close();
	});

	it('shows the answer to the last of two choices made in quick succession, not the later-arriving earlier one', async () => {
		const id = await upload(fixture('monthly-filings.csv'), 'monthly-filings-race.csv');
		const page = await adminPage();
		await page.goto(`${server.url}/data/${id}`);
		const series = page.locator('figure.chart').filter({ hasText: 'по периодам' });
		await chartsDrawn(series);
		// The answer by years is held back, so that it comes after the one by quarters asked for just after it.
		const HELD_MS = 1500;
		const asked: string[] = [];
		await page.route('**/dashboard?*', async (route) => {
			const grain = new URL(route.request().url()).searchParams.get('grain')!;
			asked.push(grain);
			if (grain === 'year') await new Promise((resolve) => setTimeout(resolve, HELD_MS));
			// The page cancels the request of a choice it no longer shows: such a route is gone.
			await route.continue().catch(() => undefined);
		});
		const grain = page.getByTestId('dash-grain');
		await grain.selectOption('year');
		await grain.selectOption('quarter');
		await expect.poll(() => asked, POLL).toEqual(['year', 'quarter']);
		// Past the moment the held-back answer would have arrived: still the quarters of 2023–2024, and they are drawn.
		await page.waitForTimeout(HELD_MS + 500);
		expect(await series.getAttribute('aria-busy')).toBe('false');
		await expect(series.locator('h3').textContent()).resolves.toContain('(квартал)');
		await series.getByRole('button', { name: 'Показать таблицу' }).click();
		await expect.poll(() => series.locator('table tbody tr').count(), POLL).toBe(8);
		await page.context().close();
	});

	it('keeps a total row out of the groups and lets a misspelled region be given its code', async () => {
		const id = await upload(fixture('regions-crime.csv'), 'regions-crime.csv');
		const page = await adminPage();
		await page.goto(`${server.url}/data/${id}`);
		await expect(page.getByTestId('dash-total-rows').textContent()).resolves.toContain('Республика Казахстан');
		const misspelled = page.locator('[data-testid="region-value"]');
		await expect(misspelled.getAttribute('data-value')).resolves.toBe('Карагандинкая область');
		await expect(misspelled.getAttribute('data-suggestion')).resolves.toBe('KZ-35');
		const map = page.locator('figure.chart').filter({ has: page.locator('[data-region]') });
		await expect(map.locator('[data-region="KZ-35"]').getAttribute('aria-label')).resolves.toContain('нет данных');
		await page.getByTestId('region-values-save').click();
		await page.getByTestId('columns-message').waitFor();
		await expect
			.poll(() => page.locator('figure.chart [data-region="KZ-35"]').getAttribute('aria-label'), POLL)
			.toMatch(/^Карагандинская область: 1\s200$/);
		await expect(page.getByTestId('region-values').textContent()).resolves.toContain('Все значения распознаны');
		// A region picked on the map filters the dashboard, the map's own figures too: the other regions are
		// outside the filter, hatched and said so, not drawn as regions without data.
		await map.locator('[data-region="KZ-35"]').click();
		await expect.poll(() => map.locator('[data-region="KZ-10"]').getAttribute('aria-label'), POLL).toBe('Абайская область: вне фильтра');
		await expect(map.locator('[data-region="KZ-10"]').getAttribute('data-fill')).resolves.toMatch(/^url\(#hatch-/);
		await expect(map.locator('[data-region="KZ-35"]').getAttribute('aria-label')).resolves.toMatch(/^Карагандинская область: 1\s200$/);
		const legend = await map.getByTestId('map-legend').textContent();
		expect(legend).toContain('вне фильтра');
		expect(legend).not.toContain('нет данных');
		await page.context().close();
	});

	it('lets a column recognised as text be marked as regions, and lists what stays unrecognised', async () => {
		const id = await upload(Buffer.from('Область,Дела\nАбай,5\nАкмола,6\nКостанай,7\nСевер,8\nЮг,9\n'), 'few-regions.csv');
		const page = await adminPage();
		await page.goto(`${server.url}/data/${id}`);
		const type = page.locator('tr[data-position="0"] [data-testid="column-type"]');
		await expect(type.getAttribute('data-type')).resolves.toBe('text');
		// A choice made before the page has hydrated saves nothing.
		await hydrated(page);
		await type.locator('select').selectOption('region');
		await expect.poll(() => type.getAttribute('data-type'), POLL).toBe('region');
		await expect(
			page.locator('[data-testid="region-value"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value')))
		).resolves.toEqual(['Север', 'Юг']);
		await page.locator('figure.chart [data-region="KZ-39"]').waitFor();
		await page.context().close();
	});

	it('shows a dozen headlines of a wide table, says how many there are, and shows them all on request', async () => {
		const header = ['Court', ...Array.from({ length: 40 }, (_, i) => `Measure ${i + 1}`)];
		const rows = Array.from({ length: 40 }, (_, r) => [`Court ${r + 1}`, ...Array.from({ length: 40 }, (_, i) => String(r + i))]);
		const id = await upload(Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n') + '\n'), 'wide.csv');
		const page = await adminPage(390);
		await page.goto(`${server.url}/data/${id}`);
		await expect.poll(() => page.getByTestId('headline').count(), POLL).toBe(12);
		await expect(page.getByTestId('dashboard').textContent()).resolves.toContain('Показаны 12 из 41 показателя');
		await page.getByTestId('all-measures').click();
		await expect.poll(() => page.getByTestId('headline').count(), POLL).toBe(41);
		// The court leaderboard: the top 10 of 40, the rest as Other, all 40 on request.
		const courts = page.locator('[data-testid="leaderboard"][data-column="0"]');
		await expect(courts.textContent()).resolves.toContain('Первые 10 из 40');
		await courts.getByTestId('leaderboard-toggle').click();
		await expect.poll(async () => (await courts.textContent())?.includes('Только первые 10'), POLL).toBe(true);
		await page.screenshot({ path: path.join(shots, 'dataset-wide-phone-ru.png'), fullPage: false });
		await page.context().close();
	});
});
