/**
 * Light and dark themes (system setting by default, a remembered toggle, rendered by the server
 * so the page never flashes), the printable briefings (overview, practice, fraud), and the
 * language fallback.
 */
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { loginAs } from './support/auth';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { THEME_COOKIE } from '../src/lib/domain/theme';
import { chartsDrawn, launchBrowser } from './support/browser';

const base = inject('fixtureUrl');
const demo = inject('demoUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The values app.css gives --bg in each theme. */
const LIGHT_BG = 'rgb(244, 246, 249)';
const DARK_BG = 'rgb(15, 20, 25)';
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const lineColour = (page: Page) =>
	page
		.locator('figure.chart path.line')
		.first()
		.evaluate((el) => getComputedStyle(el).stroke);

describe('themes', () => {
	it('are written into <html data-theme> by the server from the cookie; anything else means the system setting', async () => {
		const html = async (cookie?: string) => (await fetch(base + '/', { headers: cookie ? { cookie } : {} })).text();
		expect(await html(`${THEME_COOKIE}=dark`)).toMatch(/<html lang="ru" data-theme="dark">/);
		expect(await html(`${THEME_COOKIE}=light`)).toMatch(/<html lang="ru" data-theme="light">/);
		expect(await html()).toMatch(/<html lang="ru" data-theme="system">/);
		expect(await html(`${THEME_COOKIE}="><script>`)).toMatch(/<html lang="ru" data-theme="system">/);
	});

	it('apply to the sign-in page a closed page answers with', async () => {
		const deniedPage = async (cookie?: string) =>
			(await fetch(base + '/admin/users', { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } })).text();
		expect(await deniedPage(`lang=x; ${THEME_COOKIE}=dark`)).toMatch(/<html lang="ru" data-theme="dark">/);
		expect(await deniedPage()).toMatch(/<html lang="ru" data-theme="system">/);
	});

	it('follow the system by default; the toggle switches at once, charts included, and is remembered', async () => {
		const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(base + '/');
		expect(await background(page)).toBe(DARK_BG);
		const darkLine = await lineColour(page);

		await page.getByLabel('Theme').selectOption('light');
		expect(await background(page)).toBe(LIGHT_BG);
		expect(await lineColour(page)).not.toBe(darkLine);

		await page.reload();
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
		expect(await background(page)).toBe(LIGHT_BG);
		await page.getByLabel('Theme').selectOption('dark');
		await page.emulateMedia({ colorScheme: 'light' });
		await page.reload();
		expect(await background(page)).toBe(DARK_BG);
		await context.close();
	});
});

describe('chart export', () => {
	/** The words of an exported SVG, its wrapped lines joined. */
	const words = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]).join(' ');
	const save = async (page: Page, chart: Locator, as: 'SVG' | 'PNG' | 'CSV') => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			chart.getByRole('button', { name: new RegExp(`as ${as}$`) }).click()
		]);
		return fs.readFileSync((await download.path())!);
	};
	/** Width and height of a PNG, from its header chunk. */
	const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

	it('inlines the colours of the theme the chart was drawn in, on its background', async () => {
		const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(base + '/');
		await chartsDrawn(page);
		const svg = (await save(page, page.locator('section.trend'), 'SVG')).toString('utf8');
		expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(svg).toContain('<rect width="100%" height="100%" fill="rgb(26, 32, 41)"');
		// Dark-theme series 1 (#56b4e9), resolved: no CSS variable is left for another viewer to miss.
		expect(svg).toContain('stroke: rgb(86, 180, 233)');
		expect(svg).not.toContain('var(--');
		await context.close();
	});

	it('frames the chart with its title, period, filters, legend and source, as SVG and as PNG', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		// Filters by several values are for signed-in staff (the public's take one value each).
		await loginAs(context, base, 'analyst');
		const page = await context.newPage();
		await page.goto(base + '/?region=KZ-71,KZ-75&case_type=civil');
		await chartsDrawn(page);
		const trend = page.locator('section.trend');
		const svg = (await save(page, trend, 'SVG')).toString('utf8');
		const text = words(svg);
		expect(text).toMatch(
			/^Cases filed and resolved by month Period: 1 November 2024 – 1 October 2025 Filters: Region: Astana, Almaty; Case type: Civil /
		);
		// The legend, each series with its colour, under the drawing.
		expect(text).toContain('Filed');
		expect(text).toContain('Resolved');
		expect(svg.match(/<rect x="[\d.]+" y="[\d.]+" width="12" height="12" fill="rgb\(/g)).toHaveLength(2);
		expect(text).toMatch(/Source: Justice situational center · Data as of 1 October 2025$/);
		// The fixture database is not demo data: no synthetic-data note; an analyst's figures are exact: no protection note.
		expect(text).not.toContain('synthetic');
		expect(text).not.toContain('protected');
		// The PNG is the same figure, at twice its size.
		const [, width, height] = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
		expect(pngSize(await save(page, trend, 'PNG'))).toEqual([2 * width, 2 * height]);
		// The CSV says the same words before its table.
		const csv = (await save(page, trend, 'CSV'))
			.toString('utf8')
			.replace(/^\ufeff/, '')
			.split('\r\n');
		expect(csv.slice(0, 6)).toEqual([
			'Cases filed and resolved by month',
			'Period: 1 November 2024 – 1 October 2025',
			'"Filters: Region: Astana, Almaty; Case type: Civil"',
			'Source: Justice situational center · Data as of 1 October 2025',
			'',
			'Month,Filed,Resolved'
		]);

		// The map's legend is its colour classes; the boundaries' attribution is a source too.
		const map = (await save(page, page.locator('figure.chart').filter({ has: page.locator('[data-region]') }), 'SVG')).toString('utf8');
		expect(words(map)).toMatch(/^Clearance rate by region Period: /);
		expect(words(map)).toContain('on target');
		expect(words(map)).toContain('Boundaries: geokz');
		await context.close();
	});

	it('says on demo data that it is synthetic, and on the public’s figures that they are protected', async () => {
		const page = await browser.newPage({ locale: 'en-GB' });
		await page.goto(demo + '/fraud');
		const chart = page.locator('figure.chart').filter({ hasText: 'Internet fraud incidents by month' });
		// An export clicked before the page has hydrated starts no download.
		await chartsDrawn(chart);
		const text = words((await save(page, chart, 'SVG')).toString('utf8'));
		expect(text).toMatch(/^Internet fraud incidents by month Period: /);
		expect(text).toContain('Demo data: all cases, courts, judges and amounts are synthetic');
		const protection = 'Figures are protected: values under 5 are hidden ("<5"), other counts and amounts are slightly perturbed';
		expect(text.replace(/&quot;/g, '"').replace(/&lt;/g, '<')).toContain(protection);
		const csv = (await save(page, chart, 'CSV')).toString('utf8');
		expect(csv).toContain(protection.replace(/"/g, '""'));
		await page.close();
	});
});

/** The page printed as the print dialog would (the page's own @page size), each page A4: how many pages. */
async function printedPages(page: Page): Promise<number> {
	const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
	// A4 is 595 × 842 points.
	const sizes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
		([, w, h]) => `${Math.round(Number(w))} × ${Math.round(Number(h))}`
	);
	expect(new Set(sizes)).toEqual(new Set(['595 × 842']));
	return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** A briefing prints on one or two A4 pages: how many. */
async function briefingPages(page: Page): Promise<number> {
	const pages = await printedPages(page);
	expect(pages).toBeGreaterThan(0);
	expect(pages).toBeLessThanOrEqual(2);
	return pages;
}

describe('printable briefing of the overview', () => {
	it('prints on at most two A4 pages without controls or click hints, with a header of period, filters and date; tables only in an appendix on request', async () => {
		// Printing is always light, whatever the theme on screen.
		const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
		// Filters by several values are for signed-in staff (the public's take one value each).
		await loginAs(context, base, 'analyst');
		const page = await context.newPage();
		await page.goto(base + '/?region=KZ-71,KZ-75&case_type=civil');
		await chartsDrawn(page);
		await expect(page.getByRole('button', { name: 'Print briefing' }).isVisible()).resolves.toBe(true);
		await expect(page.getByTestId('print-header').isVisible()).resolves.toBe(false);
		const table = page.locator('section.trend figure.chart table');
		await expect(table.isVisible()).resolves.toBe(false);

		await page.emulateMedia({ media: 'print' });
		const header = page.getByTestId('print-header');
		await expect(header.isVisible()).resolves.toBe(true);
		const text = (await header.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain('Briefing on key indicators');
		expect(text).toMatch(/Period\s*1 November 2024 – 1 October 2025/);
		await expect(page.getByTestId('print-filters').textContent()).resolves.toBe('Region: Astana, Almaty; Case type: Civil');
		expect(text).toContain(`Printed on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())}`);
		expect(text).toContain('Data as of 1 October 2025');
		for (const hidden of [
			'main-nav',
			'language',
			'theme',
			'print-briefing',
			'print-tables',
			'filter-bar',
			'focus',
			'cases-link',
			'appendix'
		]) {
			await expect(page.getByTestId(hidden).first().isVisible(), hidden).resolves.toBe(false);
		}
		// No click hints: the charts' subtitles on the overview are instructions for the screen.
		await expect(page.getByText('Click a region to filter the page').isVisible()).resolves.toBe(false);
		await expect(page.locator('figure.chart table').first().isVisible()).resolves.toBe(false);
		await expect(page.locator('article.tile').first().isVisible()).resolves.toBe(true);
		await expect(page.getByTestId('summary-workload').isVisible()).resolves.toBe(true);
		expect(await background(page)).toBe('rgb(255, 255, 255)');

		await briefingPages(page);

		// With the data tables asked for, they follow the briefing as an appendix, from a new page.
		await page.emulateMedia({ media: 'screen' });
		await page.getByTestId('print-tables').check();
		await page.emulateMedia({ media: 'print' });
		const appendix = page.getByTestId('appendix');
		await expect(appendix.isVisible()).resolves.toBe(true);
		expect(await appendix.locator('table').count()).toBe(3);
		expect(await appendix.locator('table').nth(2).locator('tbody tr').count()).toBeGreaterThan(0);
		await expect(table.isVisible()).resolves.toBe(false);
		expect(await printedPages(page)).toBeGreaterThan(2);
		await context.close();
	});

	it('says in the header that no filter is active', async () => {
		const page = await browser.newPage({ locale: 'ru-RU' });
		await page.goto(base + '/');
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('print-filters').textContent()).resolves.toBe('все суды, регионы и категории');
		await page.close();
	});
});

describe('printable briefings of the practice explorer and the fraud page', () => {
	/** Prints a page as a briefing: on at most two A4 pages, nothing to click, no table; returns the page count. */
	async function expectBriefing(page: Page, title: string, hints: string[]): Promise<number> {
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('print-header').textContent()).resolves.toContain(title);
		for (const hidden of ['main-nav', 'filter-bar', 'print-briefing', 'print-tables', 'appendix']) {
			await expect(page.getByTestId(hidden).first().isVisible(), hidden).resolves.toBe(false);
		}
		for (const control of ['button', 'select', 'input', 'form', 'table']) {
			await expect(page.locator(`${control}:visible`).count(), control).resolves.toBe(0);
		}
		for (const hint of hints) await expect(page.getByText(hint).isVisible(), hint).resolves.toBe(false);
		return briefingPages(page);
	}

	/** With the data tables asked for, they follow the briefing as its appendix, from a new page; none in the briefing. */
	async function expectAppendix(page: Page, pages: number): Promise<Locator> {
		await page.emulateMedia({ media: 'screen' });
		await page.getByTestId('print-tables').check();
		await page.emulateMedia({ media: 'print' });
		const appendix = page.getByTestId('appendix');
		await expect(appendix.isVisible()).resolves.toBe(true);
		await expect(page.locator('.briefing table:visible').count()).resolves.toBe(0);
		expect(await printedPages(page)).toBeGreaterThan(pages);
		return appendix;
	}

	it('/practice: headline figures and charts first, the life-cycle diagram drawn, the tables in the appendix', async () => {
		const context = await browser.newContext({ locale: 'en-GB' });
		await loginAs(context, base, 'analyst');
		const page = await context.newPage();
		await page.goto(base + '/practice');
		await chartsDrawn(page);
		const pages = await expectBriefing(page, 'Judicial practice explorer', [
			'Choose a category above (or enter a case number) to find similar cases.'
		]);
		const top = async (locator: Locator) => (await locator.boundingBox())!.y;
		expect(await top(page.getByTestId('fig-decided'))).toBeLessThan(await top(page.locator('figure.chart').first()));
		await expect(page.locator('svg.sankey').isVisible()).resolves.toBe(true);
		await expect(
			page
				.locator('p')
				.filter({ hasText: /^Units beyond the limits: \d+ beyond 99\.8%/ })
				.isVisible()
		).resolves.toBe(true);

		const appendix = await expectAppendix(page, pages);
		const headings = await appendix.locator('h3').allTextContents();
		expect(headings).toContain('By region');
		expect(
			headings.some((h) => h.includes('Outcome shares by quarter')),
			headings.join(' | ')
		).toBe(true);
		// Copies of the page's tables: nothing in them doubles an id or a test id of the page.
		expect(await appendix.locator('table[data-testid], table [data-testid], table [id]').count()).toBe(0);
		await expect(page.getByTestId('by-region').count()).resolves.toBe(1);
		await context.close();
	});

	it('/fraud: key figures first, then the monthly charts, breakdowns, map and funnel; the tables in the appendix', async () => {
		const page = await browser.newPage({ locale: 'en-GB' });
		await page.goto(demo + '/fraud');
		// The print button's choice answers once the page has hydrated.
		await chartsDrawn(page);
		const pages = await expectBriefing(page, 'Internet fraud and the courts', ['Click a bar or a region to filter the whole page.']);
		const tiles = page.locator('.briefing article.tile');
		await expect(tiles.count()).resolves.toBeGreaterThan(3);
		const charts = page.locator('.briefing figure.chart');
		expect((await tiles.last().boundingBox())!.y).toBeLessThan((await charts.first().boundingBox())!.y);
		await expect(charts.first().locator('h3').textContent()).resolves.toBe('Internet fraud incidents by month');

		const appendix = await expectAppendix(page, pages);
		// The monthly table behind three charts prints once, under their titles.
		const monthly = (await appendix.locator('h3').allTextContents()).filter((h) => h.includes('Internet fraud incidents by month'));
		expect(monthly).toHaveLength(1);
		expect(monthly[0]).toContain('Damage by month');
		await page.close();
	});
});

describe('language', () => {
	it('falls back to Russian when the browser asks for a language the application does not speak', async () => {
		const page = await browser.newPage({ locale: 'de-DE' });
		await page.goto(base + '/');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
		await expect(page.locator('h1').textContent()).resolves.toBe('Ключевые показатели');
		await page.close();
	});

	it('writes Kazakh dates and numbers in the browser as the server does, though Chromium has no Kazakh locale data', async () => {
		const page = await browser.newPage({ locale: 'kk-KZ' });
		await page.goto(base + '/');
		// Rendered again by the browser after hydration: the text must not fall back to "2025 M02 1".
		const trend = page.locator('section.trend figure.chart');
		await chartsDrawn(trend);
		await trend.getByRole('button', { name: 'Кестені көрсету' }).click();
		await expect(page.locator('header.top').textContent()).resolves.toContain('Деректер 2025 ж. 1 қазан жағдайы бойынша');
		const months = await trend.locator('table tbody tr > :first-child').allTextContents();
		expect(months).toContain('2025 ж. қаң.');
		const axis = await trend.locator('svg text').allTextContents();
		expect(
			axis.some((t) => /^\d{4} ж\. [а-яәіңғүұқөһ]+\.$/.test(t)),
			axis.join(' | ')
		).toBe(true);
		await page.close();
	});
});
