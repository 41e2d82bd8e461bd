/**
 * Phones: at 390 px (a common phone width) no page is wider than the screen, for every role
 * that may open it; the header folds its navigation into a menu.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { INTL_TAG, LOCALES } from '../src/lib/domain/l10n';
import { ROLES } from '../src/lib/domain/roles';
import { mayOpen } from '../src/lib/domain/route-access';
import { loginAs, type SignedInRole } from './support/auth';
import { hydrated, launchBrowser, streamed } from './support/browser';
import { fixturePageUrl, pageRouteIds } from './support/routes';

const base = inject('fixtureUrl');
const PHONE = { width: 390, height: 844 };
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

// The runs measure their pages a few at a time (the project's maxConcurrency): one alone leaves a core idle.
describe.concurrent('at 390 px', () => {
	const routes = pageRouteIds();

	// Every role in Russian; the administrator, who may open every page, in each language (Kazakh words are the longest).
	const runs = [
		...ROLES.map((role) => ({ role, locale: 'ru' as const })),
		...LOCALES.filter((l) => l !== 'ru').map((locale) => ({ role: 'admin' as const, locale }))
	];
	for (const { role, locale } of runs) {
		it(
			`no page ${role === 'public' ? 'open to the public' : `a ${role} may open`} is wider than the screen [${locale}]`,
			{ timeout: 180_000 },
			async ({ expect }) => {
				const wide: string[] = [];
				const context = await browser.newContext({ viewport: PHONE, locale: INTL_TAG[locale] });
				if (role !== 'public') await loginAs(context, base, role as SignedInRole);
				const page = await context.newPage();
				const pages = routes.filter((r) => mayOpen(role, r));
				for (const route of pages) {
					const url = fixturePageUrl(route);
					expect((await page.goto(base + url))!.status(), url).toBe(200);
					await page.waitForLoadState('networkidle');
					await streamed(page);
					const width = await page.evaluate(() => document.documentElement.scrollWidth);
					if (width > PHONE.width) wide.push(`${url}: ${width} px`);
				}
				await context.close();
				expect(pages.length).toBeGreaterThan(0);
				expect(wide, wide.join('\n')).toEqual([]);
			}
		);
	}

	it('folds the navigation and tools into a menu that opens and closes', async ({ expect }) => {
		const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
		await loginAs(context, base, 'admin');
		const page = await context.newPage();
		await page.goto(base + '/');
		// A click before hydration opens nothing.
		await hydrated(page);
		const toggle = page.getByTestId('menu-toggle');
		const nav = page.getByTestId('main-nav');
		await expect(nav.isVisible()).resolves.toBe(false);
		await expect(page.getByTestId('user').isVisible()).resolves.toBe(false);
		await toggle.click();
		await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
		await expect(nav.isVisible()).resolves.toBe(true);
		await expect(page.getByTestId('user').isVisible()).resolves.toBe(true);
		// Following a link closes the menu again.
		await Promise.all([page.waitForURL(/\/fraud/), nav.getByRole('link', { name: 'Internet fraud' }).click()]);
		await expect(nav.isVisible()).resolves.toBe(false);
		await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');

		await page.setViewportSize({ width: 1280, height: 800 });
		await expect(toggle.isVisible()).resolves.toBe(false);
		await expect(nav.isVisible()).resolves.toBe(true);
		await context.close();
	});
});
