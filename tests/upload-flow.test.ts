/**
 * The upload flow in a real browser, on a server and database of its own: drop a Russian Excel
 * export → detected format → mapping corrected → preview check → progress → report → dataset
 * listed → second version → rollback; and an "other" file with hostile column names, which
 * must stay inert text.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUsers, loginAs } from './support/auth';
import { launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer, type RunningServer } from './support/server';
import { dropFile } from './support/uploads';

let server: RunningServer;
let browser: Browser;
const shots = path.join(ROOT, 'test-results');

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-upload-flow');
	const db = await createFixtureDatabase(databasePath);
	await createTestUsers(db);
	db.close();
	server = await startServer({
		DATABASE_PATH: databasePath,
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(path.dirname(databasePath), 'uploads'),
		IMPORT_REJECT_THRESHOLD: '0.5'
	});
	browser = await launchBrowser();
	fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function adminPage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1360, height: 1000 } });
	await loginAs(context, server.url, 'admin');
	const page = await context.newPage();
	// An alert would mean a column name ran as script.
	page.on('dialog', (dialog) => {
		if (dialog.type() === 'alert') throw new Error(`unexpected alert: ${dialog.message()}`);
		return dialog.accept();
	});
	return page;
}

const HEADER = [
	'ID производства',
	'Номер дела',
	'Инстанция',
	'Суд',
	'Облыс',
	'Вид судопроизводства',
	'Категория',
	'Дата рег.',
	'Дата решения',
	'Сумма иска'
];
const row = (id: string, region: string, filed: string, claim: string) => [
	id,
	`3101-25-00-2/${id}`,
	'Первая инстанция',
	'KZ31-D01',
	region,
	'Гражданские',
	'civil.loan',
	filed,
	'',
	claim
];
const excel = (rows: string[][]) => iconv.encode([HEADER, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n', 'win1251');

describe('upload flow', () => {
	it('drop → mapping → progress → report → dataset visible → second version → rollback', async () => {
		const page = await adminPage();
		await page.goto(server.url + '/data');
		await dropFile(
			page,
			excel([
				row('U1', 'Жамбылская обл.', '05.03.2025', '1\u00a0500,50'),
				row('U2', 'Jambyl', '06.03.2025', '200'),
				row('U3', 'Алматы', '07.03.2025', '')
			]),
			'дела-2025.csv'
		);

		// Detected: Windows-1251, ";", dd.mm.yyyy, decimal comma; kind cases, one field left unmapped.
		await page.getByTestId('format').waitFor();
		expect(await page.getByTestId('encoding').inputValue()).toBe('windows-1251');
		expect(await page.getByTestId('delimiter').inputValue()).toBe(';');
		expect(await page.getByTestId('decimal').inputValue()).toBe(',');
		expect(await page.getByTestId('date-format').textContent()).toBe('dd.mm.yyyy');
		expect(await page.getByTestId('kind').inputValue()).toBe('cases');
		expect(await page.locator('select[data-column="Облыс"]').inputValue()).toBe('region');
		// "Дата рег." is an abbreviation of a known name: proposed, and marked for the user to check.
		expect(await page.locator('select[data-column="Дата рег."]').inputValue()).toBe('filed_date');
		expect(await page.getByTestId('header-how').getAttribute('data-how')).toBe('variant');
		await page.locator('select[data-column="Дата рег."]').selectOption('');
		await expect(page.getByTestId('missing').textContent()).resolves.toContain('Дата поступления');
		expect(await page.getByTestId('upload').isDisabled()).toBe(true);

		// The user maps the column back; the preview check names the ambiguous region.
		await page.locator('select[data-column="Дата рег."]').selectOption('filed_date');
		expect(await page.getByTestId('missing').count()).toBe(0);
		await expect(page.getByTestId('preview-result').textContent()).resolves.toContain('1');
		await expect(page.locator('[data-testid="rejects"]').textContent()).resolves.toContain('Алматы');
		await page.screenshot({ path: path.join(shots, 'data-upload-mapping-ru.png'), fullPage: true });

		await page.getByTestId('upload').click();
		await page.getByTestId('report').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('report').getAttribute('data-status')).toBe('committed');
		await expect(page.getByTestId('report').textContent()).resolves.toContain('загружено: 2; отклонено: 1');
		await expect(page.getByTestId('rejects').textContent()).resolves.toContain('Неоднозначно');
		await page.screenshot({ path: path.join(shots, 'data-upload-report-ru.png'), fullPage: true });

		// The dataset is listed with its source file and hash.
		const listed = page.locator('[data-testid="datasets"] tr', { hasText: 'дела-2025.csv' });
		await listed.waitFor();
		const datasetId = Number(await listed.getAttribute('data-dataset'));

		// A second version replaces the first.
		await page.getByTestId('upload-again').click();
		await dropFile(page, excel([row('U1', 'KZ-31', '05.03.2025', '10'), row('U4', 'KZ-31', '08.03.2025', '20')]), 'дела-2025-v2.csv');
		await page.getByTestId('format').waitFor();
		await page.getByTestId('target').selectOption(String(datasetId));
		await page.getByTestId('mode').selectOption('replace');
		await page.getByTestId('upload').click();
		await page.getByTestId('report').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('report').getAttribute('data-status')).toBe('committed');

		// Roll back to version 1 from the dataset's page (the confirmation is accepted).
		await page.goto(`${server.url}/data/${datasetId}`);
		expect(await page.locator('tr[data-version="2"]').getAttribute('data-status')).toBe('active');
		await page.getByTestId('rollback-1').click();
		await page.getByTestId('rollback-message').waitFor();
		await page.waitForFunction(() => document.querySelector('tr[data-version="1"]')?.getAttribute('data-status') === 'active');
		expect(await page.locator('tr[data-version="2"]').getAttribute('data-status')).toBe('rolled_back');
		expect(await page.getByTestId('row-count').textContent()).toBe('2');
		await page.screenshot({ path: path.join(shots, 'data-dataset-ru.png'), fullPage: true });
		await page.goto(server.url + '/data');
		await expect(page.getByTestId('audit').textContent()).resolves.toContain('возвращён к версии 1');
		await page.context().close();
	});

	it('lists values not written as codes with counts and suggestions, takes corrections and reuses them as a profile', async () => {
		const page = await adminPage();
		await page.goto(server.url + '/data');
		const header = [
			'ID',
			'Номер дела',
			'Инстанция',
			'Суд',
			'Область',
			'Вид дела',
			'Категория',
			'Дата поступления дела',
			'Результат рассмотрения'
		];
		const line = (id: string, instance: string, type: string, outcome: string) =>
			[id, `3101-25-00-2/${id}`, instance, 'KZ31-D01', 'Жамбылская обл.', type, 'civil.loan', '05.03.2025', outcome].join(';');
		const file = (...lines: string[]) => Buffer.from([header.join(';'), ...lines].join('\n') + '\n');
		await dropFile(
			page,
			file(
				line('VM1', '1 инстанция', 'Гражданское', 'Удовлетворен'),
				line('VM2', '1 инстанция', 'гр.', 'Частично удовл.'),
				line('VM3', 'Апеляция', 'Гражданское', 'Отказ'),
				line('VM4', 'Апеляция', 'Гражданское', 'ОБ-7')
			),
			'областной-суд.csv'
		);
		const values = page.getByTestId('values');
		await values.waitFor();
		const choice = (text: string) => values.locator(`tr[data-value="${text}"]`);
		// Variants are read, each with its count; a misspelling is only suggested; an unknown code is not placed.
		await expect(choice('1 инстанция').locator('td.num').textContent()).resolves.toBe('2');
		expect(await choice('1 инстанция').locator('select').inputValue()).toBe('first');
		expect(await choice('1 инстанция').locator('.how').getAttribute('data-how')).toBe('variant');
		expect(await choice('Частично удовл.').locator('select').inputValue()).toBe('partially_granted');
		expect(await choice('Апеляция').locator('select').inputValue()).toBe('appeal');
		expect(await choice('Апеляция').locator('.how').getAttribute('data-how')).toBe('suggested');
		expect(await choice('ОБ-7').locator('select').inputValue()).toBe('');
		await expect(page.getByTestId('rejects').textContent()).resolves.toContain('ОБ-7');
		await page.screenshot({ path: path.join(shots, 'data-upload-values-ru.png'), fullPage: true });

		// The user places the unknown code and saves the mappings as a profile.
		await choice('ОБ-7').locator('select').selectOption('left_without_consideration');
		expect(await choice('ОБ-7').locator('.how').getAttribute('data-how')).toBe('user');
		await page.getByTestId('rejects').waitFor({ state: 'detached' });
		await page.getByTestId('save-profile').check();
		await page.getByTestId('profile-name').fill('Областной суд');
		await page.getByTestId('upload').click();
		await page.getByTestId('report').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('report').getAttribute('data-status')).toBe('committed');
		await expect(page.getByTestId('report').textContent()).resolves.toContain('загружено: 4; отклонено: 0');

		// The next file of the same layout gets the profile: the user's code is applied again.
		await page.goto(server.url + '/data');
		await dropFile(page, file(line('VM5', 'Апеляция', 'Гражданское', 'ОБ-7')), 'областной-суд-2.csv');
		await page.getByTestId('profile-applied').waitFor();
		await expect(page.getByTestId('profile-applied').textContent()).resolves.toContain('Областной суд');
		expect(await choice('ОБ-7').locator('select').inputValue()).toBe('left_without_consideration');
		expect(await choice('ОБ-7').locator('.how').getAttribute('data-how')).toBe('given');
		expect(await choice('Апеляция').locator('select').inputValue()).toBe('appeal');
		expect(await page.getByTestId('save-profile').isChecked()).toBe(true);
		await page.context().close();
	});

	it('keeps hostile column names of an "other" file as inert text, with a profile and a chart', async () => {
		const page = await adminPage();
		await page.goto(server.url + '/data');
		const csv =
			'Регион,"a""; DROP TABLE cases; --",<script>alert(1)</script>,Сумма\nKZ-75,x,<img src=x onerror=alert(2)>,10\nЖамбылская область,y,z,5\nKZ-75,x,z,1\n';
		await dropFile(page, Buffer.from(csv), 'hostile.csv');
		await page.getByTestId('format').waitFor();
		expect(await page.getByTestId('kind').inputValue()).toBe('other');
		await page.getByTestId('upload').click();
		await page.getByTestId('report').waitFor({ timeout: 30_000 });
		const listed = page.locator('[data-testid="datasets"] tr', { hasText: 'hostile.csv' });
		await listed.waitFor();
		await page.goto(`${server.url}/data/${await listed.getAttribute('data-dataset')}`);
		expect(await page.getByTestId('column-name').allTextContents()).toEqual([
			'Регион',
			'a"; DROP TABLE cases; --',
			'<script>alert(1)</script>',
			'Сумма'
		]);
		await expect(page.getByTestId('rows').textContent()).resolves.toContain('<img src=x onerror=alert(2)>');
		expect(await page.locator('[data-testid="rows"] img, [data-testid="profile"] script').count()).toBe(0);
		// The region column is recognised: the dashboard's leaderboard groups by region names.
		await page.locator('figure.chart svg text', { hasText: 'Алматы' }).first().waitFor();
		// …and draws them on the region map: "Сумма" summed, KZ-75 10 + 1 and Zhambyl (by its name) 5.
		const map = page.locator('figure.chart').filter({ has: page.locator('[data-region]') });
		await expect(map.locator('[data-region="KZ-75"]').getAttribute('aria-label')).resolves.toBe('Алматы: 11');
		await expect(map.locator('[data-region="KZ-31"]').getAttribute('aria-label')).resolves.toBe('Жамбылская область: 5');
		await page.screenshot({ path: path.join(shots, 'data-other-ru.png'), fullPage: true });
		const cases = await (await fetch(`${server.url}/api/indicators/incoming?period=2024`)).json();
		expect(cases.rows.length).toBe(1);
		await page.context().close();
	});
});
