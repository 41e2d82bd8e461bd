/**
 * The practice explorer over real HTTP and in a real browser: on the hand-computed fixture
 * (figures checked by hand), and on demo data large enough for the planted anomalies
 * (src/lib/server/demo/anomalies.ts) to stand out from chance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLANTED_ANOMALIES } from '../src/lib/server/demo/anomalies';
import { openAppDatabase } from '../src/lib/server/startup';
import { settings } from '../src/lib/server/config';
import { Z95, Z998 } from '../src/lib/domain/stats/wilson';
import type { PracticeView } from '../src/lib/domain/practice/view-model';
import { createTestUsers, loginAs, sessionCookie, type SignedInRole } from './support/auth';
import { launchBrowser, overlapping, streamed } from './support/browser';
import { ROOT, startServer, type RunningServer } from './support/server';

/**
 * At the e2e demo scale (0.05) the planted court has about 26 reviewed decisions and the planted
 * judge about 50 loan cases: too few to tell from chance, which is the point of the funnel. At
 * this scale (measured: z = 4.6 and 4.0) they are beyond the 99.8% limits.
 */
const ANOMALY_SCALE = 0.25;
const SHOTS = path.join(ROOT, 'test-results');

const fixture = inject('fixtureUrl');
let browser: Browser;
let demo: RunningServer;
let demoDir: string;

beforeAll(async () => {
	browser = await launchBrowser();
	demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-practice-demo-'));
	const db = await openAppDatabase(
		{
			...settings(),
			databasePath: path.join(demoDir, 'court.duckdb'),
			demoScale: ANOMALY_SCALE,
			demoDir: path.join(demoDir, 'generated'),
			uploadsDir: path.join(demoDir, 'uploads')
		},
		() => undefined
	);
	await createTestUsers(db);
	db.close();
	demo = await startServer({
		DATABASE_PATH: path.join(demoDir, 'court.duckdb'),
		DEMO_SCALE: '0',
		UPLOADS_DIR: path.join(demoDir, 'uploads')
	});
}, 240_000);
afterAll(async () => {
	await browser?.close();
	await demo?.stop();
	fs.rmSync(demoDir, { recursive: true, force: true });
});

async function pageAs(base: string, role: SignedInRole): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
	await loginAs(context, base, role);
	return context.newPage();
}

/** Waits for every streamed section of the explorer to arrive and for the charts to draw (once they have measured their width). */
async function drawn(page: Page): Promise<void> {
	await page.locator('figure.chart svg').first().waitFor();
	await streamed(page);
}

/** Opens a page of the explorer and waits for it to hydrate and for its sections to arrive. */
async function open(page: Page, url: string): Promise<number> {
	const response = await page.goto(url);
	await drawn(page);
	return response!.status();
}

async function api(base: string, role: SignedInRole, params: string): Promise<{ status: number; body: unknown }> {
	const response = await fetch(`${base}/api/practice?${params}`, { headers: { cookie: await sessionCookie(base, role) } });
	return { status: response.status, body: await response.json() };
}

/** The rows of the list of units beyond the limits, as shown. */
async function beyondList(page: Page): Promise<{ unit: string; flag: string }[]> {
	return page
		.getByTestId('beyond-limits')
		.locator('tbody tr[data-unit]')
		.evaluateAll((rows) => rows.map((r) => ({ unit: r.getAttribute('data-unit')!, flag: r.getAttribute('data-flag')! })));
}

describe('practice explorer on the fixture', () => {
	it('follows a case across instances and finds similar cases with reasons and Wilson intervals', async () => {
		const page = await pageAs(fixture, 'judge');
		expect(await open(page, `${fixture}/practice?period=2024`)).toBe(200);
		await expect(page.locator('h1').textContent()).resolves.toBe('Judicial practice explorer');
		// Decided in 2024: A1, A2, A3, A6, A7, A9, A10.
		await expect(page.getByTestId('fig-decided').locator('strong').textContent()).resolves.toBe('7');

		await page.locator('#life-cycle').getByLabel('Case number').fill('7501-23-00-2/1');
		await Promise.all([
			page.waitForURL(/case=7501-23-00-2%2F1/),
			page.locator('#life-cycle').getByRole('button', { name: 'Follow the case' }).click()
		]);
		const timeline = page.locator('#life-cycle figure').filter({ hasText: 'Case 7501-23-00-2/1 across instances' });
		await timeline.locator('svg g[data-instance]').first().waitFor();
		expect(await timeline.locator('svg g[data-instance]').count()).toBe(2);
		await timeline.getByRole('button', { name: 'Show table' }).click();
		const cells = await timeline
			.locator('table tbody tr')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));
		expect(cells).toEqual([
			['First instance', 'District Court No. 1 of Almaty', '15 November 2023', '10 January 2024', 'Granted', '56'],
			['Appeal', 'Almaty City Court', '1 February 2024', '1 March 2024', 'Upheld', '29']
		]);

		// Similar cases of A1 (see src/lib/server/practice/practice.test.ts for the scores).
		const similar = page.getByTestId('similar-list');
		const first = similar.locator('tbody tr').first();
		await expect(first.getAttribute('data-case')).resolves.toBe('7501-24-00-2/2');
		await expect(first.locator('td').nth(0).textContent()).resolves.toBe('75%');
		await expect(first.locator('td').nth(1).textContent()).resolves.toBe(
			'same instance, same region, claim amount within a factor of two, decided in the last three years'
		);
		const outlook = page.getByTestId('outlook');
		await expect(outlook.getByRole('note').textContent()).resolves.toContain('not a prediction');
		// 1 of 2 denied: 50%, Wilson 9.5% to 90.5%.
		const denied = outlook.locator('tr[data-outcome="denied"] td');
		await expect(denied.nth(1).textContent()).resolves.toBe('50.0%');
		await expect(denied.nth(2).textContent()).resolves.toBe('9.5% – 90.5%');

		// The flow: A1 granted → upheld, A2 denied → reversed; A3 (partially granted), A6 and A7 (settled) never appealed.
		const flow = page.locator('#life-cycle svg g.node');
		expect((await flow.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node')))).sort()).toEqual([
			'appeal:not_appealed',
			'appeal:reversed',
			'appeal:upheld',
			'first:denied',
			'first:granted',
			'first:partially_granted',
			'first:settled'
		]);
		await expect(page.locator('#life-cycle g[data-node="appeal:not_appealed"] text').textContent()).resolves.toBe('Not appealed · 3');
		await page.context().close();
	});

	it('shows outcomes and timeliness of a category with the figures computed by hand', async () => {
		const page = await pageAs(fixture, 'judge');
		await open(page, `${fixture}/practice?period=2024&category=civil.loan`);
		// Decided in 2024: A1 (56 days), A2 (46), A6 (30), A9 (36), A10 (29).
		const figure = (id: string) => page.getByTestId(id).locator('strong').textContent();
		await expect(figure('fig-decided')).resolves.toBe('5');
		await expect(figure('fig-median')).resolves.toBe('36 days');
		// Reviewed by the next instance: A1 and A2 of the five; reviews on the merits: A10 upheld, A9 reversed.
		await expect(figure('fig-appeal')).resolves.toBe('40.0%');
		await expect(figure('fig-stability')).resolves.toBe('50.0%');
		const days = page.locator('#overview figure').filter({ hasText: 'Days from filing to decision' });
		await days.getByRole('button', { name: 'Show table' }).click();
		const bins = await days
			.locator('table tbody tr')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));
		expect(bins.slice(0, 3)).toEqual([
			['0–29', '1'],
			['30–59', '4'],
			['60–89', '0']
		]);
		// Six closed bins drawn by density; the open last one (730 days and more) given in words.
		expect(await days.locator('svg rect[role="img"]').count()).toBe(6);
		expect(await days.locator('svg g.open[data-bin]').count()).toBe(1);
		// At half a desktop's width no bin edge or count runs into another (they are thinned by their measured width).
		await page.setViewportSize({ width: 720, height: 900 });
		await expect.poll(() => overlapping(days.locator('svg.pr-svg'), 'g.grid text, text.count')).toEqual([]);
		await page.setViewportSize({ width: 1360, height: 900 });
		const claims = await page
			.getByTestId('claims')
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));
		expect(claims).toEqual([
			['Denied', '1', '500k ₸', '0 ₸', '0.0%', '500k ₸', '0 ₸'],
			['Granted', '1', '1m ₸', '1m ₸', '100.0%', '1m ₸', '1m ₸'],
			['Settled', '1', '400k ₸', '400k ₸', '100.0%', '400k ₸', '400k ₸']
		]);
		const regions = await page.getByTestId('by-region').locator('tbody tr th').allTextContents();
		expect(regions).toEqual(['Almaty', 'Astana']);
		await page.context().close();
	});

	it('keeps judges’ figures from judges, and names the faulty parameter', async () => {
		const page = await pageAs(fixture, 'judge');
		await open(page, `${fixture}/practice`);
		const units = await page
			.locator('#anomalies select[name="unit"] option')
			.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
		expect(units).toEqual(['court']);
		expect((await page.goto(`${fixture}/practice?unit=judge`))!.status()).toBe(403);
		const bad = await page.goto(`${fixture}/practice?rate=speed`);
		expect(bad!.status()).toBe(400);
		await expect(page.locator('body').textContent()).resolves.toContain('rate');
		await page.context().close();

		const forbidden = await api(fixture, 'judge', 'unit=judge');
		expect(forbidden.status).toBe(403);
		const invalid = await api(fixture, 'analyst', 'amount=-1&page=x');
		expect(invalid.status).toBe(400);
		expect((invalid.body as { error: { errors: { param: string }[] } }).error.errors.map((e) => e.param)).toEqual(['amount', 'page']);
		const allowed = await api(fixture, 'analyst', 'unit=judge&period=2024');
		expect(allowed.status).toBe(200);
		expect((allowed.body as PracticeView).funnel.points.map((p) => p.unit)).toEqual(['J-000001']);
	});
});

describe('practice API under hostile input', () => {
	const HOSTILE = [
		"' OR 1=1 --",
		'1; DROP TABLE cases; --',
		'<script>alert(1)</script>',
		'../../etc/passwd',
		'-1',
		'NaN',
		'1e309',
		'２',
		'x'.repeat(3000),
		''
	];
	const PARAMS = ['rate', 'unit', 'case', 'amount', 'page', 'category', 'article', 'region', 'court', 'instance', 'from', 'period'];
	const LEAK = /SELECT|FROM\s+\w|DuckDB|Binder|Parser Error|Conversion Error|Catalog Error|at \w+ \(|node_modules|\.ts:\d+/i;

	it('answers 200 or a 4xx naming the parameter, never a 5xx or SQL', async () => {
		const cookie = await sessionCookie(fixture, 'analyst');
		let refused = 0;
		for (const param of PARAMS) {
			for (const value of HOSTILE) {
				const response = await fetch(`${fixture}/api/practice?${new URLSearchParams({ [param]: value })}`, {
					headers: { cookie, 'accept-language': 'en' }
				});
				const text = await response.text();
				expect(response.status, `${param}=${value.slice(0, 20)}`).toBeLessThan(500);
				expect(text, `${param}=${value.slice(0, 20)}`).not.toMatch(LEAK);
				if (response.status === 400) {
					refused++;
					expect(JSON.parse(text).error.errors.map((e: { param: string }) => e.param)).toContain(param);
				}
			}
		}
		expect(refused).toBeGreaterThan(PARAMS.length * 5);
	});
});

describe('practice explorer on demo data with planted anomalies', () => {
	const { reversalCourt, lenientJudge, backlogRegion } = PLANTED_ANOMALIES;

	/** Checks the page's list against the API: every unit listed lies beyond the limits, and every such unit is listed. */
	async function checkFunnel(page: Page, params: string): Promise<PracticeView['funnel']> {
		const { status, body } = await api(demo.url, 'analyst', params);
		expect(status).toBe(200);
		const funnel = (body as PracticeView).funnel;
		for (const p of funnel.points) {
			const expected = Math.abs(p.z) > Z998 ? 'beyond998' : Math.abs(p.z) > Z95 ? 'beyond95' : 'inside';
			expect(p.flag, p.unit).toBe(expected);
		}
		await open(page, `${demo.url}/practice?${params}#anomalies`);
		const listed = await beyondList(page);
		const outside = funnel.points.filter((p) => p.flag !== 'inside');
		expect(listed.map((r) => r.unit).sort()).toEqual(outside.map((p) => p.unit).sort());
		// The plot colours exactly those points.
		const coloured = await page.locator('#anomalies circle.dot:not(.inside)').evaluateAll((c) => c.map((x) => x.getAttribute('data-unit')));
		expect(coloured.sort()).toEqual(outside.map((p) => p.unit).sort());
		expect(await page.locator('#anomalies circle.dot').count()).toBe(funnel.points.length);
		return funnel;
	}

	it('flags the court with planted reversals beyond the 99.8% limits, and no unit inside the limits', async () => {
		const page = await pageAs(demo.url, 'analyst');
		const funnel = await checkFunnel(page, 'rate=reversal');
		const court = funnel.points.find((p) => p.unit === reversalCourt.courtId)!;
		expect(court.flag).toBe('beyond998');
		expect(court.z).toBeGreaterThan(Z998);
		const row = page.getByTestId('beyond-limits').locator(`tr[data-unit="${reversalCourt.courtId}"]`);
		await expect(row.getAttribute('data-flag')).resolves.toBe('beyond998');
		await page.locator(`#anomalies circle[data-unit="${reversalCourt.courtId}"]`).focus();
		await expect(page.locator('#anomalies .tooltip').textContent()).resolves.toContain('beyond 99.8%');
		fs.mkdirSync(SHOTS, { recursive: true });
		await page.locator('#anomalies').screenshot({ path: path.join(SHOTS, 'practice-funnel.png') });
		await page.context().close();
	});

	it('flags the judge with a planted grant rate on loan cases, and the courts of the backlogged region', async () => {
		const page = await pageAs(demo.url, 'analyst');
		const judges = await checkFunnel(page, `rate=grant&unit=judge&category=${lenientJudge.category}`);
		const planted = judges.points.filter((p) => p.flag === 'beyond998' && p.z > 0).map((p) => p.unit);
		expect(planted).toContain('J-4CAAF8');

		const late = await checkFunnel(page, 'rate=beyond_standard');
		const slow = late.points.filter((p) => p.flag === 'beyond998' && p.z > 0).map((p) => p.unit);
		const prefix = `KZ${backlogRegion.region.slice(3)}-`;
		expect(slow.filter((u) => u.startsWith(prefix)).length).toBeGreaterThanOrEqual(5);
		expect(slow.slice(0, 5).every((u) => u.startsWith(prefix))).toBe(true);
		await page.context().close();
	});

	it('shows the cassation reform: more complaints, all heard on the merits, and those past six months', async () => {
		const page = await pageAs(demo.url, 'analyst');
		await open(page, `${demo.url}/practice#reform`);
		const { body } = await api(demo.url, 'analyst', '');
		const reform = (body as PracticeView).reform;
		expect(reform.complaints!.levelChange.lo).toBeGreaterThan(0);
		expect(reform.merits!.levelChange.lo).toBeGreaterThan(0);
		expect(reform.after.outcomes.find((o) => o.outcome === 'not_admitted')).toBeUndefined();
		const level = await page.getByTestId('level-complaints').textContent();
		expect(level).toContain(reform.complaints!.levelChange.value.toFixed(1));
		await expect(page.getByTestId('pending-past-limit').locator('strong').textContent()).resolves.toBe(
			reform.pending.total.toLocaleString('en-GB')
		);
		expect(await page.getByTestId('pending-list').locator('tbody tr').count()).toBe(Math.min(reform.pending.total, 200));
		// The reform's marker is labelled over the plot, clear of the value axis's labels, at full and at half width.
		for (const width of [1360, 720]) {
			await page.setViewportSize({ width, height: 900 });
			for (const svg of await page.locator('#reform svg[role="application"]').all()) {
				await expect.poll(() => svg.locator('[data-mark-label="reform"]').count()).toBe(1);
				await expect.poll(() => overlapping(svg, 'text')).toEqual([]);
			}
		}
		await page.setViewportSize({ width: 1360, height: 900 });
		await page.locator('#reform').screenshot({ path: path.join(SHOTS, 'practice-reform.png') });
		await page.context().close();
	});

	it('labels every node of the life cycle inside the drawing, no label over another; a phone gets the stages as a table', async () => {
		/** Each node's label (its full text, its drawn box) and where the next column starts. */
		const labels = (sankey: ReturnType<Page['locator']>) =>
			sankey.locator('g.node').evaluateAll((gs) => {
				const left = new Map<number, number>();
				const column = (g: Element) => Number(g.getAttribute('data-column'));
				for (const g of gs) {
					const r = g.querySelector('rect')!.getBoundingClientRect();
					left.set(column(g), Math.min(left.get(column(g)) ?? Infinity, r.left));
				}
				return gs.map((g) => {
					const box = g.querySelector('text')!.getBoundingClientRect();
					return {
						id: g.getAttribute('data-node')!,
						text: g.querySelector('text')!.getAttribute('data-label')!,
						box: [box.left, box.top, box.right, box.bottom],
						next: left.get(column(g) + 1) ?? null
					};
				});
			});
		const frameOf = (sankey: ReturnType<Page['locator']>) =>
			sankey.evaluate((svg) => {
				const r = svg.getBoundingClientRect();
				return [r.left, r.top, r.right, r.bottom];
			});
		const check = (nodes: Awaited<ReturnType<typeof labels>>, frame: number[]) => {
			for (const n of nodes) {
				expect(n.text, n.id).toMatch(/^\S.* · [\d,\s]+$/);
				const [l, t, r, b] = n.box;
				expect(l >= frame[0] && t >= frame[1] && r <= frame[2] && b <= frame[3], `${n.text} inside the drawing`).toBe(true);
				// A label ends before the next column's nodes (Cyrillic labels are measured, not guessed).
				if (n.next !== null) expect(r, `${n.text} before the next column`).toBeLessThanOrEqual(n.next);
			}
			const overlapping = nodes.flatMap((a, i) =>
				nodes
					.slice(i + 1)
					.filter((b) => a.box[0] < b.box[2] && b.box[0] < a.box[2] && a.box[1] < b.box[3] && b.box[1] < a.box[3])
					.map((b) => `${a.text} / ${b.text}`)
			);
			expect(overlapping).toEqual([]);
		};
		const page = await pageAs(demo.url, 'judge');
		await open(page, `${demo.url}/practice`);
		const sankey = page.locator('#life-cycle svg.sankey');
		const nodes = await labels(sankey);
		expect(nodes.map((n) => n.id)).toContain('appeal:not_appealed');
		expect(nodes.find((n) => n.id === 'appeal:not_appealed')!.text).toMatch(/^Not appealed · [\d,]+$/);
		check(nodes, await frameOf(sankey));

		// In Russian at about half a desktop's width, the longest outcome names wrap or are cut before the next column.
		const ru = await browser.newContext({ locale: 'ru-RU', viewport: { width: 800, height: 900 } });
		await loginAs(ru, demo.url, 'judge');
		const narrow = await ru.newPage();
		await open(narrow, `${demo.url}/practice`);
		const ruSankey = narrow.locator('#life-cycle svg.sankey');
		await ruSankey.waitFor();
		check(await labels(ruSankey), await frameOf(ruSankey));
		await ru.close();

		await page.setViewportSize({ width: 390, height: 844 });
		const stages = page.getByTestId('flow-stages');
		await stages.waitFor();
		await expect(sankey.count()).resolves.toBe(0);
		expect(
			(await stages.locator('tbody tr[data-node]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node')))).sort()
		).toEqual(nodes.map((n) => n.id).sort());
		await page.context().close();

		// In Kazakh, whose outcome names and headings are the longest, the table stays within the phone's width.
		const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 } });
		await loginAs(context, demo.url, 'judge');
		const phone = await context.newPage();
		await open(phone, `${demo.url}/practice`);
		await phone.getByTestId('flow-stages').waitFor();
		await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await context.close();
	});

	it('draws the life cycle and pages through similar cases by keyboard', async () => {
		const page = await pageAs(demo.url, 'judge');
		await open(page, `${demo.url}/practice?category=civil.loan&amount=500000#similar`);
		expect(await page.locator('#life-cycle svg g.node').count()).toBeGreaterThanOrEqual(5);
		const firstPage = await page
			.getByTestId('similar-list')
			.locator('tbody tr')
			.evaluateAll((r) => r.map((x) => x.getAttribute('data-case')));
		expect(firstPage).toHaveLength(10);
		await page.getByRole('link', { name: 'Next' }).focus();
		await Promise.all([page.waitForURL(/page=2/), page.keyboard.press('Enter')]);
		await drawn(page);
		const secondPage = await page
			.getByTestId('similar-list')
			.locator('tbody tr')
			.evaluateAll((r) => r.map((x) => x.getAttribute('data-case')));
		expect(secondPage).toHaveLength(10);
		expect(secondPage.filter((c) => firstPage.includes(c))).toEqual([]);
		await page.context().close();
	});
});
