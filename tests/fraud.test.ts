/**
 * The fraud page in a real browser on the hand-computed fixture (tests/fixtures/README.md): its
 * data's as-of date is 2025-10-01, so the default period (the last 12 months) is 2024-11-01 ..
 * 2025-10-01 and holds the incidents F5..F12.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { categoryById } from '../src/lib/domain/categories';
import { FRAUD_REFERENCES } from '../src/lib/domain/fraud';
import { loginAs, sessionCookie } from './support/auth';
import { chartsDrawn, launchBrowser, overlapping } from './support/browser';
import { ROOT } from './support/server';

const base = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const chart = (page: Page, title: string): Locator =>
	page.locator('figure.chart', { has: page.getByRole('heading', { name: title, exact: true }) });

/** The figures of a bar chart as its bars announce them ("label: figure"), by value key. */
async function bars(figure: Locator): Promise<Record<string, string>> {
	await chartsDrawn(figure);
	const items = await figure
		.locator('g.bar')
		.evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-key'), g.getAttribute('aria-label')]));
	return Object.fromEntries(items.map(([key, label]) => [key, label!.slice(label!.lastIndexOf(': ') + 2)]));
}

/** The same figures from the API, formatted the way the page formats counts in English. */
async function apiBars(indicator: string, by: string, params = ''): Promise<Record<string, string>> {
	const json = await (await fetch(`${base}/api/indicators/${indicator}?by=${by}${params}`, { headers: { cookie: analystCookie } })).json();
	return Object.fromEntries(json.rows.map((r: Record<string, number>) => [r[by], new Intl.NumberFormat('en-GB').format(r.value)]));
}

let analystCookie = '';

describe('fraud indicators in the API', () => {
	it('lists the fraud indicators in the catalog and answers each with the hand-computed figures', async () => {
		const catalog = await (await fetch(`${base}/api/indicators`)).json();
		const ids = catalog.indicators.map((i: { id: string }) => i.id);
		for (const id of [
			'fraud_investigated',
			'fraud_in_court',
			'fraud_convicted',
			'fraud_verdicts',
			'fraud_days_to_verdict',
			'fraud_appeal_results',
			'fraud_civil_claims',
			'fraud_civil_grant_rate'
		])
			expect(ids).toContain(id);
		const cookie = await sessionCookie(base, 'analyst');
		const get = async (q: string) => (await fetch(`${base}/api/indicators/${q}`, { headers: { cookie } })).json();
		// See src/lib/server/metrics/fraud-indicators.test.ts for the hand computation.
		expect((await get('fraud_days_to_verdict?period=2025')).rows[0].value).toBe(125);
		expect((await get('fraud_verdicts?period=2025&by=outcome')).rows).toMatchObject([
			{ outcome: 'acquitted', value: 1 },
			{ outcome: 'convicted', value: 3 }
		]);
		expect((await get('fraud_investigated?period=2025')).rows[0].value).toBe(7);
		expect((await get('fraud_civil_claims?period=2025&by=category')).labels.category['civil.unjust_enrichment']).toBe(
			'Неосновательное обогащение'
		);
		// The public gets the same answer with the small count hidden.
		const open = await (await fetch(`${base}/api/indicators/fraud_days_to_verdict?period=2025`)).json();
		expect(open.rows[0]).toMatchObject({ value: null, suppressed: true });
	});
});

describe('fraud page', () => {
	it('loads for the public with the reference figures marked and labelled on the monthly charts', async () => {
		const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
		const response = await page.goto(base + '/fraud');
		expect(response!.status()).toBe(200);
		await expect(page.locator('h1').textContent()).resolves.toBe('Internet fraud and the courts');
		const nav = await page
			.getByTestId('main-nav')
			.locator('a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(nav).toContain('/fraud');

		// Each published figure is a mark over its period at the monthly average, labelled with the total and that average.
		const incidents = chart(page, 'Internet fraud incidents by month');
		await incidents.locator('g.mark').first().waitFor();
		expect(await incidents.locator('g.mark').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-mark')))).toEqual([
			'incidents-2024',
			'incidents-2025-q1',
			'incidents-2025-jan-aug'
		]);
		await expect(incidents.locator('[data-mark-label="incidents-2024"]').textContent()).resolves.toBe(
			'2024: more than 22,000 → 1,833/month'
		);
		await expect(incidents.locator('[data-mark-label="incidents-2025-q1"]').textContent()).resolves.toBe('Q1 2025: 6,200 → 2,067/month');
		await expect(incidents.locator('[data-mark-label="incidents-2025-jan-aug"]').textContent()).resolves.toBe(
			'Jan–Aug 2025: more than 14,000 → 1,750/month'
		);
		const damage = chart(page, 'Damage by month');
		await expect(damage.locator('[data-mark-label="damageKzt-2024"]').textContent()).resolves.toBe('2024: 45.5bn ₸ → 3.8bn ₸/month');
		await expect(damage.locator('[data-mark-label="damageKzt-2025-jan-aug"]').textContent()).resolves.toBe(
			'Jan–Aug 2025: more than 6bn ₸ → 750m ₸/month'
		);
		// The 2024 mark spans its twelve months: from the first month's point to the last's.
		const band = await incidents.locator('[data-mark="incidents-2024"] rect').boundingBox();
		const axis = await incidents.locator('svg').first().boundingBox();
		expect(band!.width).toBeGreaterThan(axis!.width * 0.3);
		// The figures are listed with their source.
		expect(await page.locator('[data-reference]').count()).toBe(FRAUD_REFERENCES.length);
		await expect(page.locator('[data-reference="2024"]').textContent()).resolves.toContain('News release of the courts of Shymkent');

		// At half a desktop's width the marks' labels still stand apart (a short form where the full one has no room).
		await page.setViewportSize({ width: 720, height: 900 });
		for (const figure of [incidents, damage]) {
			await expect.poll(async () => (await figure.locator('svg[role="application"]').boundingBox())!.width).toBeLessThan(700);
			expect(await overlapping(figure, '[data-mark-label]')).toEqual([]);
			expect(await figure.locator('[data-mark-label]').count()).toBeGreaterThan(0);
		}
		await page.setViewportSize({ width: 1360, height: 900 });

		// Art. 232-1 is drawn from September 2025, when it came into force, with the date marked.
		const articles = chart(page, 'Criminal Code art. 190 and art. 232-1 by month');
		await expect(articles.locator('[data-mark-label="droppers"]').textContent()).resolves.toBe('art. 232-1 from 16 Sep 2025');

		// The public sees small counts as "<5": the 3 phone calls of the period (F5, F11, F12).
		expect((await bars(chart(page, 'Incidents by channel'))).phone_call).toBe('<5');
		await page.close();
	});

	it('filters every chart by the scheme clicked, through the URL, to the API’s figures', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
		await loginAs(context, base, 'analyst');
		analystCookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const page = await context.newPage();
		await page.goto(base + '/fraud');

		const channel = chart(page, 'Incidents by channel');
		const funnel = chart(page, 'From registration to verdict');
		// Before: channels of F5..F12 (hand count) and the API agree.
		expect(await bars(channel)).toEqual({ phone_call: '3', messenger: '2', classifieds_site: '1', other: '1', social_media: '1' });
		expect(await bars(channel)).toEqual(await apiBars('fraud_incidents', 'channel'));
		await expect(funnel.locator('[data-stage="registered"] text.figure').textContent()).resolves.toBe('8');

		// Clicking "fake bank security" filters the page: F5, F6, F11.
		await chart(page, 'Incidents by scheme').locator('g.bar[data-key="fake_bank_security"]').click();
		await page.waitForURL(/scheme=fake_bank_security/);
		await expect.poll(() => bars(channel)).toEqual({ phone_call: '2', messenger: '1' });
		expect(await bars(channel)).toEqual(await apiBars('fraud_incidents', 'channel', '&scheme=fake_bank_security'));
		expect(await bars(chart(page, 'Incidents by victim age'))).toEqual(
			await apiBars('fraud_incidents', 'victim_age_group', '&scheme=fake_bank_security')
		);
		// The map: KZ-75 (F5, F11) and KZ-71 (F6) per 100,000 inhabitants, as the API gives them.
		const perCapita = await rawApi('fraud_per_100k', 'region', '&scheme=fake_bank_security');
		expect(Object.keys(perCapita).sort()).toEqual(['KZ-71', 'KZ-75']);
		const map = chart(page, 'Incidents per 100,000 inhabitants by region');
		for (const [code, value] of Object.entries(perCapita))
			await expect(map.locator(`[data-region="${code}"]`).getAttribute('aria-label')).resolves.toMatch(
				new RegExp(`: ${value.toFixed(1)}(?![\\d.,])`)
			);
		// Regions without an incident of the scheme have no figure.
		await expect(map.locator('[data-region="KZ-35"]').getAttribute('aria-label')).resolves.toMatch(
			/: no data: the data hold no records for this period$/
		);
		// The funnel: 3 registered; F11 only registered, so F5 and F6 investigated, in court and convicted.
		await expect.poll(() => funnel.locator('g.stage text.figure').allTextContents()).toEqual(['3', '2', '2', '2']);
		expect(await funnel.locator('[data-testid="conversion"]').allTextContents()).toEqual(['↓ 66.7%', '↓ 100.0%', '↓ 100.0%']);
		// The court link: verdicts of the period in bank-call cases: A5 (F1, decided 2025-02-01), A13 (F5), A14 (F6).
		expect(await bars(chart(page, "First-instance decisions in the incidents' cases"))).toEqual({ convicted: '3' });
		expect(await bars(chart(page, 'Appeal results of the verdicts'))).toEqual({ modified: '1', upheld: '1' });
		// The published figures are national: not marked while a filter is set, and the page says why.
		expect(await chart(page, 'Internet fraud incidents by month').locator('g.mark').count()).toBe(0);
		await expect(page.getByTestId('references-hidden').textContent()).resolves.toContain('national figures');
		// The scheme chart keeps every scheme, the chosen one marked.
		await expect(chart(page, 'Incidents by scheme').locator('g.bar[aria-pressed="true"]').getAttribute('data-key')).resolves.toBe(
			'fake_bank_security'
		);

		// Pressing Enter on the chosen bar again removes the filter.
		await chart(page, 'Incidents by scheme').locator('g.bar[data-key="fake_bank_security"]').press('Enter');
		await page.waitForURL((url) => !url.search.includes('scheme='));
		await expect
			.poll(() => bars(channel))
			.toEqual({ phone_call: '3', messenger: '2', classifieds_site: '1', other: '1', social_media: '1' });
		expect(await chart(page, 'Internet fraud incidents by month').locator('g.mark').count()).toBe(3);

		// A verdict outcome filters too: the acquittal A17 was reversed on appeal; the verdict chart keeps both outcomes.
		const verdicts = chart(page, "First-instance decisions in the incidents' cases");
		await verdicts.locator('g.bar[data-key="acquitted"]').click();
		await page.waitForURL(/outcome=acquitted/);
		await expect.poll(() => bars(chart(page, 'Appeal results of the verdicts'))).toEqual({ reversed: '1' });
		expect(await bars(verdicts)).toEqual({ convicted: '3', acquitted: '1' });
		await expect(page.getByTestId('active-filter').getAttribute('data-value')).resolves.toBe('acquitted');
		// A key figure opens the indicator explorer with the page's filters.
		await expect(page.locator('[data-indicator="fraud_days_to_verdict"] a').first().getAttribute('href')).resolves.toBe(
			'/indicators/fraud_days_to_verdict?outcome=acquitted'
		);
		fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
		await page.screenshot({ path: path.join(ROOT, 'test-results/fraud-en.png'), fullPage: true });
		await context.close();
	});

	it('lists an article and a civil-claim category chosen by clicking a bar as removable chips', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
		await loginAs(context, base, 'analyst');
		const page = await context.newPage();
		await page.goto(base + '/fraud');
		const chip = (dimension: string) => page.locator(`[data-testid="active-filter"][data-dimension="${dimension}"]`);

		// The civil claims of the incidents' cases (F5..F12 have A19..A22).
		const civil = chart(page, 'Claims in the categories fraud victims sue in');
		await bars(civil);
		const category = (await civil.locator('g.bar').first().getAttribute('data-key'))!;
		await civil.locator(`g.bar[data-key="${category}"]`).click();
		await page.waitForURL((url) => url.searchParams.get('category') === category);
		const name = categoryById(category)!.name.en;
		await expect(chip('category').locator('span').textContent()).resolves.toBe(`Category: ${name}`);
		await expect(civil.locator('g.bar[aria-pressed="true"]').getAttribute('data-key')).resolves.toBe(category);

		// An article is a chip too, beside the category.
		const articles = chart(page, 'Art. 190 and art. 232-1 in the period');
		await bars(articles);
		await articles.locator('g.bar[data-key="190"]').click();
		await page.waitForURL(/article=190/);
		await expect(chip('article').locator('span').textContent()).resolves.toBe('Article: 190');

		// Each chip removes its own filter; the bar is no longer marked.
		await page.getByRole('button', { name: `Remove filter “Category: ${name}”` }).click();
		await page.waitForURL((url) => !url.searchParams.has('category') && url.searchParams.get('article') === '190');
		await expect(civil.locator('g.bar[aria-pressed="true"]').count()).resolves.toBe(0);
		await page.getByRole('button', { name: 'Remove filter “Article: 190”' }).click();
		await page.waitForURL((url) => !url.searchParams.has('article'));
		await expect(page.getByTestId('active-filter').count()).resolves.toBe(0);
		await expect(articles.locator('g.bar[aria-pressed="true"]').count()).resolves.toBe(0);
		// Back brings the article chip again.
		await page.goBack();
		await page.waitForURL(/article=190/);
		await chip('article').waitFor();
		await context.close();
	});
});

async function rawApi(indicator: string, by: string, params: string): Promise<Record<string, number>> {
	const json = await (await fetch(`${base}/api/indicators/${indicator}?by=${by}${params}`, { headers: { cookie: analystCookie } })).json();
	return Object.fromEntries(json.rows.map((r: Record<string, number>) => [r[by], r.value]));
}
