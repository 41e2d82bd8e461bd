/** Each role signs in through the login page in a real browser and sees exactly what it may. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mayOpen, nearestView } from '../src/lib/domain/route-access';
import type { Role } from '../src/lib/domain/roles';
import { TEST_USERS, type SignedInRole } from './support/auth';
import { launchBrowser } from './support/browser';

const base = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every page a navigation link could lead to, with the route id route-access.ts knows it by. */
const PAGES: [string, string][] = [
	['/', '/'],
	['/fraud', '/fraud'],
	['/practice', '/practice'],
	['/plan', '/plan'],
	['/wall', '/wall'],
	['/data', '/data'],
	['/definitions', '/definitions'],
	['/admin/users', '/admin/users']
];

async function signIn(role: Role): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	if (role === 'public') {
		await page.goto(base + '/');
		return page;
	}
	await page.goto(base + '/login');
	await page.getByLabel('Login').fill(TEST_USERS[role as SignedInRole].login);
	await page.getByLabel('Password').fill(TEST_USERS[role as SignedInRole].password);
	await Promise.all([page.waitForURL(base + '/'), page.getByRole('button', { name: 'Sign in' }).click()]);
	return page;
}

describe('signing in', () => {
	it('keeps what was typed before the page script ran (hydration must not clear the login field)', async () => {
		const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
		await page.goto(base + '/login', { waitUntil: 'commit' });
		await page.getByLabel('Login').fill('judge.test');
		await page.waitForFunction(() => document.querySelector('script') && document.readyState === 'complete');
		await page.waitForLoadState('networkidle');
		await expect(page.getByLabel('Login').inputValue()).resolves.toBe('judge.test');
		await page.context().close();
	});
});

// The roles' tests each hold their own pages, a few at a time (the project's maxConcurrency): one alone leaves a core idle.
describe.concurrent('what each role sees', { timeout: 120_000 }, () => {
	for (const role of ['public', 'judge', 'analyst', 'admin'] as const) {
		it(`${role}: the navigation offers exactly the pages the role may open, and the others refuse`, async ({ expect }) => {
			const page = await signIn(role);
			const links = await page
				.getByTestId('main-nav')
				.locator('a')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(links).toEqual(PAGES.filter(([, route]) => mayOpen(role, route)).map(([href]) => href));
			if (role === 'public') await expect(page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
			else await expect(page.getByTestId('user').textContent()).resolves.toContain(TEST_USERS[role].login);

			for (const [href, route] of PAGES) {
				const response = await page.goto(base + href);
				// The public is asked to sign in; a signed-in reader lands on the nearest view they may open, told why.
				expect(response!.status(), `${role} ${href}`).toBe(mayOpen(role, route) || role !== 'public' ? 200 : 401);
				if (mayOpen(role, route)) continue;
				if (role === 'public') await expect(page.getByTestId('login-needed').count()).resolves.toBe(1);
				else {
					expect(new URL(page.url()).pathname, `${role} ${href}`).toBe(nearestView(route, new URL(base + href), role));
					await expect(page.getByTestId('denied-notice').textContent()).resolves.toContain('is for the role');
				}
			}
			await page.context().close();
		});
	}

	it('public sees small counts as "<5"; a judge sees the figures', async ({ expect }) => {
		const publicPage = await signIn('public');
		const judge = await signIn('judge');
		const publicValue = await publicPage.locator('[data-indicator="pending_end"] [data-testid="kpi-value"]').textContent();
		const judgeValue = await judge.locator('[data-indicator="pending_end"] [data-testid="kpi-value"]').textContent();
		// On the fixture's as-of date (1 October 2025) two cases are pending: A4 and A12.
		expect(publicValue!.trim()).toBe('<5');
		expect(judgeValue!.trim()).toBe('2');
		await publicPage.context().close();
		await judge.context().close();
	});

	it('admin manages users; a bad entry gets a clear message; signing out ends the session', async ({ expect }) => {
		const page = await signIn('admin');
		await page.goto(base + '/admin/users');
		await expect(page.locator('tr[data-login="judge.test"]').count()).resolves.toBe(1);

		const create = page.locator('form.create');
		await create.getByLabel('Login').fill('new.judge');
		await create.getByLabel('Role').selectOption('judge');
		await create.getByLabel('Password (at least 10 characters)').fill('judge-password-2');
		await create.getByRole('button', { name: 'Create' }).click();
		await page.getByRole('status').filter({ hasText: 'User new.judge created.' }).waitFor();
		await expect(page.locator('tr[data-login="new.judge"]').count()).resolves.toBe(1);

		await create.getByLabel('Login').fill('Bad Login!');
		await create.getByLabel('Password (at least 10 characters)').fill('judge-password-2');
		await create.getByRole('button', { name: 'Create' }).click();
		await page.getByRole('status').filter({ hasText: 'Login: 2–32 characters' }).waitFor();

		await Promise.all([page.waitForURL(base + '/'), page.getByRole('button', { name: 'Sign out' }).click()]);
		expect((await page.goto(base + '/admin/users'))!.status()).toBe(401);
		await page.context().close();
	});
});
