/** The forecast API over real HTTP: validation, suppression, the fixture's short history, and the demo data. */
import { describe, expect, inject, it } from 'vitest';
import { sessionCookie } from './support/auth';

const fixture = inject('fixtureUrl');
const demo = inject('demoUrl');

async function get(base: string, path: string, headers: Record<string, string> = {}) {
	const response = await fetch(base + path, { headers });
	const body = await response.text();
	return { status: response.status, type: response.headers.get('content-type') ?? '', body, json: () => JSON.parse(body) };
}

describe('GET /api/indicators/{id}/forecast: parameters', () => {
	it('refuses a horizon outside 1–24 with a message naming the parameter, in the language asked for', async () => {
		for (const horizon of ['0', '25', 'abc', '1.5', '-3']) {
			const r = await get(fixture, `/api/indicators/incoming/forecast?horizon=${horizon}`, { 'accept-language': 'en' });
			expect(r.status).toBe(400);
			const [error] = r.json().error.errors;
			expect(error.param).toBe('horizon');
			expect(error.message).toBe(`Parameter "horizon": "${horizon}" is not a whole number of months between 1 and 24.`);
		}
		const ru = await get(fixture, '/api/indicators/incoming/forecast?horizon=30', { 'accept-language': 'ru' });
		expect(ru.json().error.errors[0].message).toBe('Параметр «horizon»: «30» — не целое число месяцев от 1 до 24.');
	});

	it('says which view parameters forecasts do not use, refuses unknown ones and non-count indicators', async () => {
		const period = await get(fixture, '/api/indicators/incoming/forecast?period=2024&by=region', { 'accept-language': 'en' });
		expect(period.status).toBe(400);
		expect(period.json().error.errors.map((e: { param: string }) => e.param)).toEqual(['period', 'by']);
		const unknown = await get(fixture, '/api/indicators/incoming/forecast?colour=red', { 'accept-language': 'en' });
		expect(unknown.status).toBe(400);
		expect(unknown.json().error.errors[0]).toMatchObject({ param: 'colour', code: 'unknown_param' });
		const rate = await get(fixture, '/api/indicators/clearance_rate/forecast', { 'accept-language': 'en' });
		expect(rate.status).toBe(400);
		expect(rate.json().error.errors[0].message).toBe('Indicator "clearance_rate" is not a count; forecasts are made for counts only.');
		expect((await get(fixture, '/api/indicators/nope/forecast')).status).toBe(404);
	});
});

describe('GET /api/indicators/{id}/forecast: suppression and short histories', () => {
	it('gives the public no forecast resting on monthly counts under MIN_COUNT', async () => {
		const r = await get(fixture, '/api/indicators/incoming/forecast', { 'accept-language': 'en' });
		expect(r.status).toBe(200);
		const body = r.json();
		expect(body).toMatchObject({ indicator: 'incoming', method: null, backtest: null, rows: [], history: [] });
		expect(body.unavailable).toBe('No forecast: it would rest on monthly figures under 5 cases, which are not shown publicly.');
	});

	it('forecasts the incomplete last month for an analyst instead of reading it as a low month', async () => {
		const cookie = await sessionCookie(fixture, 'analyst');
		const body = (await get(fixture, '/api/indicators/incoming/forecast?horizon=2', { cookie })).json();
		// The fixture's as-of date is 2025-10-01: October is not over and is not part of the history.
		expect(body.asOf).toBe('2025-10-01');
		expect(body.partial.period).toBe('2025-10-01');
		expect(body.history.at(-1).period).toBe('2025-09-01');
		expect(body.rows.map((r: { period: string }) => r.period)).toEqual(['2025-10-01', '2025-11-01']);
	});

	it('says how much history is missing when a series is too short', async () => {
		const cookie = await sessionCookie(fixture, 'analyst');
		const body = (await get(fixture, '/api/indicators/incoming/forecast?region=KZ-71', { cookie, 'accept-language': 'en' })).json();
		expect(body.method).toBeNull();
		expect(body.rows).toEqual([]);
		expect(body.unavailable).toMatch(
			/^No forecast: \d+ complete months of history; at least 27 are needed to choose a method by backtest\.$/
		);
	});
});

describe('GET /api/indicators/{id}/forecast on the demo data', () => {
	it('forecasts national monthly incoming better than seasonal naive, with ordered 80 % and 95 % bands', async () => {
		const r = await get(demo, '/api/indicators/incoming/forecast?horizon=12');
		expect(r.status).toBe(200);
		const body = r.json();
		expect(body).toMatchObject({ indicator: 'incoming', horizon: 12, breakMode: 'none', reform: null, unavailable: null });
		expect(['ets', 'regression']).toContain(body.method);
		expect(body.backtest.origins).toBe(12);
		expect(body.backtest.mase).toBeLessThan(1);
		expect(body.backtest.mase).toBeLessThan(body.backtest.baselineMase);
		expect(body.backtest.coverage80).toBeGreaterThan(0);
		expect(body.rows).toHaveLength(12);
		const last = body.history.at(-1).period as string;
		expect(body.rows[0].period > last).toBe(true);
		for (const row of body.rows) {
			expect(row.lower95).toBeGreaterThanOrEqual(0);
			expect(row.lower95).toBeLessThanOrEqual(row.lower80);
			expect(row.lower80).toBeLessThanOrEqual(row.value);
			expect(row.value).toBeLessThanOrEqual(row.upper80);
			expect(row.upper80).toBeLessThanOrEqual(row.upper95);
		}
	});

	it('answers CSV with the same rows', async () => {
		const [json, csv] = await Promise.all([
			get(demo, '/api/indicators/resolved/forecast?horizon=3&region=KZ-75'),
			get(demo, '/api/indicators/resolved/forecast?horizon=3&region=KZ-75&format=csv')
		]);
		expect(csv.type).toContain('text/csv');
		const lines = csv.body.trim().split('\r\n');
		expect(lines[0]).toBe('period,value,lower80,upper80,lower95,upper95');
		expect(lines).toHaveLength(4);
		const first = json.json().rows[0];
		expect(lines[1]).toBe([first.period, first.value, first.lower80, first.upper80, first.lower95, first.upper95].join(','));
	});
});
