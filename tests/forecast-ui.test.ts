/** The forecast fan chart on the indicator explorer and the backlog simulator, in a real browser. */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestUsers, loginAs } from './support/auth';
import { launchBrowser } from './support/browser';
import { createFixtureDatabase, tempDatabasePath } from './support/fixture-db';
import { ROOT, startServer } from './support/server';

const fixture = inject('fixtureUrl');
const demo = inject('demoUrl');
const SHOTS = path.join(ROOT, 'test-results');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
	fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
});

describe('the fan chart on the indicator explorer', () => {
	it('draws history, forecast and both bands, and says how the method did in plain words', async () => {
		const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } })).newPage();
		await page.goto(`${demo}/indicators/incoming`);
		await page.locator('[data-testid="forecast"][data-status="ready"] [data-testid="fan-chart"]').waitFor();
		expect(await page.locator('[data-testid="fan-chart"] path[data-band="80"]').count()).toBe(1);
		expect(await page.locator('[data-testid="fan-chart"] path[data-band="95"]').count()).toBe(1);
		const notes = (await page.locator('[data-testid="forecast-explain"] li').allTextContents()).join(' ');
		expect(notes).toMatch(
			/^Method: .+ Chosen by a backtest: 12 forecast origins, 78 forecasts up to 12 months ahead; of five candidates, the one with the smallest errors \(the lowest MASE\)\. Its bands are widened where its own past errors were larger than they allowed \(conformal calibration\)/
		);
		// The plain words carry the backtest's own figures, as the API gives them.
		const api = await (await fetch(`${demo}/api/indicators/incoming/forecast`)).json();
		const { mase, hits80, hits95, points } = api.backtest;
		const digits = (d: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
		expect(notes).toContain(
			`MASE ${digits(2).format(mase)} against seasonal naive: errors ${digits(0).format((1 - mase) * 100)} % smaller than repeating last year's month.`
		);
		expect(notes).toContain(
			`The actual fell inside the 80 % band ${hits80} times of ${points}, and inside the 95 % band ${hits95} times of ${points}.`
		);
		// Which way the cassation reform is handled, and the lockdown months left out.
		expect(notes).toMatch(
			/The cassation reform of 1 July 2025 does not break this series: cassation and supervisory instances are [\d.]+ ?% of it/
		);
		expect(api.outliers).toEqual(expect.arrayContaining(['2020-04-01', '2020-05-01']));
		expect(notes).toMatch(/Exceptional months, far off the series' course \(such as a lockdown\), are left out: .*Apr 2020, May 2020/);
		// The keyboard shows a forecast month with its bands.
		await page.locator('[data-testid="fan-chart"]').focus();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => page.locator('.tooltip, [role="tooltip"]').first().textContent()).toMatch(/95 % band: .+ – /);
		await page.screenshot({ path: path.join(SHOTS, 'forecast-fan-chart.png'), fullPage: false });
		// Rates are not forecast.
		await page.goto(`${demo}/indicators/clearance_rate`);
		await page.locator('figure.chart svg').first().waitFor();
		expect(await page.locator('[data-testid="forecast"]').count()).toBe(0);
		await page.context().close();
	});
});

/** A chart's CSV export: the lines above the table (title first), then the table's rows by column. */
async function exportedCsv(chart: Locator): Promise<{ preamble: string[]; rows: Record<string, string>[] }> {
	const page = chart.page();
	const [download] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-csv').click()]);
	const all = Papa.parse<string[]>(
		fs
			.readFileSync(await download.path(), 'utf8')
			.replace(/^\ufeff/, '')
			.trim()
	).data;
	const blank = all.findIndex((row) => row.length === 1 && row[0] === '');
	const [header, ...rows] = all.slice(blank + 1);
	return {
		preamble: all.slice(0, blank).map((row) => row[0]),
		rows: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])))
	};
}

describe('the backlog simulator', () => {
	it('keeps the scenario in the URL and recomputes the months to the target', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
		await loginAs(context, fixture, 'analyst');
		const page = await context.newPage();
		await page.goto(`${fixture}/plan?judges=1&productivity=0.1&target=0`);
		await page.locator('[data-testid="simulator"]').waitFor();
		await page.locator('[data-testid="workload"] figure.chart svg[role="group"]').waitFor();
		expect(await page.locator('[data-testid="judges"]').inputValue()).toBe('1');
		// A tenth of a case a month cannot clear the backlog.
		await expect.poll(() => page.locator('[data-testid="months-to-target"]').textContent()).toMatch(/does not reach the target/);
		await page.locator('[data-testid="productivity"]').fill('50');
		await page.waitForURL(/productivity=50/);
		await expect.poll(() => page.locator('[data-testid="months-to-target"]').getAttribute('data-months')).toBe('1');
		// A reload reproduces the scenario from the URL.
		await page.reload();
		await page.locator('[data-testid="simulator"]').waitFor();
		expect(await page.locator('[data-testid="productivity"]').inputValue()).toBe('50');
		expect(await page.locator('[data-testid="months-to-target"]').getAttribute('data-months')).toBe('1');
		await page.screenshot({ path: path.join(SHOTS, 'plan-simulator.png'), fullPage: true });
		await context.close();
	});

	it('follows the incoming in the months to the target and the pending path; shows the age, the tables, an export and the scope', async () => {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
		await loginAs(context, fixture, 'analyst');
		const page = await context.newPage();
		await page.goto(`${fixture}/plan?judges=1&productivity=2&target=0&incoming=-50`);
		await page.locator('[data-testid="workload"] figure.chart svg[role="group"]').waitFor();
		// Pending on the fixture's as-of date 2025-10-01: A4 and A12, filed on 2024-12-31 and 2025-01-05
		// (274 and 269 days before it: median 271.5), both past the 2-month limit.
		expect(await page.getByTestId('pending-now').textContent()).toBe('2');
		expect(await page.locator('[data-testid="simulator"] dl dd').nth(2).textContent()).toBe('272 days');
		const months = () => page.getByTestId('months-to-target').getAttribute('data-months');
		const chart = (title: string) => page.locator('figure.chart').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
		const path = chart('Pending cases by month');
		const pathRows = () => path.locator('tbody tr').allTextContents();
		const before = await pathRows();
		expect(before).toHaveLength(24);
		// The simulator's incoming is the forecast of the fixture's monthly incoming (12 cases filed from
		// October 2024 to September 2025: A4, A12, A13, A17, A19, A14, A20, A15, A21, A16, A18, A22), as the
		// analyst's API gives it. Capacity is 1 judge × 2 = 2 cases a month; with half the forecast f₁, f₂, …
		// pending is 2 + f₁/2 − 2 = f₁/2 after the first month (above 0 while f₁ > 0) and
		// max(0, f₁/2 + f₂/2 − 2) = 0 after the second whenever f₁ + f₂ ≤ 4: the target 0 in 2 months.
		const api = await (await context.request.get(`${fixture}/api/indicators/incoming/forecast?horizon=24`)).json();
		const f: number[] = api.rows.map((r: { value: number }) => r.value);
		expect(f).toHaveLength(24);
		expect(f[0]).toBeGreaterThan(0);
		expect(f[0] + f[1]).toBeLessThanOrEqual(4);
		expect(await months()).toBe('2');

		// Twice the forecast incoming instead: after k months pending is 2 + 2·(f₁ + … + f_k) − 2k (no month
		// clears it while it stays above 0), which never reaches 0 within 24 months as long as every running
		// mean of the forecast exceeds 1 − 1/k — checked on the API's figures.
		let sum = 0;
		f.forEach((v, k) => {
			sum += v;
			expect(2 + 2 * sum - 2 * (k + 1)).toBeGreaterThan(0);
		});
		await page.getByTestId('incoming').fill('100');
		await page.waitForURL(/incoming=100/);
		await expect.poll(months).toBe('');
		await expect(page.getByTestId('months-to-target').textContent()).resolves.toMatch(/does not reach the target/);
		expect(await pathRows()).not.toEqual(before);

		// The target at today's 2 pending: reached now, and above it again from the first month k where
		// 2 + 2·(f₁ + … + f_k) − 2k > 2, i.e. f₁ + … + f_k > k (none within 24 months: not said).
		let total = 0;
		const above = f.findIndex((v, k) => (total += v) > k + 1);
		await page.getByTestId('target').fill('2');
		await page.waitForURL(/target=2/);
		await expect.poll(months).toBe('0');
		const outcome = page.getByTestId('months-to-target');
		expect(await outcome.getAttribute('data-above-again')).toBe(above < 0 ? '' : String(above + 1));
		expect(await outcome.textContent()).toMatch(
			above < 0 ? /^\s*The backlog is at or below the target now\.\s*$/ : /rises above the target again from month/
		);
		await page.getByTestId('target').fill('0');
		await page.waitForURL(/target=0/);

		// The past-limit chart's table, on request.
		const share = chart('Share of pending cases past the limit');
		await share.getByRole('button', { name: 'Show table' }).click();
		const table = share.getByRole('region', { name: 'Data of the chart “Share of pending cases past the limit”' });
		await table.locator('table').waitFor({ state: 'visible' });
		expect(await table.locator('th').allTextContents()).toContain('Past the limit');
		expect(await table.locator('tbody tr').count()).toBe(24);

		// The path's CSV under its title, with the scenario's figures.
		const csv = await exportedCsv(path);
		expect(csv.preamble[0]).toBe('Pending cases by month');
		expect(csv.rows).toHaveLength(24);
		expect(Object.keys(csv.rows[0])).toEqual([
			'Month',
			'Incoming',
			'Resolved',
			'Scenario',
			'Incoming at the lower edge',
			'Incoming at the upper edge',
			'Past the limit',
			'Share of pending cases past the limit'
		]);

		// One region: Almaty's pending case (A4) alone.
		await page.getByTestId('filter-region').selectOption('KZ-75');
		await page.waitForURL(/region=KZ-75/);
		await expect.poll(() => page.getByTestId('pending-now').textContent()).toBe('1');
		await context.close();
	});

	it('is closed to the public', async () => {
		const response = await fetch(`${fixture}/plan`, { redirect: 'manual' });
		expect([401, 303, 302]).toContain(response.status);
	});
});

describe('judge workload weights', () => {
	/** Every case category of the fixture cases. */
	const FIXTURE_CATEGORIES = [
		'civil.loan',
		'civil.labour',
		'civil.housing',
		'civil.unjust_enrichment',
		'civil.invalid_transaction',
		'civil.crypto_refund',
		'criminal.fraud_190',
		'admin_offense.traffic'
	];

	async function workload(base: string) {
		const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
		await loginAs(context, base, 'analyst');
		const page = await context.newPage();
		await page.goto(`${base}/plan`);
		const section = page.getByTestId('workload');
		await section.locator('figure.chart svg[role="group"]').waitFor();
		const csv = await exportedCsv(section.locator('figure.chart'));
		const note = await section.locator('p.note').textContent();
		await context.close();
		return { ...csv, note };
	}

	it('weights the cases per judge by the WORKLOAD_WEIGHTS_FILE, and a malformed file stops the start with its message', async () => {
		const database = tempDatabasePath('e2e-weights');
		const db = await createFixtureDatabase(database);
		await createTestUsers(db);
		db.close();
		const dir = path.dirname(database);
		const file = path.join(dir, 'weights.json');
		fs.writeFileSync(file, JSON.stringify(Object.fromEntries(FIXTURE_CATEGORIES.map((c) => [c, 2]))));
		const server = await startServer({ DATABASE_PATH: database, DEMO_SCALE: '0', WORKLOAD_WEIGHTS_FILE: file });
		try {
			const [equal, weighted] = [await workload(fixture), await workload(server.url)];
			expect(equal.preamble[0]).toBe('Judge workload by court');
			expect(equal.note).toBe('Case categories are weighted equally.');
			expect(weighted.note).toBe('Categories weighted other than 1: 8 (file WORKLOAD_WEIGHTS_FILE).');
			const [perJudge, weightedPerJudge, needed] = ['Cases per judge per month', 'Weighted cases per judge per month', 'Judges needed'];
			const courts = equal.rows.filter((r) => r[perJudge] !== '—');
			expect(courts.length).toBeGreaterThan(0);
			for (const row of courts) {
				expect(row[weightedPerJudge]).toBe(row[perJudge]);
				// Every category weighs 2: each case decided counts twice, and so does each case expected.
				const other = weighted.rows.find((r) => r.Court === row.Court)!;
				expect(other[perJudge]).toBe(row[perJudge]);
				expect(Number(other[weightedPerJudge])).toBeCloseTo(2 * Number(row[perJudge]), 9);
				expect(other[needed]).toBe(row[needed]);
			}
		} finally {
			await server.stop();
		}

		const malformed = path.join(dir, 'weights-malformed.json');
		fs.writeFileSync(malformed, JSON.stringify({ 'civil.loan': 0 }));
		await expect(
			startServer({ DATABASE_PATH: path.join(dir, 'empty.duckdb'), DEMO_SCALE: '0', WORKLOAD_WEIGHTS_FILE: malformed })
		).rejects.toThrow(`WORKLOAD_WEIGHTS_FILE ${malformed}: weight of "civil.loan" must be a number above 0 and at most 100`);
	});
});
