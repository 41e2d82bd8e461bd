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

/** Every forecast month has its 80 % band inside its 95 % band, around the forecast. */
function expectOrderedBands(rows: { value: number; lower80: number; upper80: number; lower95: number; upper95: number }[]) {
	for (const row of rows) {
		expect(row.lower95).toBeLessThanOrEqual(row.lower80);
		expect(row.lower80).toBeLessThanOrEqual(row.value);
		expect(row.value).toBeLessThanOrEqual(row.upper80);
		expect(row.upper80).toBeLessThanOrEqual(row.upper95);
		expect(row.upper95).toBeGreaterThan(row.lower95);
	}
}

describe('GET /api/indicators/{id}/forecast: filters and indicators defined as data (fixture, analyst)', () => {
	it('forecasts from the history under court= and case_type=, the indicator’s own monthly figures', async () => {
		const cookie = await sessionCookie(fixture, 'analyst');
		const national = (await get(fixture, '/api/indicators/incoming/forecast', { cookie })).json();
		// 2024 filings: KZ75-D01 A2 (January), A3 (March), A4 (December); civil cases also A6, A9, A10 (in other courts).
		for (const [filter, total] of [
			['court=KZ75-D01', 3],
			['case_type=civil', 6]
		] as const) {
			const forecast = (await get(fixture, `/api/indicators/incoming/forecast?${filter}`, { cookie })).json();
			const monthly = (await get(fixture, `/api/indicators/incoming?period=2024&grain=month&${filter}`, { cookie })).json();
			const history = forecast.history.filter((h: { period: string }) => h.period.startsWith('2024'));
			expect(history.map((h: { period: string; value: number }) => [h.period, h.value])).toEqual(
				monthly.rows.map((r: { period: string; value: number }) => [r.period, r.value])
			);
			expect(history.reduce((s: number, h: { value: number }) => s + h.value, 0)).toBe(total);
			expect(forecast.history).not.toEqual(national.history);
		}
	});

	it('forecasts a count defined as data on the fixture cases, with both bands', async () => {
		const cookie = await sessionCookie(fixture, 'analyst');
		const post = (path: string, body?: unknown) =>
			fetch(fixture + path, {
				method: 'POST',
				headers: { cookie, origin: fixture, 'content-type': 'application/json', accept: 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		const definition = {
			id: 'filed_defined',
			dataset: 'Fixture cases',
			name: { ru: 'Поступило (определение)', kk: 'Түсті (анықтама)', en: 'Filed (defined)' },
			measure: { agg: 'count' },
			time: { column: 'filed_date' },
			dimensions: ['region'],
			unit: 'count'
		};
		expect((await post('/api/definitions', { mode: 'add', definition })).status).toBe(200);
		try {
			const body = (await get(fixture, '/api/indicators/filed_defined/forecast?horizon=6', { cookie })).json();
			const builtIn = (await get(fixture, '/api/indicators/incoming/forecast?horizon=6', { cookie })).json();
			// Filings from June 2022 (A5) to September 2025: 40 complete months, more than the 27 a backtest needs.
			expect(body.history).toHaveLength(40);
			expect(body.history).toEqual(builtIn.history);
			expect(body.method).not.toBeNull();
			expect(body.backtest.origins).toBeGreaterThanOrEqual(3);
			expect(body.rows).toHaveLength(6);
			expectOrderedBands(body.rows);
		} finally {
			expect((await post('/api/definitions/filed_defined/retire')).status).toBe(200);
		}
	});
});

describe('GET /api/indicators/{id}/forecast on the demo data', () => {
	it('forecasts the pending caseload at month end, with both bands', async () => {
		const body = (await get(demo, '/api/indicators/pending_end/forecast?horizon=6')).json();
		expect(body).toMatchObject({ indicator: 'pending_end', horizon: 6, unavailable: null });
		expect(body.method).not.toBeNull();
		expect(body.backtest.origins).toBe(12);
		expect(body.rows).toHaveLength(6);
		expect(body.rows[0].period > body.history.at(-1).period).toBe(true);
		expectOrderedBands(body.rows);
	});

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
		for (const row of body.rows) expect(row.lower95).toBeGreaterThanOrEqual(0);
		expectOrderedBands(body.rows);
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
