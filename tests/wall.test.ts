/**
 * The wall (/wall) in a real browser, on a server and database of its own (an import changes
 * the data): every panel fits 1920×1080 and 3840×2160 without scrolling or cut content; space
 * pauses, arrows step, and it turns by itself; the figures change after an import without a reload (server-sent
 * events); the public sees small counts suppressed; the administrator's choice of panels is
 * stored and checked, and only administrators may make it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WALL } from '../src/lib/domain/wall';
import { createTestUsers, loginAs, sessionCookie } from './support/auth';
import { launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { startServer, type RunningServer } from './support/server';
import { CASES_HEADER, importFinished, postUpload } from './support/uploads';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	const databasePath = tempDatabasePath('e2e-wall');
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

async function wall(viewport: { width: number; height: number }, role?: 'analyst' | 'admin'): Promise<Page> {
	const context = await browser.newContext({ viewport, locale: 'ru-RU' });
	if (role) await loginAs(context, server.url, role);
	const page = await context.newPage();
	expect((await page.goto(`${server.url}/wall`))!.status()).toBe(200);
	// Paused at once (once the page runs: its clock shows), so that the panels change only when the test steps.
	await expect.poll(() => page.getByTestId('wall-clock').textContent()).not.toBe('');
	await page.keyboard.press(' ');
	await page.locator('[data-testid="wall"][data-paused="true"]').waitFor();
	return page;
}

/** The page's scroll size, and every element of the panel whose content is larger than its box. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const cut = [...document.querySelectorAll<HTMLElement>('[data-testid="wall-panel"], [data-testid="wall-panel"] *')]
			.filter((el) => el instanceof HTMLElement && el.clientHeight > 0 && !el.closest('.visually-hidden'))
			.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
			.map(
				(el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`
			);
		const root = document.documentElement;
		return { width: root.scrollWidth, height: root.scrollHeight, cut };
	});
}

describe('/wall', () => {
	for (const viewport of [
		{ width: 1920, height: 1080 },
		{ width: 3840, height: 2160 }
	])
		it(`shows every panel within ${viewport.width}×${viewport.height}, without scrolling or cut content`, async () => {
			const page = await wall(viewport, 'analyst');
			const seen: string[] = [];
			for (let i = 0; i < DEFAULT_WALL.panels.length; i++) {
				const kind = (await page.getAttribute('[data-testid="wall"]', 'data-panel'))!;
				seen.push(kind);
				const { width, height, cut } = await overflow(page);
				expect({ kind, width, height }).toEqual({ kind, ...viewport });
				expect(cut, `${kind}: ${cut.join('\n')}`).toEqual([]);
				// No label drawn is cut short (the fraud schemes' were): short names stand in where full ones do not fit.
				const shortened = await page
					.locator('[data-testid="wall-panel"] svg text')
					.evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter((t) => t.endsWith('…')));
				expect(shortened, kind).toEqual([]);
				await page.keyboard.press('ArrowRight');
			}
			expect(seen).toEqual(DEFAULT_WALL.panels.map((p) => p.kind));
			// Back to the first, and one step back from it to the last.
			expect(await page.getAttribute('[data-testid="wall"]', 'data-panel')).toBe('kpis');
			await page.keyboard.press('ArrowLeft');
			expect(await page.getAttribute('[data-testid="wall"]', 'data-panel')).toBe(DEFAULT_WALL.panels.at(-1)!.kind);
			await expect.poll(() => page.getByTestId('wall-clock').textContent()).toMatch(/^\d{1,2}:\d{2}:\d{2}$/);
			await expect.poll(() => page.getByTestId('wall-fresh').textContent()).toMatch(/Данные на 1 октября 2025 г\.\s+· обновлено в \d/);
			await page.context().close();
		});

	it('shows the public small counts suppressed and says its figures are protected, an analyst the figures', async () => {
		const value = async (page: Page) =>
			(await page.locator('[data-indicator="pending_end"] [data-testid="kpi-value"]').textContent())!.trim();
		const publicWall = await wall({ width: 1920, height: 1080 });
		expect(await value(publicWall)).toBe('<5');
		await expect(publicWall.getByTestId('public-protection').textContent()).resolves.toContain('меньше 5 скрыты');
		const analystWall = await wall({ width: 1920, height: 1080 }, 'analyst');
		expect(await value(analystWall)).toMatch(/^\d+$/);
		await expect(analystWall.getByTestId('public-protection').count()).resolves.toBe(0);
		await publicWall.context().close();
		await analystWall.context().close();
	});

	it('updates its figures after an import, without a reload', async () => {
		// An analyst's wall: exact figures (the public's are perturbed).
		const page = await wall({ width: 1920, height: 1080 }, 'analyst');
		const incoming = page.locator('[data-indicator="incoming"] [data-testid="kpi-value"]');
		expect(await incoming.getAttribute('data-value')).toBe('12');
		const revision = Number(await page.getAttribute('[data-testid="wall"]', 'data-revision'));
		await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

		// Five cases filed in June 2025, within the wall's last 12 months.
		const rows = Array.from(
			{ length: 5 },
			(_, i) => `W${i},7501-25-00-2/W${i},first,KZ75-D01,KZ-75,civil,civil.loan,2025-06-10,2025-07-10`
		);
		const cookie = await sessionCookie(server.url, 'admin');
		const started = await postUpload(server.url, cookie, Buffer.from([CASES_HEADER, ...rows].join('\n') + '\n'), {
			kind: 'cases',
			mode: 'append',
			datasetId: 1,
			fileName: 'wall.csv'
		});
		expect(started.status).toBe(202);
		const job = await importFinished(server.url, cookie, (await started.json()).id);
		expect([job.state, job.outcome.status]).toEqual(['finished', 'committed']);

		await expect.poll(() => incoming.getAttribute('data-value'), { timeout: 20_000 }).toBe('17');
		expect(Number(await page.getAttribute('[data-testid="wall"]', 'data-revision'))).toBeGreaterThan(revision);
		expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
		await page.context().close();
	});

	it('shows the panels the administrator chose; only administrators choose', async () => {
		const post = (cookie: string, config: unknown) =>
			fetch(`${server.url}/admin/wall`, {
				method: 'POST',
				headers: { origin: server.url, cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ config: JSON.stringify(config) })
			});
		const chosen = { panels: [{ kind: 'indicator', indicator: 'stability' }, { kind: 'alerts' }], seconds: 5 };
		expect((await post(await sessionCookie(server.url, 'analyst'), chosen)).status).toBe(403);

		const admin = await sessionCookie(server.url, 'admin');
		const refused = await (await post(admin, { panels: [{ kind: 'map' }], seconds: 1 })).json();
		expect(refused.type).toBe('failure');
		expect(refused.status).toBe(400);

		expect((await (await post(admin, chosen)).json()).type).toBe('success');
		const page = await wall({ width: 1920, height: 1080 });
		expect(await page.getAttribute('[data-testid="wall"]', 'data-panel')).toBe('indicator');
		expect(await page.getByTestId('wall-title').textContent()).toBe('Стабильность судебных актов');
		expect(await page.getByTestId('wall-position').textContent()).toContain('Панель 1 из 2');
		const { width, height, cut } = await overflow(page);
		expect({ width, height, cut }).toEqual({ width: 1920, height: 1080, cut: [] });
		// Resumed, it turns to the next panel by itself after the chosen 5 s.
		await page.keyboard.press(' ');
		await page.locator('[data-testid="wall"][data-paused="false"]').waitFor();
		await page.locator('[data-testid="wall"][data-panel="alerts"]').waitFor({ timeout: 15_000 });

		// The administrator's page shows the choice, and the change log says it in words.
		const settings = await fetch(`${server.url}/admin/wall`, { headers: { cookie: admin, accept: 'text/html' } });
		expect(settings.status).toBe(200);
		const log = await (await fetch(`${server.url}/data`, { headers: { cookie: admin, accept: 'text/html' } })).text();
		expect(log).toContain('Экран ситуационного центра: выбрано 2 панели, по 5 секунд на панель.');
		await page.context().close();
	});

	it('shows an indicator defined as data on a panel the administrator chose, with its map', async () => {
		const admin = await sessionCookie(server.url, 'admin');
		const headers = { origin: server.url, cookie: admin, accept: 'application/json' };
		const defined = await fetch(`${server.url}/api/definitions`, {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: JSON.stringify({
				mode: 'add',
				definition: {
					id: 'wall_civil',
					dataset: 'Fixture cases',
					name: { ru: 'Гражданские дела (экран)', kk: 'Азаматтық істер (экран)', en: 'Civil cases (wall)' },
					measure: { agg: 'count', filters: [{ column: 'case_type', op: 'eq', value: 'civil' }] },
					time: { column: 'filed_date' },
					dimensions: ['region'],
					unit: 'count',
					better: 'neutral'
				}
			})
		});
		expect(defined.status).toBe(200);
		// The administrator's page offers it beside the catalog's indicators.
		const settings = await (await fetch(`${server.url}/admin/wall`, { headers: { cookie: admin, accept: 'text/html' } })).text();
		expect(settings).toContain('<option value="wall_civil">Гражданские дела (экран)</option>');

		const chosen = {
			panels: [
				{ kind: 'indicator', indicator: 'wall_civil' },
				{ kind: 'map', indicator: 'wall_civil' }
			],
			seconds: 5
		};
		const saved = await fetch(`${server.url}/admin/wall`, {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ config: JSON.stringify(chosen) })
		});
		expect((await saved.json()).type).toBe('success');

		const page = await wall({ width: 1920, height: 1080 }, 'analyst');
		expect(await page.getByTestId('wall-title').textContent()).toBe('Гражданские дела (экран)');
		const tile = page.locator('[data-indicator="wall_civil"] [data-testid="kpi-value"]');
		expect(await tile.getAttribute('data-value')).toMatch(/^\d+$/);
		expect(await page.locator('[data-testid="wall-panel"] [data-region]').count()).toBeGreaterThan(0);
		await page.keyboard.press('ArrowRight');
		expect(await page.getByTestId('wall-title').textContent()).toBe('Гражданские дела (экран) по регионам');
		const { width, height, cut } = await overflow(page);
		expect({ width, height, cut }).toEqual({ width: 1920, height: 1080, cut: [] });
		await page.context().close();
	});
});
