/** The JSON API over real HTTP against the built server on the hand-computed fixture database. */
import { describe, expect, inject, it } from 'vitest';
import { INDICATORS } from '../src/lib/domain/catalog';
import { sessionCookie } from './support/auth';

const base = inject('fixtureUrl');
/** The hand-computed figures are exact: an analyst's (the public's are perturbed, tests/disclosure.test.ts). */
const analyst = async () => ({ cookie: await sessionCookie(base, 'analyst') });

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(base + path, { headers });
	return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

async function getJson(path: string, headers: Record<string, string> = {}) {
	const r = await get(path, headers);
	return { status: r.status, json: JSON.parse(r.body) };
}

describe('GET /api/indicators', () => {
	it('lists the whole catalog with names in three languages, units and breakdowns', async () => {
		const { status, json } = await getJson('/api/indicators');
		expect(status).toBe(200);
		expect(json.indicators.map((i: { id: string }) => i.id)).toEqual(INDICATORS.map((i) => i.id));
		const clearance = json.indicators.find((i: { id: string }) => i.id === 'clearance_rate');
		expect(clearance).toMatchObject({
			unit: 'percent',
			better: 'up',
			source: 'CEPEJ',
			thresholds: { target: 100, warn: 100, bad: 95 },
			formSource: true
		});
		expect(clearance.name).toEqual({ ru: 'Коэффициент разрешения дел', kk: 'Істерді шешу коэффициенті', en: 'Clearance rate' });
		expect(clearance.dimensions).toContain('region');
	});
});

describe('GET /api/indicators/{id}', () => {
	it('returns rows with value, numerator, denominator and n', async () => {
		const { status, json } = await getJson('/api/indicators/clearance_rate?from=2024-01-01&to=2024-12-31', await analyst());
		expect(status).toBe(200);
		expect(json).toMatchObject({
			indicator: 'clearance_rate',
			source: 'cases',
			period: { from: '2024-01-01', to: '2024-12-31' },
			by: [],
			ignored: []
		});
		expect(json.rows).toHaveLength(1);
		expect(json.rows[0].numerator).toBe(7);
		expect(json.rows[0].denominator).toBe(6);
		expect(json.rows[0].value).toBeCloseTo(116.6667, 3);
	});

	it('breaks down by dimension and grain, with names of the values, hiding small counts from the public', async () => {
		const { json } = await getJson('/api/indicators/incoming?period=2024&by=region&grain=quarter');
		// KZ-75 had 4, 0, 0 and 1 filings: the public sees zeros but not counts under 5.
		const almaty = json.rows.filter((r: { region: string }) => r.region === 'KZ-75');
		expect(almaty.map((r: { value: number }) => r.value)).toEqual([null, 0, 0, null]);
		expect(almaty.map((r: { suppressed?: boolean }) => r.suppressed ?? false)).toEqual([true, false, false, true]);
		expect(json.labels.region['KZ-75']).toBe('Алматы');
	});

	it('refuses breakdowns by judge to the public with 403', async () => {
		const { status, json } = await getJson('/api/indicators/resolved?period=2024&by=judge');
		expect(status).toBe(403);
		expect(json.error.errors[0]).toMatchObject({ param: 'by', code: 'forbidden' });
	});

	it('filters by several values and names the source of aggregate figures', async () => {
		const headers = await analyst();
		const { json } = await getJson('/api/indicators/incoming?period=2024&region=KZ-71,KZ-75&case_type=civil', headers);
		expect(json.rows[0].value).toBe(6);
		const forms = await getJson('/api/indicators/pending_end?from=2024-01-01&to=2024-06-30&source=court_stats', headers);
		expect(forms.json).toMatchObject({ source: 'court_stats', rows: [{ value: 9 }] });
		// Months of quarterly forms: "no data" with the reason, not 0.
		const months = await getJson('/api/indicators/incoming?from=2024-01-01&to=2024-03-31&grain=month&source=court_stats');
		expect(months.json.rows.map((r: { value: unknown; missing: unknown }) => [r.value, r.missing])).toEqual([
			[null, 'form_periods'],
			[null, 'form_periods'],
			[null, 'form_periods']
		]);
	});

	it('gives the same rows as CSV, with names and neutralised cells', async () => {
		const r = await get('/api/indicators/incoming?period=2024&by=region&format=csv');
		expect(r.status).toBe(200);
		expect(r.type).toContain('text/csv');
		const lines = r.body.trim().split('\r\n');
		expect(lines[0]).toBe('region,region_name,value,numerator,denominator,n,missing,provisional,incomplete,suppressed,hidden,note');
		// Astana's single filing is hidden from the public in exports too, and Almaty's 5 with it
		// (the national total minus them would give it): the value column holds only numbers, the
		// reason is the JSON's code and words in the request's language.
		expect(lines).toContain('KZ-71,Астана,,,,,,,,true,,скрыто: меньше 5 записей');
		expect(lines).toContain('KZ-75,Алматы,,,,,,,,true,protects_other,скрыто для защиты другого значения');
		const english = await get('/api/indicators/incoming?period=2024&by=region&format=csv', { 'accept-language': 'en' });
		expect(english.body.trim().split('\r\n')).toContain('KZ-75,Almaty,,,,,,,,true,protects_other,hidden to protect another figure');
	});

	it('answers 400 naming the faulty parameter, in the user’s language, without SQL', async () => {
		const cases: [string, string][] = [
			['/api/indicators/incoming?from=2024-13-01&to=2024-12-31', 'from'],
			['/api/indicators/incoming?from=2024-05-01&to=2024-01-01', 'to'],
			['/api/indicators/incoming?grain=week', 'grain'],
			['/api/indicators/incoming?by=scheme', 'by'],
			["/api/indicators/incoming?region=KZ-75'%20OR%201=1--", 'region'],
			['/api/indicators/incoming?court=%3Bdrop%20table%20cases', 'court'],
			['/api/indicators/incoming?colour=red', 'colour'],
			['/api/indicators/incoming?period=2024&from=2024-01-01', 'from'],
			['/api/indicators/median_days?source=court_stats', 'source']
		];
		for (const [path, param] of cases) {
			const { status, json } = await getJson(path);
			expect(status, path).toBe(400);
			expect(
				json.error.errors.map((e: { param: string }) => e.param),
				path
			).toContain(param);
			const text = JSON.stringify(json);
			expect(text).not.toMatch(/SELECT|DuckDB|Binder|Parser|stack/i);
		}
		const ru = await getJson('/api/indicators/incoming?grain=week');
		expect(ru.json.error.errors[0].message).toContain('Параметр «grain»');
		const en = await getJson('/api/indicators/incoming?grain=week', { 'accept-language': 'en-US,en;q=0.9' });
		expect(en.json.error.errors[0].message).toContain('Parameter "grain"');
		const kk = await getJson('/api/indicators/incoming?grain=week', { cookie: 'PARAGLIDE_LOCALE=kk' });
		expect(kk.json.error.errors[0].message).toContain('«grain» параметрі');
	});

	it('answers 404 for an indicator that is not in the catalog', async () => {
		const { status, json } = await getJson('/api/indicators/nonsense');
		expect(status).toBe(404);
		expect(json.error.message).toContain('nonsense');
	});
});

describe('figures before the data is complete', () => {
	const demo = inject('demoUrl');
	const read = async (path: string) => (await fetch(demo + path)).text();

	it('marks them incomplete and says from when the data is complete (the demo 2018 is only the backlog of 1 January 2019)', async () => {
		const [y2018, y2019] = await Promise.all(
			['2018', '2019'].map(async (p) => JSON.parse(await read(`/api/indicators/clearance_rate?period=${p}`)))
		);
		expect(y2018.completeFrom).toBe('2019-01-01');
		expect(y2018.rows[0].incomplete).toBe(true);
		expect(y2019.rows[0].incomplete).toBeUndefined();

		// The public asks for calendar periods only: a year by quarter on each side of the first day.
		const quarters = await Promise.all(
			['2018', '2019'].map(async (p) => JSON.parse(await read(`/api/indicators/incoming?period=${p}&grain=quarter`)))
		);
		expect(quarters.flatMap((q) => q.rows.map((r: { incomplete?: boolean }) => r.incomplete ?? false))).toEqual([
			true,
			true,
			true,
			true,
			false,
			false,
			false,
			false
		]);
		const [header, row] = (await read('/api/indicators/clearance_rate?period=2018&format=csv')).trim().split('\r\n');
		expect(row.split(',')[header.split(',').indexOf('incomplete')]).toBe('true');
	});
});
