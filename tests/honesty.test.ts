/**
 * Every figure honest, in a real browser: changes of rates in percentage points and of counts in
 * percent, against the period named; no change against a base before the data, too small, or
 * provisional, with the reason said; "no data" never drawn as 0 (a gap, a hatched stub, the
 * reason in words) and a true 0 drawn; provisional figures marked; value ticks that never repeat
 * and time ticks on the grain of the series; rates near 100 % drawn around their target and
 * thresholds; histograms of unequal bins by density; filters a figure does not follow said on
 * it. On the demo server (scale 0.05, data complete from January 2019, as of 30 September 2026)
 * and the hand-computed fixture (fewer than 30 records everywhere).
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_COMPARISON_BASE } from '../src/lib/domain/comparison';
import { loginAs } from './support/auth';
import { chartsDrawn, launchBrowser } from './support/browser';

const demo = inject('demoUrl');
const fixture = inject('fixtureUrl');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

async function open(url: string, locale = 'ru-RU'): Promise<Page> {
	const page = await browser.newPage({ locale, viewport: { width: 1360, height: 900 } });
	await page.goto(url);
	return page;
}

/** The change line of a key indicator's tile: how it compares and what it says. */
async function change(page: Page, id: string): Promise<{ kind: string | null; text: string }> {
	const line = page.locator(`[data-indicator="${id}"] [data-testid="kpi-change"]`);
	await line.waitFor();
	return { kind: await line.getAttribute('data-comparison'), text: plain(await line.textContent()) };
}

describe('changes on a year earlier', () => {
	it('gives rates and shares in percentage points, counts and amounts in percent, against the period named, in each language', async () => {
		const ru = await open(`${demo}/`);
		const rate = await change(ru, 'clearance_rate');
		expect(rate.kind).toBe('points');
		expect(rate.text).toMatch(/^[↑↓→]?\s*[+-]?\d+,\d п\.п\. к окт\. 2024 г\. – сент\. 2025 г\.$/);
		const count = await change(ru, 'incoming');
		expect(count.kind).toBe('percent');
		expect(count.text).toMatch(/[+-]?\d+,\d % к окт\. 2024 г\. – сент\. 2025 г\.$/);
		expect((await change(ru, 'fraud_damage')).kind).toBe('percent');
		await ru.close();
		const en = await open(`${demo}/?period=2025`, 'en-GB');
		expect((await change(en, 'e_filed_share')).text).toMatch(/\d\.\d pp vs 2024$/);
		await en.close();
		const kk = await open(`${demo}/?period=2025-Q2`, 'kk-KZ');
		expect((await change(kk, 'clearance_rate')).text).toMatch(/^[↑↓→]?\s*2024 ж\. 2-тоқсан салыстырғанда [+-]?\d+,\d п\.т\.$/);
		await kk.close();
	});

	it('gives none for a provisional figure, and says so', async () => {
		const page = await open(`${demo}/indicators/appeal_rate`, 'en-GB');
		expect(await change(page, 'appeal_rate')).toEqual({
			kind: 'provisional',
			text: 'not comparable: the value is provisional, data are still arriving'
		});
		await expect(page.getByTestId('kpi-provisional').textContent()).resolves.toBe('provisional');
		await page.close();
	});

	it('gives none against a period before the data and says why (a 2019 quarter read "+30 080,4 %")', async () => {
		const page = await open(`${demo}/?period=2019-Q1`);
		for (const id of ['incoming', 'resolved', 'clearance_rate', 'fraud_incidents']) {
			const c = await change(page, id);
			expect(c.kind, id).toBe('before_data');
			expect(c.text, id).toBe('сравнивать не с чем: данные есть только с янв. 2019 г.');
		}
		await page.close();
		// A period whose year earlier straddles the first day of the data ("incomplete") is one only
		// a signed-in reader can ask for (the public gets calendar periods): domain/comparison.test.ts.
		// 2018 holds only the backlog pending on 1 January 2019: its figures say so, with no status and no alert.
		const before = await open(`${demo}/?period=2018`, 'en-GB');
		const clearance = before.locator('[data-indicator="clearance_rate"]').first();
		await expect(clearance.getByTestId('kpi-incomplete').textContent()).resolves.toBe(
			'incomplete: the data are complete only from Jan 2019'
		);
		expect(await clearance.locator('.badge').count()).toBe(0);
		expect(await before.locator('[data-testid="alert"][data-indicator="clearance_rate"]').count()).toBe(0);
		// The period select shows the year chosen (it was blank: 2018 is not offered), with the same note.
		const select = before.getByTestId('filter-period');
		await expect(select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).resolves.toBe(
			'2018 (incomplete data)'
		);
		await expect(before.getByTestId('filter-period-shown').textContent()).resolves.toBe('2018 (incomplete data)');
		await before.close();
	});

	it(`gives none on fewer than ${MIN_COMPARISON_BASE} records`, async () => {
		const page = await open(`${fixture}/?period=2025`, 'en-GB');
		expect(await change(page, 'incoming')).toEqual({
			kind: 'small_base',
			text: `not comparable: fewer than ${MIN_COMPARISON_BASE} records in one of the periods`
		});
		await page.close();
	});
});

describe('no data is not zero', () => {
	it('says "no data" with the reason where the forms do not line up with the months, and draws no line, bar or 0', async () => {
		const page = await open(`${demo}/indicators/incoming?source=court_stats&grain=month&period=2024`, 'en-GB');
		const reason = "no data: the period does not line up with the reporting forms' periods";
		const tile = page.locator('[data-indicator="incoming"]').first();
		await expect(tile.getByTestId('kpi-value').textContent()).resolves.toMatch(/^\s*no data\s*$/);
		await expect(tile.getByTestId('kpi-missing').textContent()).resolves.toBe(reason);
		// Nothing to compare is not said against "no data" of the figure itself.
		expect(await tile.getByTestId('kpi-change').count()).toBe(0);
		const trend = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Incoming cases: trend' }) });
		await expect(trend.getByTestId('chart-nothing').textContent()).resolves.toBe(reason);
		expect(await trend.locator('svg g.grid').count()).toBe(0);
		// The table and its CSV say it for every month; numbers stay empty rather than 0.
		const [download] = await Promise.all([page.waitForEvent('download'), trend.getByTestId('export-csv').click()]);
		// The table follows the chart's title, period, filters and source, after an empty line.
		const csv = Papa.parse<string[]>(
			fs
				.readFileSync((await download.path())!, 'utf8')
				.replace(/^\ufeff/, '')
				.replace(/^[\s\S]*?\r?\n\r?\n/, '')
				.trim()
		).data;
		expect(csv[0]).toEqual(['Month', 'Selected period', 'A year earlier', 'Note']);
		expect(csv.slice(1)).toHaveLength(12);
		for (const row of csv.slice(1)) expect(row[1]).toBe(reason);
		await page.close();
	});

	it('draws a figure without data as a hatched stub with its reason, and a true 0 as 0', async () => {
		// Source "forms" by region for 2024: some regions' forms do not cover whole quarters of it.
		const forms = await open(`${demo}/indicators/incoming?source=court_stats&period=2024&by=region`, 'en-GB');
		const missing = forms.locator('g.bar[data-state="missing"]');
		await missing.first().waitFor();
		for (const label of await missing.evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label') ?? ''))) {
			expect(label).toMatch(/: no data: (the data hold no records|the period does not line up)/);
		}
		expect(await missing.first().locator('rect.value').count()).toBe(0);
		const bars = forms.locator('figure.chart', { has: missing.first() });
		await expect(bars.locator('[data-legend="none"]').textContent()).resolves.toBe('hatched: no value (not zero)');
		await forms.close();
		// Ulytau's courts work from 8 June 2022: nothing was filed there in the first quarter, a true 0.
		const zero = await open(`${demo}/indicators/incoming?period=2022-Q1&by=region`, 'en-GB');
		const ulytau = zero.locator('g.bar[data-key="KZ-62"]');
		await ulytau.waitFor();
		await expect(ulytau.getAttribute('aria-label')).resolves.toBe('Ulytau: 0');
		expect(await ulytau.locator('rect.zero').count()).toBe(1);
		await zero.close();
	});

	it('draws a region without data unlike one filtered out, each said in words', async () => {
		// Abai region exists from 8 June 2022: in 2019 the data hold nothing of it.
		const page = await open(`${demo}/?period=2019-Q1`, 'en-GB');
		const map = page.locator('figure.chart', { has: page.locator('[data-region]') }).first();
		await expect(map.locator('[data-region="KZ-10"]').getAttribute('aria-label')).resolves.toMatch(
			/: no data: the data hold no records for this period$/
		);
		await expect(map.getByTestId('map-legend').textContent()).resolves.toContain('no data');
		await page.close();
		// On /fraud every other figure follows the region filter: the map hatches the regions outside it, and says so.
		const fraud = await open(`${demo}/fraud?region=KZ-75`, 'en-GB');
		const fraudMap = fraud.locator('figure.chart', { has: fraud.locator('[data-region]') });
		const outside = fraudMap.locator('[data-region="KZ-71"]');
		await expect(outside.getAttribute('aria-label')).resolves.toBe('Astana: filtered out');
		await expect(outside.getAttribute('data-fill')).resolves.toMatch(/^url\(#hatch-/);
		await expect(fraudMap.locator('[data-region="KZ-75"]').getAttribute('aria-label')).resolves.toMatch(/^Almaty: \d/);
		await expect(fraudMap.getByTestId('map-legend').textContent()).resolves.toContain('filtered out');
		await fraud.close();
	});

	it('hatches the regions outside a chosen court on the overview and the explorer, and only outlines a chosen region', async () => {
		// With a court chosen, the overview's and the explorer's maps hatch the regions outside it and say so.
		for (const url of [`${demo}/?court=KZ75-D01`, `${demo}/indicators/incoming?court=KZ75-D01`]) {
			const court = await open(url, 'en-GB');
			const filtered = court.locator('figure.chart', { has: court.locator('[data-region]') }).first();
			await expect(filtered.locator('[data-region="KZ-71"]').getAttribute('aria-label')).resolves.toMatch(/: filtered out$/);
			await expect(filtered.locator('[data-region="KZ-71"]').getAttribute('data-fill')).resolves.toMatch(/^url\(#hatch-/);
			await expect(filtered.locator('[data-region="KZ-75"]').getAttribute('aria-label')).resolves.toMatch(/: \d/);
			await expect(filtered.getByTestId('map-legend').textContent()).resolves.toContain('filtered out');
			await court.close();
		}
		// A region chosen on the overview is only outlined: the map still compares every region, and its legend says so.
		const region = await open(`${demo}/?region=KZ-75`, 'en-GB');
		const compared = region.locator('figure.chart', { has: region.locator('[data-region]') }).first();
		await expect(compared.locator('[data-region="KZ-71"]').getAttribute('aria-label')).resolves.toMatch(/^Astana: \d/);
		await expect(compared.getByTestId('map-legend').textContent()).resolves.toContain('selected; the map compares every region');
		await region.close();
	});

	it('marks provisional buckets dashed and names them in the legend, the tooltip and the table', async () => {
		const page = await open(`${demo}/indicators/appeal_rate`, 'en-GB');
		await chartsDrawn(page);
		const trend = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Appeal rate: trend' }) });
		await expect(trend.locator('[data-legend="unsure"]').textContent()).resolves.toContain('provisional');
		await trend.getByRole('button', { name: 'Show table' }).click();
		const notes = await trend.locator('table tbody tr td:nth-child(4)').allTextContents();
		// The last six months of the data may still receive appeals.
		expect(notes.slice(-6).every((n) => n.includes('provisional'))).toBe(true);
		expect(notes[0]).not.toContain('provisional');
		// The explorer's bars are the whole period by region, provisional as its last months are.
		const bars = page.locator('figure.chart', { has: page.locator('g.bar[data-state="provisional"]') });
		await expect(bars.locator('[data-legend="provisional"]').textContent()).resolves.toContain('provisional');
		await page.close();
	});
});

describe('axes', () => {
	it('never repeat a value label, on any chart of the overview, the explorer and the fraud page', async () => {
		for (const path of ['/', '/indicators/clearance_rate', '/indicators/e_filed_share?grain=quarter', '/fraud']) {
			const page = await open(`${demo}${path}`);
			await chartsDrawn(page);
			const axes = await page
				.locator('svg g.grid')
				.evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll(':scope > text')].map((t) => t.textContent ?? '')));
			expect(axes.length, path).toBeGreaterThan(0);
			for (const labels of axes) expect(new Set(labels).size, `${path}: ${labels.join(' | ')}`).toBe(labels.length);
			await page.close();
		}
	});

	it('label a yearly series by years and a quarterly one by quarters, never by months between', async () => {
		// The trend's time axis (the forecast beside it is monthly by design).
		const xLabels = async (page: Page) => {
			await chartsDrawn(page);
			return page
				.locator('figure.chart', { has: page.getByRole('heading', { name: /: (trend|динамика)$/ }) })
				.locator('svg g.axis > text:not(.y-label)')
				.evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
		};
		// Several years at once is a range only a signed-in reader may ask for: the fixture, as an analyst.
		const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 1360, height: 900 } });
		await loginAs(context, fixture, 'analyst');
		const years = await context.newPage();
		await years.goto(`${fixture}/indicators/incoming?grain=year&from=2023-01-01&to=2025-12-31`);
		const y = await xLabels(years);
		expect(y.length).toBeGreaterThan(1);
		for (const label of y) expect(label).toMatch(/^20\d\d$/);
		await context.close();
		const quarters = await open(`${demo}/indicators/incoming?grain=quarter&period=2025`, 'en-GB');
		expect(await xLabels(quarters)).toEqual(['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025']);
		await quarters.close();
	});

	it('draw a rate near 100 % on a scale around it, with its target and thresholds', async () => {
		const page = await open(`${demo}/indicators/clearance_rate`, 'en-GB');
		await chartsDrawn(page);
		const trend = page.locator('figure.chart', { has: page.locator('[data-level]') });
		await expect(trend.locator('[data-level="target"] text').textContent()).resolves.toBe('target 100.0%');
		await expect(trend.locator('[data-level="alert"] text').textContent()).resolves.toMatch(/95\.0%$/);
		const ticks = await trend.locator('svg g.grid > text').evaluateAll((ts) => ts.map((t) => parseFloat(t.textContent ?? '')));
		// Not from 0: a point of difference is visible, and the axis says it is cut.
		expect(Math.min(...ticks)).toBeGreaterThan(50);
		const cut = trend.getByTestId('axis-cut');
		await expect(cut.locator('text').textContent()).resolves.toMatch(/^Axis starts at \d+(\.\d+)?%, not 0$/);
		expect(await cut.locator('path').count()).toBe(1);
		// The regions' rates lie close together near 100 %: dots on an axis around them, which says where it
		// starts (bars from 0 all looked alike: 97.7 % and 100.4 % drew the same length).
		const regions = page.locator('figure.chart', { has: page.locator('g.bar') }).first();
		expect(await regions.locator('g.bar circle.value').count()).toBeGreaterThan(1);
		expect(await regions.locator('g.bar rect.value').count()).toBe(0);
		await expect(regions.locator('.axis-titles text').first().textContent()).resolves.toMatch(/^Axis starts at \d+(\.\d+)?%, not 0$/);
		const xTicks = await regions.locator('svg g.grid > text').evaluateAll((ts) => ts.map((t) => parseFloat(t.textContent ?? '')));
		expect(Math.min(...xTicks)).toBeGreaterThan(0);
		await page.close();
	});

	it('draw low rates and shares from 0, with no cut axis (a fall of the appeal rate read as a collapse)', async () => {
		const page = await open(`${demo}/indicators/appeal_rate`, 'en-GB');
		await chartsDrawn(page);
		const trend = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Appeal rate: trend' }) });
		const ticks = await trend.locator('svg g.grid > text').evaluateAll((ts) => ts.map((t) => parseFloat(t.textContent ?? '')));
		expect(Math.min(...ticks)).toBe(0);
		expect(await trend.getByTestId('axis-cut').count()).toBe(0);
		await page.close();
	});
});

describe('maps', () => {
	it('colour every region with a class of the legend drawn beside it, also after a month is picked on the trend', async () => {
		const page = await open(`${demo}/`, 'en-GB');
		// The map, not the ranking beside it (whose bars also name their regions).
		const map = page.locator('figure.chart', { has: page.getByTestId('map-legend') }).first();
		const agree = async () => {
			// The map streams in after the key figures (the overview's regional part).
			await expect.poll(() => map.locator('[data-region][data-fill]').count(), { timeout: 30_000 }).toBe(20);
			const legend = new Set(
				await map.locator('[data-legend-fill]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-legend-fill')))
			);
			const fills = await map.locator('[data-region]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-fill')));
			expect(fills).toHaveLength(20);
			for (const fill of fills) expect(legend, `${fill} not in the legend ${[...legend].join(', ')}`).toContain(fill);
			// Every class reads apart from the others (classes.ts classLabels).
			const labels = await map.locator('[data-legend-fill]').allTextContents();
			expect(new Set(labels).size, labels.join(' | ')).toBe(labels.length);
		};
		await agree();
		// Clearance rate: a status scale around its 100 % target, worded in the legend.
		await expect(map.getByTestId('map-legend').textContent()).resolves.toContain('on target');
		const trend = page.locator('section.trend figure.chart svg[role="application"]');
		await trend.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await page.waitForURL(/from=2025-10-01&to=2025-10-31/);
		await page.locator('[data-testid="kpi-value"]').first().waitFor();
		await agree();
		await page.close();
	});
});

describe('histograms of unequal bins', () => {
	it('draw each bin by density, so that its area is its count, and give the open bin in words', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
		await loginAs(context, fixture, 'judge');
		const page = await context.newPage();
		await page.goto(`${fixture}/practice?period=2024`);
		const figure = page.locator('figure.chart', { has: page.getByRole('heading', { name: 'Days from filing to decision', exact: true }) });
		await figure.locator('rect[data-bin]').first().waitFor();
		const bins = await figure.locator('rect[data-bin]').evaluateAll((rs) =>
			rs.map((r) => ({
				area: (Number(r.getAttribute('width')) + 2) * Number(r.getAttribute('height')),
				n: Number((r.getAttribute('aria-label') ?? '').split(': ')[1])
			}))
		);
		const filled = bins.filter((b) => b.n > 0);
		expect(filled.length).toBeGreaterThan(1);
		const perCase = filled.map((b) => b.area / b.n);
		for (const a of perCase) expect(Math.abs(a / perCase[0] - 1)).toBeLessThan(0.02);
		await expect(figure.locator('g.open').textContent()).resolves.toContain('open-ended bin');
		await context.close();
	});
});

describe('filters a figure does not follow', () => {
	it('are said on it: fraud figures are not filtered by court or instance', async () => {
		const page = await open(`${demo}/?court=KZ75-D01&instance=first`, 'en-GB');
		await expect(page.locator('[data-indicator="fraud_incidents"] [data-testid="kpi-ignored"]').textContent()).resolves.toBe(
			'Not filtered by court, instance: shown for all'
		);
		expect(await page.locator('[data-indicator="incoming"] [data-testid="kpi-ignored"]').count()).toBe(0);
		await page.close();
		const fraud = await open(`${demo}/fraud?court=KZ75-D01`);
		await expect(fraud.getByTestId('fraud-ignored').textContent()).resolves.toContain('Не фильтруется по: суд');
		await expect(fraud.locator('[data-indicator="fraud_damage"] [data-testid="kpi-ignored"]').textContent()).resolves.toContain('суд');
		await fraud.close();
	});
});
