/**
 * The overview and the indicator explorer in a real browser: the demo server (tile-grid map)
 * for cross-filtering, exports and every explorer page; the fixture server (hand-computed data,
 * a GeoJSON boundary file) for the drill-down to case records.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INDICATORS } from '../src/lib/domain/catalog';
import { OVERVIEW_KPIS } from '../src/lib/server/views/overview';
import { loginAs } from './support/auth';
import { launchBrowser, streamed } from './support/browser';
import { imageStats } from './support/png';
import { ROOT } from './support/server';

const demo = inject('demoUrl');
const fixture = inject('fixtureUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The raw value each KPI tile shows (its data-value; absent when there is no figure or it is hidden). */
async function tileValues(page: Page): Promise<Record<string, number | null>> {
	const out: Record<string, number | null> = {};
	for (const id of OVERVIEW_KPIS) {
		const raw = await page.locator(`[data-indicator="${id}"] [data-testid="kpi-value"]`).getAttribute('data-value');
		out[id] = raw === null ? null : Number(raw);
	}
	return out;
}

async function apiValues(base: string, search: string): Promise<Record<string, number | null>> {
	const out: Record<string, number | null> = {};
	for (const id of OVERVIEW_KPIS) {
		const body = await (await fetch(`${base}/api/indicators/${id}${search}`)).json();
		const row = body.rows[0];
		out[id] = row && !row.suppressed ? row.value : null;
	}
	return out;
}

/** Back and forward change the URL first and the page once its data is loaded: wait for the tile. */
async function tileShows(page: Page, id: string, value: number | null): Promise<void> {
	const selector = `[data-indicator="${id}"] [data-testid="kpi-value"]`;
	await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.getAttribute('data-value') === v, [
		selector,
		value === null ? null : String(value)
	] as const);
}

const sameFigures = (shown: Record<string, number | null>, api: Record<string, number | null>) => {
	for (const id of OVERVIEW_KPIS) {
		if (api[id] === null) expect(shown[id], id).toBeNull();
		else expect(shown[id], id).toBeCloseTo(api[id]!, 6);
	}
};

describe('overview', () => {
	it('filters every key indicator by a region clicked on the map, and back restores the country', async () => {
		const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1360, height: 900 } });
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(demo + '/');
		await expect(page.getByTestId('demo-banner').textContent()).resolves.toContain('синтетические');
		// The demo server runs at scale 0.05: every page says its counts are 1/200 of the country's.
		await expect(page.getByTestId('demo-scale').textContent()).resolves.toContain('1/200');
		expect(await page.locator('article.tile').count()).toBe(OVERVIEW_KPIS.length);
		const national = await tileValues(page);
		sameFigures(national, await apiValues(demo, ''));

		await page.locator('[data-region="KZ-75"]').click();
		await page.waitForURL(/[?&]region=KZ-75(&|$)/);
		await page.locator('[data-testid="active-filter"][data-value="KZ-75"]').waitFor();
		await streamed(page);
		const almaty = await tileValues(page);
		sameFigures(almaty, await apiValues(demo, '?region=KZ-75'));
		expect(almaty.incoming).toBeLessThan(national.incoming!);
		// The map still shows every region, the chosen one marked; the ranking went down to its courts.
		expect(await page.locator('[data-region]').count()).toBe(20);
		await expect(page.locator('[data-region="KZ-75"]').getAttribute('aria-pressed')).resolves.toBe('true');
		expect(await page.locator('g.bar').first().getAttribute('data-key')).toMatch(/^KZ75-/);

		// The same tile by keyboard: arrows move between tiles, Enter toggles the filter off.
		await page.locator('[data-region="KZ-19"]').focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.evaluate(() => document.activeElement?.getAttribute('data-region'))).resolves.toBe('KZ-75');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.searchParams.has('region'));

		await page.goBack();
		await page.waitForURL(/region=KZ-75/);
		await tileShows(page, 'incoming', almaty.incoming);
		sameFigures(await tileValues(page), almaty);
		await page.goBack();
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await tileShows(page, 'incoming', national.incoming);
		sameFigures(await tileValues(page), national);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('removes a filter from the filter bar and carries the filters into the explorer', async () => {
		const page = await browser.newPage({ locale: 'ru-RU' });
		await page.goto(demo + '/?period=2025&instance=appeal');
		// Controls answer once the page is hydrated; the map is drawn only then.
		await page.locator('[data-region]').first().waitFor();
		await page.getByTestId('filter-case_type').selectOption('civil');
		await page.waitForURL(/case_type=civil/);
		await page.getByRole('button', { name: /Убрать фильтр «Инстанция/ }).click();
		await page.waitForURL((url) => !url.searchParams.has('instance') && url.searchParams.get('case_type') === 'civil');
		await page.locator('[data-indicator="clearance_rate"] h3 a').click();
		await page.waitForURL(/\/indicators\/clearance_rate\?period=2025&case_type=civil$/);
		await expect(page.getByTestId('filter-period').inputValue()).resolves.toBe('y2025');
		await page.close();
	});

	it('exports a chart’s data as CSV holding the numbers its table shows, under its title, period, filters and source', async () => {
		const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
		await page.goto(demo + '/');
		await page.locator('[data-region]').first().waitFor();
		const trend = page.locator('figure.chart', { hasText: 'Поступление и окончание дел по месяцам' });
		const [download] = await Promise.all([page.waitForEvent('download'), trend.getByTestId('export-csv').click()]);
		const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
		const all = Papa.parse<string[]>(text.trim()).data;
		// The words of the exported images, one a line, then an empty line, then the table.
		const blank = all.findIndex((row) => row.length === 1 && row[0] === '');
		const preamble = all.slice(0, blank).map((row) => row[0]);
		expect(preamble[0]).toBe('Поступление и окончание дел по месяцам');
		expect(preamble[1]).toMatch(/^Период: \d{1,2} [а-я]+ \d{4} г?\.? ?– \d{1,2} [а-я]+ \d{4}/);
		expect(preamble[2]).toBe('Фильтры: все суды, регионы и категории');
		expect(preamble[3]).toMatch(/^Источник: Ситуационный центр правосудия · Данные на /);
		expect(preamble[4]).toMatch(/^Демонстрационные данные: .* синтетические/);
		const csv = all.slice(blank + 1);
		expect(csv[0]).toEqual(['Месяц', 'Поступило', 'Окончено']);
		await trend.getByRole('button', { name: 'Показать таблицу' }).click();
		const cells = await trend
			.locator('table tbody tr')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((td) => td.textContent ?? '')));
		expect(cells.length).toBe(12);
		expect(csv.length - 1).toBe(cells.length);
		cells.forEach((row, i) => {
			expect(Number(csv[i + 1][1])).toBe(Number(row[1].replace(/\s/g, '')));
			expect(Number(csv[i + 1][2])).toBe(Number(row[2].replace(/\s/g, '')));
		});
		await page.close();
	});

	it('opens the explorer of every catalog indicator without an error', async () => {
		const errors: string[] = [];
		// 45 pages, three at a time: one page alone leaves a core of the machine idle.
		const LANES = 3;
		await Promise.all(
			Array.from({ length: LANES }, async (_, lane) => {
				const page = await browser.newPage({ locale: 'en-GB' });
				page.on('pageerror', (e) => errors.push(e.message));
				for (const indicator of INDICATORS.filter((_, i) => i % LANES === lane)) {
					const response = await page.goto(`${demo}/indicators/${indicator.id}?grain=quarter`);
					expect(response?.status(), indicator.id).toBe(200);
					await expect(page.locator('h1').textContent()).resolves.toBe(indicator.name.en);
					expect(await page.locator('figure.chart').count(), indicator.id).toBeGreaterThanOrEqual(2);
				}
				await page.close();
			})
		);
		expect(errors).toEqual([]);
	}, 180_000);
});

describe('drill-down to case records (fixtures)', () => {
	it('goes country → region → court → judge → the cases behind the figure, and back', async () => {
		const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1360, height: 900 } });
		await loginAs(context, fixture, 'analyst');
		const page = await context.newPage();
		await page.goto(fixture + '/?period=2024&focus=incoming');
		// The fixture server draws the map from the shipped boundaries, with their attribution (once the chart knows its width).
		await page.locator('g[data-region] path.fill').first().waitFor();
		expect(await page.locator('g[data-region] path.fill').count()).toBe(20);
		await expect(page.getByText(/Границы: geokz © Alexander Rodionov, CC BY 4.0/).count()).resolves.toBe(1);

		await page.locator('g.bar[data-key="KZ-75"]').click();
		await page.waitForURL(/region=KZ-75/);
		await page.locator('g.bar[data-key="KZ75-D01"]').click();
		await page.waitForURL(/court=KZ75-D01/);
		await page.locator('g.bar[data-key="J-000001"]').click();
		await page.waitForURL(/judge=J-000001/);
		await page.getByTestId('cases-link').click();
		await page.waitForURL(/\/cases\?/);
		// Filed in 2024 at KZ75-D01 before judge J-000001: A2 only (A1 and A11 were filed in 2023).
		const ids = await page.locator('[data-testid="cases-table"] tbody tr > :first-child').allTextContents();
		expect(ids).toEqual(['A2']);
		const api = await (await context.request.get(`${fixture}/api/cases${new URL(page.url()).search}`)).json();
		expect(api.total).toBe(1);
		expect(api.rows[0].case_id).toBe('A2');

		await page.goBack();
		await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('judge') === 'J-000001');
		await page.goBack();
		await page.waitForURL((url) => url.pathname === '/' && !url.searchParams.has('judge'));
		// The court's judges again, once the page has its data.
		await page.locator('g.bar[data-key="J-000002"]').waitFor();
		expect(await page.locator('g.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-key')).sort())).toEqual([
			'J-000001',
			'J-000002'
		]);
		await context.close();
	});

	it('sorts and pages the case list by whitelisted columns only', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		await loginAs(context, fixture, 'analyst');
		const api = (q: string) => context.request.get(`${fixture}/api/cases?${q}`);
		const sorted = await (await api('period=2024&indicator=resolved&sort=decided_date&dir=asc')).json();
		// Decided in 2024: A7 (1 Jan), A1 (10 Jan), A2, A10, A9, A6, A3 (31 Dec).
		expect(sorted.rows.map((r: { case_id: string }) => r.case_id)).toEqual(['A7', 'A1', 'A2', 'A10', 'A9', 'A6', 'A3']);
		const bad = await api('sort=filed_date;DROP TABLE cases');
		expect(bad.status()).toBe(400);
		expect(JSON.stringify(await bad.json())).toContain('sort');
		expect((await api('page=0')).status()).toBe(400);
		const page = await context.newPage();
		await page.goto(`${fixture}/cases?period=2024&indicator=resolved`);
		await page.locator('th a[data-sort="case_id"]').click();
		await page.waitForURL(/sort=case_id&dir=asc/);
		await expect(page.locator('[data-testid="cases-table"] tbody tr > :first-child').first().textContent()).resolves.toBe('A1');

		// Every column by default; the chooser hides one through the URL, and the row's name stays in view while the others scroll.
		const table = page.getByTestId('cases-table');
		const headers = () => table.locator('thead a[data-sort]').evaluateAll((links) => links.map((a) => a.getAttribute('data-sort')));
		const columns: string[] = (await (await api('period=2024&indicator=resolved')).json()).columns;
		expect(await headers()).toEqual(columns);
		await page.getByTestId('column-chooser').locator('summary').click();
		await page.locator(`[data-testid="column-chooser"] a[data-column="${columns[1]}"]`).click();
		const fewer = [columns[0], ...columns.slice(2)];
		await page.waitForURL((url) => url.searchParams.get('cols') === fewer.join(',') && url.searchParams.get('sort') === 'case_id');
		await expect.poll(headers).toEqual(fewer);
		expect(
			await table
				.locator('tbody tr > :first-child')
				.first()
				.evaluate((cell) => getComputedStyle(cell).position)
		).toBe('sticky');
		const unknown = await api('period=2024&indicator=resolved&cols=case_id,nope');
		expect(unknown.status()).toBe(400);
		expect(JSON.stringify(await unknown.json())).toContain('cols');
		await context.close();
		expect((await fetch(`${fixture}/api/cases`)).status).toBe(401);
	});
});

describe('screenshots', () => {
	it('saves the overview and an explorer page', async () => {
		const page = await browser.newPage({ locale: 'ru-RU', viewport: { width: 1360, height: 900 } });
		fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
		for (const [route, name] of [
			['/', 'overview-ru.png'],
			['/indicators/clearance_rate', 'explorer-ru.png']
		]) {
			await page.goto(demo + route);
			await page.locator('figure.chart svg').first().waitFor();
			const file = path.join(ROOT, 'test-results', name);
			await page.screenshot({ path: file, fullPage: true });
			const shot = await imageStats(page, file);
			// The whole page at the viewport's width, drawn: text, tiles and charts in many colours over the background.
			expect({ name, width: shot.width, height: shot.height }).toEqual({
				name,
				width: 1360,
				height: await page.evaluate(() => document.documentElement.scrollHeight)
			});
			expect(shot.colours, name).toBeGreaterThan(200);
			expect(shot.ink, name).toBeGreaterThan(0.05);
		}
		await page.close();
	});
});
