/**
 * What the pages say, as a reader sees it: every page has a title of its own and shows no
 * internal text (names of seed documents, source codes); the change log is written in the
 * reader's language; a page that needs a session is the sign-in page with the site's header;
 * a judge following a link to an analysts' page lands on the nearest view they may open.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INTL_TAG } from '../src/lib/domain/l10n';
import { loginAs } from './support/auth';
import { hydrated, launchBrowser, streamed } from './support/browser';
import { fixturePageUrl, pageRouteIds } from './support/routes';

const base = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Text meant for the team, not for readers: seed document numbers, catalog source codes before a colon. */
const INTERNAL = /\bseeds?\b|материал(ы|дары)?\s+\d{3}|\d{3}\s+материал|^\s*(seed|practice|statute|CEPEJ|CourTools):/im;

describe('editorial', () => {
	for (const locale of ['ru', 'en'] as const)
		it(`every page has a title of its own and no internal text [${locale}]`, { timeout: 180_000 }, async () => {
			const context = await browser.newContext({ locale: INTL_TAG[locale] });
			await loginAs(context, base, 'admin');
			const page = await context.newPage();
			const appTitle = locale === 'ru' ? 'Ситуационный центр правосудия' : 'Justice situational center';
			const problems: string[] = [];
			for (const route of pageRouteIds()) {
				const url = fixturePageUrl(route);
				expect((await page.goto(base + url))!.status(), url).toBe(200);
				await streamed(page);
				const title = await page.title();
				if (!title.endsWith(` · ${appTitle}`)) problems.push(`${url}: title "${title}"`);
				const internal = INTERNAL.exec(await page.locator('body').innerText());
				if (internal) problems.push(`${url}: "${internal[0]}"`);
			}
			await context.close();
			expect(problems, problems.join('\n')).toEqual([]);
		});

	it('writes the change log on /data as sentences in the reader’s language', async () => {
		for (const [locale, sentence] of [
			[
				'ru',
				/Набор «Fixture cases»: данные заменены версией 1 из файла «[^»]+»; загружено: \d+ (запись|записи|записей), отклонено: 0 записей\./
			],
			['en', /Dataset “Fixture cases”: data replaced by version 1 from the file “[^”]+”; loaded: \d+ records?, rejected: 0 records\./]
		] as const) {
			const context = await browser.newContext({ locale: INTL_TAG[locale] });
			await loginAs(context, base, 'analyst');
			const page = await context.newPage();
			await page.goto(`${base}/data`);
			const log = await page.getByTestId('audit').innerText();
			expect(log).toMatch(sentence);
			expect(log).not.toMatch(/import_replace|loaded, \d+ rejected/);
			await context.close();
		}
	});

	it('asks the public to sign in on the sign-in page, with the site’s header, answering 401', async () => {
		const page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
		expect((await page.goto(`${base}/data`))!.status()).toBe(401);
		await expect(page.getByTestId('main-nav').count()).resolves.toBe(1);
		await expect(page.getByTestId('login-needed').textContent()).resolves.toContain('после входа');
		await expect(page.locator('input[name="next"]').getAttribute('value')).resolves.toBe('/data');
		await page.context().close();
	});

	it('serves the sign-in page of a page deeper in the site with its styles and scripts', async () => {
		const page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400 && response.request().resourceType() !== 'document')
				failed.push(`${response.status()} ${response.url()}`);
		});
		expect((await page.goto(`${base}/admin/users`))!.status()).toBe(401);
		await expect(page.locator('input[name="next"]').getAttribute('value')).resolves.toBe('/admin/users');
		expect(failed).toEqual([]);
		await hydrated(page);
		await page.context().close();
	});

	it('sends a judge following a link to the case list to the indicator, under the same filters, and says why', async () => {
		const context = await browser.newContext({ locale: 'ru-RU' });
		await loginAs(context, base, 'judge');
		const page = await context.newPage();
		expect((await page.goto(`${base}/cases?indicator=resolved&period=2024&region=KZ-75&sort=decided_date`))!.status()).toBe(200);
		const landed = new URL(page.url());
		expect(landed.pathname).toBe('/indicators/resolved');
		expect(Object.fromEntries(landed.searchParams)).toEqual({ period: '2024', region: 'KZ-75' });
		await expect(page.getByTestId('denied-notice').textContent()).resolves.toContain('«Аналитик»');
		// Said once: the next page has no notice.
		await page.goto(`${base}/`);
		await expect(page.getByTestId('denied-notice').count()).resolves.toBe(0);
		await context.close();
	});
});
