/**
 * The definition editor in a real browser, on a server and database of its own: an analyst
 * defines an indicator on the case records, sees a problem named by its field, saves, edits
 * (a new version) and retires it; the public can neither open the page nor post.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, loginAs } from './support/auth';
import { launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-definitions');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
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

describe('definition editor', () => {
	it('defines, corrects, versions and retires an indicator on the case records', async () => {
		const page = await analystPage();
		await page.goto(server.url + '/definitions');
		const dataset = page.getByTestId('def-dataset');
		const value = await dataset.locator('option', { hasText: 'Fixture cases' }).getAttribute('value');
		await dataset.selectOption(value!);
		await page.getByTestId('def-id').fill('civil_filed');
		await page.getByTestId('def-name-ru').fill('Поступило гражданских дел');
		await page.getByTestId('def-name-kk').fill('Түскен азаматтық істер');
		await page.getByTestId('def-name-en').fill('Civil cases filed');
		// A sum of a text column: refused, the field named.
		await page.getByTestId('main-agg').selectOption('sum');
		await page.getByTestId('main-column').selectOption('case_type');
		await page.getByTestId('def-time-column').selectOption('filed_date');
		await page.locator('[data-dimension="region"]').check();
		await page.getByTestId('def-better').selectOption('higher');
		await page.getByTestId('def-warn').fill('10');
		await page.getByTestId('def-bad').fill('5');
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
		await expect.poll(() => page.getByTestId('def-message').textContent()).toBe('Saved: “civil_filed”, version 1.');
		const row = page.locator('tr[data-definition="civil_filed"]');
		await expect(row.textContent()).resolves.toContain('Civil cases filed');
		expect(await row.getByTestId('def-version').textContent()).toBe('1');

		// Editing saves a new version.
		await page.getByTestId('def-edit-civil_filed').click();
		expect(await page.getByTestId('main-filter-0-value').inputValue()).toBe('civil');
		await page.getByTestId('def-warn').fill('20');
		await page.getByTestId('def-save').click();
		await expect.poll(() => page.getByTestId('def-message').textContent()).toBe('Saved: “civil_filed”, version 2.');
		await page.waitForFunction(
			() => document.querySelector('tr[data-definition="civil_filed"] [data-testid="def-version"]')?.textContent === '2'
		);
		await page.screenshot({ path: path.join(ROOT, 'test-results/definitions-en.png'), fullPage: true });

		await page.getByTestId('def-retire-civil_filed').click();
		await expect.poll(() => page.getByTestId('def-message').textContent()).toBe('Retired: “civil_filed”.');
		await row.waitFor({ state: 'detached' });
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
