/**
 * The practice explorer's filters in a real browser on the hand-computed fixture: the shared filter
 * bar (chips, court search, a typed article, back/forward), and text typed before the page script
 * has loaded, which hydration must keep.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { courtById } from '../src/lib/domain/courts';
import { loginAs } from './support/auth';
import { chartsDrawn, launchBrowser } from './support/browser';

const base = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function judgePage(): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
	await loginAs(context, base, 'judge');
	return context.newPage();
}

const decided = (page: Page) => page.getByTestId('fig-decided').locator('strong').textContent();
const chips = (page: Page) =>
	page
		.getByTestId('active-filter')
		.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-dimension')}=${li.getAttribute('data-value')}`));
const search = (page: Page) => new URL(page.url()).searchParams;

describe('practice explorer filters', () => {
	it('lists filters as removable chips, adds a typed article and a court found by name, and walks back and forward', async () => {
		const page = await judgePage();
		await page.goto(`${base}/practice?period=2025&category=criminal.fraud_190&page=2`);
		await chartsDrawn(page);
		expect(await chips(page)).toEqual(['category=criminal.fraud_190']);
		// Decided in 2025 under art. 190: A5, A13, A14, A17 at first instance, A15, A16, A18 on appeal.
		await expect(decided(page)).resolves.toBe('7');

		// A typed article becomes a filter; the similar cases start again at page 1.
		await page.getByTestId('filter-article').fill('190');
		await Promise.all([page.waitForURL(/article=190/), page.getByRole('button', { name: 'Add filter “Article”' }).click()]);
		expect(search(page).get('page')).toBeNull();
		expect(search(page).get('category')).toBe('criminal.fraud_190');
		expect(await chips(page)).toEqual(['category=criminal.fraud_190', 'article=190']);
		await expect(decided(page)).resolves.toBe('7');

		// A value the one URL parser refuses is not sent: the box says why.
		await page.getByTestId('filter-article').fill('190; DROP');
		await page.getByTestId('filter-article').press('Enter');
		await expect(page.getByTestId('filter-article').evaluate((input: HTMLInputElement) => input.validationMessage)).resolves.toBe(
			'Only letters, digits, spaces and . _ / -, at most 64 characters'
		);
		expect(search(page).get('article')).toBe('190');

		// The court box finds a court by its name: the criminal court of Almaty decided A5 and A13.
		const court = courtById('KZ75-SMCC')!.name.en;
		await page.getByTestId('filter-court').fill(court);
		await Promise.all([page.waitForURL(/court=KZ75-SMCC/), page.getByTestId('filter-court').press('Enter')]);
		await expect.poll(() => decided(page)).toBe('2');
		expect(await chips(page)).toEqual(['category=criminal.fraud_190', 'article=190', 'court=KZ75-SMCC']);

		// Removing its chip removes the filter; back brings it again, forward removes it again.
		await page.getByRole('button', { name: `Remove filter “Court: ${court}”` }).click();
		await page.waitForURL((url) => !url.searchParams.has('court'));
		await expect.poll(() => decided(page)).toBe('7');
		await page.goBack();
		await page.waitForURL(/court=KZ75-SMCC/);
		await expect.poll(() => chips(page)).toEqual(['category=criminal.fraud_190', 'article=190', 'court=KZ75-SMCC']);
		await expect.poll(() => decided(page)).toBe('2');
		await page.goForward();
		await page.waitForURL((url) => !url.searchParams.has('court'));
		await expect.poll(() => chips(page)).toEqual(['category=criminal.fraud_190', 'article=190']);

		// The explorer's own parameters stay through filter changes.
		await page.goto(`${base}/practice?period=2025&rate=grant`);
		await chartsDrawn(page);
		await Promise.all([page.waitForURL(/region=KZ-71/), page.getByTestId('filter-region').selectOption('KZ-71')]);
		expect(search(page).get('rate')).toBe('grant');
		await page.context().close();
	});

	it('keeps what was typed before the page script ran, in the filter bar and in every form, and shows each view’s values on back/forward', async () => {
		const page = await judgePage();
		// Hold the page's scripts until everything is typed: the typing surely happens before hydration.
		let release!: () => void;
		const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await scriptsHeld;
			await route.continue();
		});
		await page.goto(`${base}/practice?from=2024-01-01&to=2024-12-31`, { waitUntil: 'commit' });
		const lifeCase = page.locator('#life-cycle').getByLabel('Case number');
		const similarCase = page.locator('#similar').getByLabel('Case number');
		const amount = page.locator('#similar').getByLabel('Claim amount');
		const to = page.getByTestId('filter-bar').getByLabel('To', { exact: true });
		const typed: [ReturnType<Page['locator']>, string][] = [
			[page.getByTestId('filter-article'), '190'],
			[page.getByTestId('filter-court'), 'Almaty'],
			[to, '2024-06-30'],
			[lifeCase, '7501-23-00-2/1'],
			[similarCase, '7501-24-00-2/2'],
			[amount, '500000']
		];
		for (const [input, value] of typed) await input.fill(value);
		expect(await page.locator('figure.chart svg').count()).toBe(0);

		release();
		await chartsDrawn(page);
		await page.waitForLoadState('networkidle');
		for (const [input, value] of typed) await expect(input.inputValue()).resolves.toBe(value);

		// Once hydrated, the forms navigate in place; each view then shows its own values.
		await Promise.all([
			page.waitForURL(/case=7501-23-00-2%2F1/),
			page.locator('#life-cycle').getByRole('button', { name: 'Follow the case' }).click()
		]);
		await page.locator('#life-cycle figure').filter({ hasText: 'Case 7501-23-00-2/1 across instances' }).waitFor();
		await expect(lifeCase.inputValue()).resolves.toBe('7501-23-00-2/1');
		await expect(similarCase.inputValue()).resolves.toBe('7501-23-00-2/1');
		await expect(amount.inputValue()).resolves.toBe('');
		await page.goBack();
		await page.waitForURL((url) => !url.searchParams.has('case'));
		await expect.poll(() => lifeCase.inputValue()).toBe('');
		await expect(similarCase.inputValue()).resolves.toBe('');
		await page.goForward();
		await page.waitForURL(/case=7501-23-00-2%2F1/);
		await expect.poll(() => lifeCase.inputValue()).toBe('7501-23-00-2/1');
		await page.context().close();
	});
});
