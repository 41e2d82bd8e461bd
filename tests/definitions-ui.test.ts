/**
 * The definition editor in a real browser, on a server and database of its own: an analyst
 * defines an indicator on the case records, sees a problem named by its field, saves, edits
 * (a new version) and retires it; the public can neither open the page nor post. An indicator
 * defined in the UI is then in the catalog, the API (the same figures as the built-in count),
 * the explorer, an overview tile and an alert; one on an uploaded file is explored by its columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, loginAs } from './support/auth';
import { launchBrowser } from './support/browser';
import { runImport } from '../src/lib/server/ingest/pipeline';
import { createFixtureDatabase, FIXTURES, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-definitions');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	const filings = await runImport(
		db,
		Readable.from([fs.readFileSync(path.join(FIXTURES, 'other/monthly-filings.csv'))]),
		{ mode: 'append', sourceName: 'monthly-filings.csv', actor: 'test', kind: 'other', name: 'Hawaii filings' },
		{ workDir: path.join(path.dirname(databasePath), 'work'), rejectThreshold: 0.01 }
	);
	expect(filings.status).toBe('committed');
	db.close();
	server = await startServer({ DATABASE_PATH: databasePath, DEMO_SCALE: '0' });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function analystPage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 1000 } });
	await loginAs(context, server.url, 'analyst');
	const page = await context.newPage();
	page.on('dialog', (dialog) => dialog.accept());
	return page;
}

/**
 * Chooses the dataset the definition is on. A choice made before the page has hydrated is lost
 * (the page has no chart to wait for): it is made again until the measure's fields appear.
 */
async function chooseDataset(page: Page, name: string): Promise<void> {
	const dataset = page.getByTestId('def-dataset');
	const value = (await dataset.locator('option', { hasText: name }).getAttribute('value'))!;
	await expect
		.poll(async () => {
			await dataset.selectOption(value);
			return page.getByTestId('main-agg').count();
		})
		.toBe(1);
}

/** What the form is filled with; fields left out stay as the form has them. */
interface DefinitionFields {
	dataset: string;
	id: string;
	names: { ru: string; kk: string; en: string };
	/** The same text in every language. */
	definition?: string;
	agg: string;
	column?: string;
	filter?: { column: string; value: string };
	/** A date column, or the columns of the year and the month. */
	time: string | { year: string; month: string };
	dimensions: string[];
	unit?: string;
	better: 'higher' | 'lower';
	target?: string;
	warn?: string;
	bad?: string;
	overview?: boolean;
}

/** Fills the definition form field by field, in the order a person would. */
async function fillDefinition(page: Page, f: DefinitionFields): Promise<void> {
	await chooseDataset(page, f.dataset);
	await page.getByTestId('def-id').fill(f.id);
	for (const lang of ['ru', 'kk', 'en'] as const) await page.getByTestId(`def-name-${lang}`).fill(f.names[lang]);
	if (f.definition) for (const lang of ['ru', 'kk', 'en']) await page.getByLabel(`Definition (${lang})`).fill(f.definition);
	await page.getByTestId('main-agg').selectOption(f.agg);
	if (f.column !== undefined) await page.getByTestId('main-column').selectOption(f.column);
	if (f.filter) {
		await page.getByTestId('main-filter-add').click();
		await page.getByTestId('main-filter-0-column').selectOption(f.filter.column);
		await page.getByTestId('main-filter-0-value').fill(f.filter.value);
	}
	if (typeof f.time === 'string') await page.getByTestId('def-time-column').selectOption(f.time);
	else {
		await page.getByTestId('def-time-parts').check();
		await page.getByTestId('def-time-year').selectOption(f.time.year);
		await page.getByTestId('def-time-month').selectOption(f.time.month);
	}
	for (const dimension of f.dimensions) await page.locator(`[data-dimension="${dimension}"]`).check();
	if (f.unit) await page.getByTestId('def-unit').selectOption(f.unit);
	await page.getByTestId('def-better').selectOption(f.better);
	for (const field of ['target', 'warn', 'bad'] as const) if (f[field]) await page.getByTestId(`def-${field}`).fill(f[field]);
	if (f.overview) await page.getByTestId('def-overview').check();
}

describe('definition editor', () => {
	it('defines, corrects, versions and retires an indicator on the case records', async () => {
		const page = await analystPage();
		await page.goto(server.url + '/definitions');
		// A sum of a text column: refused, the field named.
		await fillDefinition(page, {
			dataset: 'Fixture cases',
			id: 'civil_filed',
			names: { ru: 'Поступило гражданских дел', kk: 'Түскен азаматтық істер', en: 'Civil cases filed' },
			agg: 'sum',
			column: 'case_type',
			time: 'filed_date',
			dimensions: ['region'],
			better: 'higher',
			warn: '10',
			bad: '5'
		});
		await page.getByTestId('def-save').click();
		await expect(page.getByTestId('def-problems').textContent()).resolves.toContain(
			'measure.column: column “case_type” is of type text; one of these is needed here: number, percent'
		);
		await page.screenshot({ path: path.join(ROOT, 'test-results/definitions-problem-en.png'), fullPage: true });

		// Counted rows of civil cases instead.
		await page.getByTestId('main-agg').selectOption('count');
		await page.getByTestId('main-column').selectOption('');
		await page.getByTestId('main-filter-add').click();
		await page.getByTestId('main-filter-0-column').selectOption('case_type');
		await page.getByTestId('main-filter-0-value').fill('civil');
		await page.getByTestId('def-save').click();
		await expect.poll(() => page.getByTestId('def-message').textContent(), { timeout: 15_000 }).toBe('Saved: “civil_filed”, version 1.');
		const row = page.locator('tr[data-definition="civil_filed"]');
		await expect(row.textContent()).resolves.toContain('Civil cases filed');
		expect(await row.getByTestId('def-version').textContent()).toBe('1');

		// Editing saves a new version.
		await page.getByTestId('def-edit-civil_filed').click();
		expect(await page.getByTestId('main-filter-0-value').inputValue()).toBe('civil');
		await page.getByTestId('def-warn').fill('20');
		await page.getByTestId('def-save').click();
		await expect.poll(() => page.getByTestId('def-message').textContent(), { timeout: 15_000 }).toBe('Saved: “civil_filed”, version 2.');
		await page.waitForFunction(
			() => document.querySelector('tr[data-definition="civil_filed"] [data-testid="def-version"]')?.textContent === '2'
		);
		await page.screenshot({ path: path.join(ROOT, 'test-results/definitions-en.png'), fullPage: true });

		await page.getByTestId('def-retire-civil_filed').click();
		await expect.poll(() => page.getByTestId('def-message').textContent(), { timeout: 15_000 }).toBe('Retired: “civil_filed”.');
		await row.waitFor({ state: 'detached' });
		await page.context().close();
	});

	it('an indicator defined in the UI is in the catalog, the API, the explorer, an overview tile and an alert', async () => {
		const page = await analystPage();
		await page.goto(server.url + '/definitions');
		await fillDefinition(page, {
			dataset: 'Fixture cases',
			id: 'civil_watch',
			names: { ru: 'Гражданские дела под наблюдением', kk: 'Бақылаудағы азаматтық істер', en: 'Civil cases watched' },
			agg: 'count',
			filter: { column: 'case_type', value: 'civil' },
			time: 'filed_date',
			dimensions: ['region', 'instance'],
			better: 'higher',
			// Far above any count of the fixtures: the figure is past both thresholds.
			warn: '100000',
			bad: '50000',
			overview: true
		});
		await page.getByTestId('def-save').click();
		await expect.poll(() => page.getByTestId('def-message').textContent(), { timeout: 15_000 }).toBe('Saved: “civil_watch”, version 1.');

		// The catalog and the API, with the figures of the built-in count under the same filter.
		const api = async (search: string) => (await page.request.get(server.url + search)).json();
		const catalog = await api('/api/indicators');
		expect(catalog.indicators.find((i: { id: string }) => i.id === 'civil_watch')).toMatchObject({
			group: 'defined',
			// In the order of the dataset's fields.
			dimensions: ['instance', 'region'],
			thresholds: { warn: 100000, bad: 50000 }
		});
		const defined = await api('/api/indicators/civil_watch?period=2024&by=region');
		const builtIn = await api('/api/indicators/incoming?period=2024&by=region&case_type=civil');
		expect(defined.rows.map((r: { region: string; value: number }) => [r.region, r.value])).toEqual(
			builtIn.rows.map((r: { region: string; value: number }) => [r.region, r.value])
		);
		expect(defined.rows.length).toBeGreaterThan(0);

		// The explorer.
		await page.goto(server.url + '/indicators/civil_watch?period=2024');
		await expect(page.locator('h1').textContent()).resolves.toBe('Civil cases watched');
		expect(await page.getByTestId('breakdown').locator('option').allTextContents()).toEqual(['Instance', 'Region']);
		await page.screenshot({ path: path.join(ROOT, 'test-results/defined-explorer-en.png'), fullPage: true });

		// An overview tile and an alert.
		await page.goto(server.url + '/');
		const tile = page.locator('article[data-indicator="civil_watch"]');
		await expect(tile.locator('h3').textContent()).resolves.toContain('Civil cases watched');
		await expect(page.locator('[data-testid="alert"][data-indicator="civil_watch"]').textContent()).resolves.toContain(
			'Civil cases watched'
		);
		await page.screenshot({ path: path.join(ROOT, 'test-results/defined-overview-en.png'), fullPage: true });
		await page.context().close();
	});

	it('explores an indicator defined in the form on an uploaded file by its own columns, filtered by typing a value', async () => {
		const page = await analystPage();
		await page.goto(server.url + '/definitions');
		const definition = 'Cases filed in the month, all courts and case types.';
		await fillDefinition(page, {
			dataset: 'Hawaii filings',
			id: 'hawaii_filings',
			names: { ru: 'Поступило (Гавайи)', kk: 'Түсті (Гавайи)', en: 'Filings (Hawaii)' },
			definition,
			agg: 'sum',
			column: 'Filings',
			time: { year: 'Year', month: 'Month' },
			dimensions: ['Court', 'Case Type'],
			unit: 'count',
			better: 'higher',
			target: '80000',
			warn: '60000',
			bad: '40000'
		});
		await page.getByTestId('def-save').click();
		await expect.poll(() => page.getByTestId('def-message').textContent(), { timeout: 15_000 }).toBe('Saved: “hawaii_filings”, version 1.');
		const catalog = await (await page.request.get(server.url + '/api/indicators')).json();
		expect(catalog.indicators.find((i: { id: string }) => i.id === 'hawaii_filings')).toMatchObject({
			dimensions: ['court', 'case_type'],
			definition: { ru: definition, kk: definition, en: definition },
			thresholds: { target: 80000, warn: 60000, bad: 40000 }
		});
		await page.goto(server.url + '/indicators/hawaii_filings');
		// The last 12 months of its own data, by its first column; its definition text and target shown.
		await expect(page.locator('.explorer .period').textContent()).resolves.toContain('2024');
		await expect(page.locator('main').textContent()).resolves.toContain(definition);
		await expect(page.locator('main').textContent()).resolves.toContain('≥ 80,000');
		const table = page.locator('.explorer table').last();
		await expect(table.textContent()).resolves.toContain('Circuit Court 1');
		await page.getByTestId('breakdown').selectOption('case_type');
		await page.waitForURL(/by=case_type/);
		await expect(page.locator('.explorer table').last().textContent()).resolves.toContain('Traffic');
		await page.getByTestId('filter-court').fill('Family Court 1');
		await page.getByTestId('filter-court').press('Enter');
		await page.waitForURL(/court=Family/);
		await expect(page.locator('[data-testid="active-filter"][data-dimension="court"]').textContent()).resolves.toContain('Family Court 1');
		// By case type within one court: Filings = 100·3 + 10·type + month + 1000·(year − 2023), 2024.
		const civil = Array.from({ length: 12 }, (_, m) => 300 + 10 + m + 1 + 1000).reduce((a, b) => a + b, 0);
		await page.waitForFunction(
			(text) => [...document.querySelectorAll('.explorer table')].at(-1)?.textContent?.includes(text),
			new Intl.NumberFormat('en-GB').format(civil)
		);
		await page.screenshot({ path: path.join(ROOT, 'test-results/defined-upload-explorer-en.png'), fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: path.join(ROOT, 'test-results/defined-upload-explorer-phone-en.png'), fullPage: true });
		await page.context().close();
	});

	it('is closed to the public', async () => {
		const anonymous = await fetch(server.url + '/definitions', { redirect: 'manual' });
		expect(anonymous.status).toBe(401);
		const posted = await fetch(server.url + '/api/definitions', {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/json', accept: 'application/json' },
			body: '{}'
		});
		expect(posted.status).toBe(401);
	});
});
