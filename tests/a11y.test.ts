/**
 * Accessibility audit with axe-core in Chromium: every page of the application (read from
 * src/routes, so pages added later are audited too), signed in with the role it needs, in every
 * language and in both themes. Any serious or critical violation fails, with the list.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES, INTL_TAG } from '../src/lib/domain/l10n';
import { requiredRole } from '../src/lib/domain/route-access';
import { THEME_COOKIE } from '../src/lib/domain/theme';
import { sharedLogin, type SignedInRole } from './support/auth';
import { hydrated, launchBrowser, streamed } from './support/browser';
import { fixturePageUrl, pageRouteIds } from './support/routes';

const base = inject('fixtureUrl');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const loginAs = sharedLogin();

interface Finding {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Opens every chart's data table first, so that the tables are audited as well. Beside axe's
 * rules, every drawing (an SVG not hidden from assistive technology, larger than an icon) must
 * have an accessible name and sit in a chart (Chart.svelte) that offers its data as a table,
 * and its marks that act as controls must be reachable by keyboard.
 */
async function audit(page: Page): Promise<Finding[]> {
	await streamed(page);
	// Every chart's table open: once the page has hydrated (a toggle clicked before then opens nothing)
	// and the charts that fetch their figures have them (a chart offers its table when ready).
	const closed = 'figure.chart button[aria-expanded="false"]';
	if (await page.locator('figure.chart').count()) {
		await hydrated(page);
		await page.waitForFunction(() => !document.querySelector('figure.chart[aria-busy="true"]'), undefined, { timeout: 60_000 });
		await page.evaluate((selector) => document.querySelectorAll<HTMLButtonElement>(selector).forEach((b) => b.click()), closed);
	}
	await page.waitForFunction((selector) => !document.querySelector(selector), closed, { timeout: 5_000 });
	await page.addScriptTag({ content: AXE });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const { violations } = await axe.run(document, { resultTypes: ['violations'] });
		const findings = violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
		const drawings = [...document.querySelectorAll('svg')].filter((svg) => {
			const { width, height } = svg.getBoundingClientRect();
			return !svg.closest('[aria-hidden="true"]') && width >= 100 && height >= 60;
		});
		const describe = (svg: SVGSVGElement) => svg.getAttribute('aria-label') ?? svg.outerHTML.slice(0, 80);
		const unnamed = drawings.filter((svg) => !svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby'));
		const untabled = drawings.filter((svg) => !svg.closest('figure.chart')?.querySelector('table'));
		// Marks that act as controls (bars, map regions) must be reachable with Tab.
		const unreachable = [
			...document.querySelectorAll('svg [role="button"], svg [role="link"], svg [role="checkbox"], svg [role="radio"]')
		].filter((el) => el.getAttribute('tabindex') === null && !el.closest('[role="radiogroup"], [role="listbox"], [role="grid"]'));
		if (unreachable.length)
			findings.push({
				id: 'chart-keyboard',
				impact: 'serious',
				help: 'A chart mark that acts as a control needs tabindex',
				targets: unreachable.slice(0, 5).map((el) => el.outerHTML.slice(0, 80))
			});
		if (unnamed.length)
			findings.push({ id: 'chart-name', impact: 'serious', help: 'A chart needs an accessible name', targets: unnamed.map(describe) });
		if (untabled.length)
			findings.push({
				id: 'chart-table',
				impact: 'serious',
				help: 'A chart needs its data as a table (Chart.svelte)',
				targets: untabled.map(describe)
			});
		return findings;
	});
}

/** Four audits of a page: slower side by side with two others (below) when the machine is busy. */
const AUDIT_TIMEOUT = 300_000;

// The pages are audited a few at a time (the project's maxConcurrency): one audit leaves a core of the machine idle.
describe.concurrent('axe-core audit: no serious or critical violation', () => {
	const routes = pageRouteIds();

	it('finds the pages to audit', ({ expect }) => {
		expect(routes).toEqual(expect.arrayContaining(['/', '/login', '/data', '/data/[id]', '/admin/users']));
	});

	for (const [url, status, name] of [
		['/admin/users', 401, 'the page that asks to sign in'],
		['/no-such-page', 404, 'the page that says a page is not found']
	] as const) {
		it(`${name}, in every language, light and dark`, { timeout: AUDIT_TIMEOUT }, async ({ expect }) => {
			const report: string[] = [];
			for (const locale of LOCALES) {
				for (const colorScheme of ['light', 'dark'] as const) {
					const context = await browser.newContext({ locale: INTL_TAG[locale], colorScheme, bypassCSP: true });
					const page = await context.newPage();
					expect((await page.goto(base + url))!.status()).toBe(status);
					for (const f of await audit(page))
						report.push(`${status} [${locale}, ${colorScheme}] ${f.impact} ${f.id}: ${f.help} — ${f.targets.join(' | ')}`);
					await context.close();
				}
			}
			expect(report, report.join('\n')).toEqual([]);
		});
	}

	for (const route of routes) {
		it(`${route} in every language, and dark`, { timeout: AUDIT_TIMEOUT }, async ({ expect }) => {
			const role = requiredRole(route, 'GET');
			const url = fixturePageUrl(route);
			const report: string[] = [];
			// Every language in light; dark in the base language only, since colours do not depend on
			// the language (each audit costs seconds: six per page made this file the suite's longest).
			const runs = [...LOCALES.map((locale) => ({ locale, theme: 'light' as const })), { locale: LOCALES[0], theme: 'dark' as const }];
			for (const { locale, theme } of runs) {
				// Light follows the system setting; dark is chosen with the toggle's cookie over a light system.
				const context = await browser.newContext({ locale: INTL_TAG[locale], colorScheme: 'light', bypassCSP: true });
				if (theme === 'dark') await context.addCookies([{ name: THEME_COOKIE, value: 'dark', url: base }]);
				if (role !== 'public') await loginAs(context, base, role as SignedInRole);
				const page = await context.newPage();
				const response = await page.goto(base + url);
				expect(response!.status(), `${url}: add a sample URL to FIXTURE_SAMPLES in tests/support/routes.ts`).toBe(200);
				expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
				for (const f of await audit(page))
					report.push(`${url} [${locale}, ${theme}] ${f.impact} ${f.id}: ${f.help} — ${f.targets.join(' | ')}`);
				await context.close();
			}
			expect(report, report.join('\n')).toEqual([]);
		});
	}
});

describe('keyboard', () => {
	it('reaches the trend chart with Tab and reads its periods with the arrow keys', async () => {
		const page = await browser.newPage({ locale: 'en-GB' });
		await page.goto(base + '/');
		let focused = '';
		// The overview has filters, tiles, the map and other charts before the trend: Tab through them all.
		for (let i = 0; i < 400 && focused !== 'Cases filed and resolved by month'; i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(
				() => (document.activeElement?.tagName === 'svg' && document.activeElement.getAttribute('aria-label')) || ''
			);
		}
		expect(focused).toBe('Cases filed and resolved by month');

		await page.keyboard.press('ArrowRight');
		const trend = page.locator('section.trend figure.chart');
		const first = await trend.locator('table tbody tr').first().locator('th, td').allTextContents();
		const tooltip = trend.locator('[role="status"]');
		expect((await tooltip.textContent())!.replace(/\s+/g, ' ')).toBe(`${first[0]} Filed: ${first[1]}Resolved: ${first[2]}`);
		await page.keyboard.press('ArrowRight');
		const second = await trend.locator('table tbody tr').nth(1).locator('th, td').first().textContent();
		await expect(tooltip.locator('strong').textContent()).resolves.toBe(second);
		await page.close();
	});
});
