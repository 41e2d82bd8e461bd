/**
 * The differencing attacks of issue 15, run as the public over real HTTP against the built server
 * on demo data, in JSON and in CSV, with an analyst's exact figures as the truth. Each attack
 * combines public answers to isolate a cell hidden as "<5"; the attacker knows the method the
 * server declares (`disclosure` in the JSON: the largest change of a count and of an amount), so
 * what the attack yields is the set of values consistent with the answers. It must never be a
 * single value. Without perturbation the declared change is 0 and every attack here pins its cell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../src/lib/server/config';
import { saveDefinitions } from '../src/lib/server/definitions/store';
import { openAppDatabase } from '../src/lib/server/startup';
import { createTestUsers, loginAs, sessionCookie } from './support/auth';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

const SCALE = 0.05;
const MIN = 5;

interface Row {
	[key: string]: unknown;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	n: number | null;
	period?: string;
	suppressed?: boolean;
}
interface Answer {
	rows: Row[];
	disclosure: { countNoise: number; amountNoise: number; quantileNoise: number; quantileDigits: number; hiddenBelow: number } | null;
}

let dir: string;
let server: RunningServer;
let analyst: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-disclosure-'));
	const databasePath = path.join(dir, 'court.duckdb');
	const db = await openAppDatabase(
		{ ...settings(), databasePath, demoScale: SCALE, demoDir: path.join(dir, 'generated'), uploadsDir: path.join(dir, 'uploads') },
		() => undefined
	);
	await createTestUsers(db);
	const [fraud] = await db.query<{ dataset_id: number }>(`SELECT dataset_id FROM datasets WHERE kind = 'fraud' AND current_version > 0`);
	const saved = await saveDefinitions(
		db,
		[...DEFINED, ['def_max_damage', { agg: 'max', column: 'damage_kzt' }]].map(([id, measure]) => ({
			id,
			dataset: fraud.dataset_id,
			name: { ru: id, kk: id, en: id },
			measure,
			time: { column: 'registered_date' },
			dimensions: [...FRAUD_DIMENSIONS, 'region'],
			overview: true
		})),
		'add',
		'test'
	);
	expect(saved.ok, JSON.stringify(saved)).toBe(true);
	db.close();
	server = await startServer({ DATABASE_PATH: databasePath, DEMO_SCALE: '0', UPLOADS_DIR: path.join(dir, 'uploads') });
	analyst = await sessionCookie(server.url, 'analyst');
}, 240_000);
afterAll(async () => {
	await server?.stop();
	fs.rmSync(dir, { recursive: true, force: true });
});

async function fetchAs(pathAndQuery: string, role: 'public' | 'analyst') {
	return fetch(server.url + pathAndQuery, { headers: role === 'analyst' ? { cookie: analyst } : {} });
}

async function answer(id: string, params: string, role: 'public' | 'analyst' = 'public'): Promise<Answer> {
	const response = await fetchAs(`/api/indicators/${id}?${params}`, role);
	if (response.status !== 200) throw new Error(`${id}?${params}: ${response.status} ${await response.text()}`);
	return response.json();
}

/** The same answer as a CSV export, its figures as numbers (a hidden one empty, with `suppressed`, the reason's code and its words). */
async function csvRows(id: string, params: string): Promise<Row[]> {
	const response = await fetchAs(`/api/indicators/${id}?${params}&format=csv`, 'public');
	expect(response.headers.get('x-disclosure-control')).toContain('cell-key');
	const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
	const num = (s: string) => (s === '' ? null : Number(s));
	return parsed.data.map((r) => {
		const hidden = r.suppressed === 'true';
		// A code or words in the value column would be read as text by a spreadsheet.
		expect(r.value === '' || Number.isFinite(Number(r.value)), r.value).toBe(true);
		expect(r.note !== '', `${id}?${params}: a hidden figure says why`).toBe(hidden);
		return {
			...r,
			value: hidden ? null : num(r.value),
			numerator: num(r.numerator),
			denominator: num(r.denominator),
			n: num(r.n),
			suppressed: hidden
		};
	});
}

/** A figure by both routes: the JSON and the CSV export must publish the same. */
async function published(id: string, params: string): Promise<Answer> {
	const json = await answer(id, params);
	const csv = await csvRows(id, params);
	expect(
		csv.map((r) => [r.value, r.suppressed]),
		`${id}?${params}: CSV against JSON`
	).toEqual(json.rows.map((r) => [r.value, Boolean(r.suppressed)]));
	return json;
}

/** The values 1…MIN−1 a hidden count may have, given an estimate and the largest total change of its terms. */
function candidates(estimate: number, bound: number): number[] {
	return Array.from({ length: MIN - 1 }, (_, i) => i + 1).filter((x) => Math.abs(estimate - x) <= bound + 1e-9);
}

/** What each attack gave, against the truth: at least one must differ (the figures are perturbed at all). */
const outcomes: { attack: string; estimate: number; truth: number }[] = [];

/** The largest change the server declares for a published figure: a count's, or an amount's (in its mean per record). */
function declaredChange(row: Row, answer: Answer, kind: 'count' | 'amount'): number {
	const declared = answer.disclosure ?? { countNoise: 0, amountNoise: 0 };
	return kind === 'count' ? declared.countNoise : (declared.amountNoise * row.value!) / row.n!;
}

/**
 * Isolates each hidden cell of a breakdown: its total minus the visible cells, minus the other
 * hidden cells each asked for alone (a cell hidden only to protect another is shown when asked
 * alone). `cell(key)`: the query of one cell alone. Returns the number of attacks made.
 */
async function isolate(id: string, kind: 'count' | 'amount', total: string, breakdown: string, dim: string, cell: (key: string) => string) {
	const shown = await published(id, breakdown);
	const hidden = shown.rows.filter((r) => r.suppressed);
	if (!hidden.length) return 0;
	const whole = await published(id, total);
	if (!whole.rows[0] || whole.rows[0].suppressed || whole.rows[0].value === null) return 0;
	const exact = await answer(id, breakdown, 'analyst');
	let attacks = 0;
	for (const target of hidden) {
		const others = await Promise.all(
			hidden.filter((r) => r !== target).map(async (r) => (await published(id, cell(String(r[dim])))).rows[0])
		);
		if (others.some((r) => !r || r.suppressed)) continue;
		const terms = [whole.rows[0], ...shown.rows.filter((r) => !r.suppressed), ...others];
		const estimate = whole.rows[0].value! - terms.slice(1).reduce((sum, r) => sum + r.value!, 0);
		const bound = terms.reduce((sum, r) => sum + (r.value ? declaredChange(r, whole, kind) : 0), 0);
		const truth = exact.rows.find((r) => r[dim] === target[dim])!.value!;
		const attack = `${id}: ${total} minus ${breakdown} (${dim} ${String(target[dim])}): estimate ${estimate}, truth ${truth}`;
		if (kind === 'count') {
			const found = candidates(estimate, bound);
			expect(found, attack).toContain(truth);
			expect(found.length, `${attack}: pinned to ${found.join(',')}`).toBeGreaterThan(1);
		} else {
			// The amount lies within the declared bound, and the bound is wider than the amount itself: not even its size is pinned.
			expect(Math.abs(estimate - truth), attack).toBeLessThanOrEqual(bound * 1.2);
			expect(2 * bound, attack).toBeGreaterThan(truth);
		}
		outcomes.push({ attack, estimate, truth });
		attacks += 1;
	}
	return attacks;
}

/** Runs attacks until `enough` were made (the demo data decide where hidden cells fall). */
async function attackUntil(enough: number, attacks: (() => Promise<number>)[]): Promise<number> {
	let made = 0;
	for (const attack of attacks) {
		if (made >= enough) break;
		made += await attack();
	}
	return made;
}

const REGIONS = [
	'KZ-62',
	'KZ-59',
	'KZ-10',
	'KZ-23',
	'KZ-27',
	'KZ-33',
	'KZ-47',
	'KZ-55',
	'KZ-63',
	'KZ-39',
	'KZ-43',
	'KZ-11',
	'KZ-15',
	'KZ-35'
];
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
const FRAUD_DIMENSIONS = ['scheme', 'channel', 'victim_age_group', 'status'];
/** Indicators defined as data on the demo's fraud records, as an analyst would: the counts and the damage again. */
const DEFINED = [
	['def_incidents', { agg: 'count' }, 'count', 'fraud_incidents'],
	['def_distinct_incidents', { agg: 'count_distinct', column: 'incident_id' }, 'count', 'fraud_incidents'],
	['def_damage', { agg: 'sum', column: 'damage_kzt' }, 'amount', 'fraud_damage']
] as const;

/** The last day of the month starting on `first` (YYYY-MM-01). */
function monthEnd(first: string): string {
	const d = new Date(`${first}T00:00:00Z`);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

describe('a union minus its part (scheme=A,B minus scheme=B)', () => {
	it('is refused to the public, in JSON and CSV, counts and tenge; analysts get it', async () => {
		for (const id of ['fraud_incidents', 'fraud_damage'])
			for (const format of ['json', 'csv']) {
				const response = await fetchAs(`/api/indicators/${id}?period=2025&scheme=cheap_car,fake_bank_security&format=${format}`, 'public');
				expect(response.status, `${id} ${format}`).toBe(400);
				const body = await response.json();
				expect(body.error.errors).toMatchObject([{ param: 'scheme', code: 'one_value' }]);
			}
		expect((await fetchAs('/api/indicators/fraud_incidents?period=2025&scheme=cheap_car,fake_bank_security', 'analyst')).status).toBe(200);
	});

	it('cannot be replaced by a total minus the other values, each asked for alone, in counts or tenge', async () => {
		for (const [id, kind] of [
			['fraud_incidents', 'count'],
			['fraud_damage', 'amount']
		] as const) {
			const made = await attackUntil(
				4,
				['2025', '2024', '2023', '2022'].flatMap((year) =>
					FRAUD_DIMENSIONS.map(
						(dim) => () => isolate(id, kind, `period=${year}`, `period=${year}&by=${dim}`, dim, (key) => `period=${year}&${dim}=${key}`)
					)
				)
			);
			expect(made, id).toBeGreaterThan(0);
		}
	});
});

describe('indicators defined as data', () => {
	it('publish the figures of the built-in ones, protected alike, and refuse a union of values to the public', async () => {
		for (const [id, , , builtIn] of DEFINED)
			for (const params of ['period=2024&by=scheme', 'period=2025&grain=month', 'period=2023&by=region']) {
				const [defined, catalog, exact] = await Promise.all([
					published(id, params),
					published(builtIn, params),
					answer(id, params, 'analyst')
				]);
				expect(defined.disclosure, id).toMatchObject({ countNoise: 3 });
				expect(
					defined.rows.map((r) => [r.value, Boolean(r.suppressed)]),
					`${id}?${params}`
				).toEqual(catalog.rows.map((r) => [r.value, Boolean(r.suppressed)]));
				expect(exact.disclosure).toBeNull();
				expect(
					defined.rows.some((r, i) => r.value !== exact.rows[i].value),
					`${id}?${params}: perturbed`
				).toBe(true);
			}
		const union = await fetchAs('/api/indicators/def_incidents?period=2025&scheme=cheap_car,fake_bank_security&format=csv', 'public');
		expect(union.status).toBe(400);
		expect((await union.json()).error.errors).toMatchObject([{ param: 'scheme', code: 'one_value' }]);
	});

	it("a largest damage (one record's value, with its attributes by filtering) is hidden from the public", async () => {
		for (const params of ['period=2024', 'period=2024&by=scheme', 'period=2025-Q1&grain=month']) {
			const [shown, exact] = await Promise.all([published('def_max_damage', params), answer('def_max_damage', params, 'analyst')]);
			expect(exact.rows.filter((r) => r.value !== null).length, params).toBeGreaterThan(0);
			expect(
				shown.rows.map((r) => [r.value, Boolean(r.suppressed)]),
				params
			).toEqual(exact.rows.map((r) => [null, r.value !== null]));
		}
	});

	it('say a hidden largest damage is one record\'s value, not "<5": in JSON, CSV, overview tiles and the explorer', async () => {
		const { rows } = await answer('def_max_damage', 'period=2024&by=scheme');
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.suppressed && r.hidden === 'one_record')).toBe(true);
		const csv = await (await fetchAs('/api/indicators/def_max_damage?period=2024&by=scheme&format=csv', 'public')).text();
		const cells = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		expect(new Set(cells.map((r) => [r.value, r.suppressed, r.hidden, r.note].join('|')))).toEqual(
			new Set(['|true|one_record|скрыто: значение одной записи'])
		);
		const page = async (url: string) =>
			(await (await fetch(server.url + url, { headers: { 'accept-language': 'en' } })).text()).replace(/<!--.*?-->/gs, '');
		const overview = await page('/?period=2024');
		const at = overview.indexOf('data-indicator="def_max_damage"');
		expect(at).toBeGreaterThan(-1);
		const tile = /data-testid="kpi-value"[^>]*>([^<]*)</.exec(overview.slice(at))?.[1].replace('&#39;', "'").trim();
		expect(tile).toBe("hidden: one record's value");
		const explorer = (await page('/indicators/def_max_damage?period=2024&by=scheme')).replace(/&#39;/g, "'");
		expect(explorer).toContain("hidden: one record's value");
	});

	it('are shown on overview tiles as the API publishes them for the public', async () => {
		for (const params of ['period=2025', 'period=2025&region=KZ-75', 'period=2024&region=KZ-71']) {
			const html = (await (await fetch(`${server.url}/?${params}`, { headers: { 'accept-language': 'en' } })).text()).replace(
				/<!--.*?-->/gs,
				''
			);
			const at = html.indexOf('data-indicator="def_incidents"');
			expect(at, params).toBeGreaterThan(-1);
			const tile = /data-testid="kpi-value"[^>]*>([^<]*)</.exec(html.slice(at))?.[1].replace('&lt;', '<').trim();
			const [row] = (await answer('def_incidents', params)).rows;
			expect(tile, params).toBe(row.suppressed ? `<${MIN}` : row.value!.toLocaleString('en'));
		}
	});

	it('a total minus the other values, each asked for alone, does not give the hidden one', async () => {
		for (const [id, , kind] of DEFINED) {
			const made = await attackUntil(
				3,
				['2025', '2024', '2023', '2022'].flatMap((year) =>
					FRAUD_DIMENSIONS.map(
						(dim) => () => isolate(id, kind, `period=${year}`, `period=${year}&by=${dim}`, dim, (key) => `period=${year}&${dim}=${key}`)
					)
				)
			);
			expect(made, id).toBeGreaterThan(0);
		}
	});
});

describe("a region's total minus a breakdown by another dimension", () => {
	it('does not give the hidden cell', async () => {
		const made = await attackUntil(
			6,
			QUARTERS.flatMap((quarter) =>
				REGIONS.flatMap((region) =>
					(['court', 'instance', 'case_type'] as const).flatMap((dim) =>
						(['incoming', 'resolved'] as const).map((id) => () => {
							const base = `period=${quarter}&region=${region}`;
							return isolate(id, 'count', base, `${base}&by=${dim}`, dim, (key) => `${base}&${dim}=${key}`);
						})
					)
				)
			)
		);
		expect(made).toBeGreaterThan(0);
	});
});

describe('overlapping date ranges', () => {
	it('are refused to the public below a calendar month, quarter or year', async () => {
		for (const range of ['from=2025-03-05&to=2025-03-05', 'from=2025-01-01&to=2025-02-28', 'from=2025-02-01&to=2025-04-30']) {
			const response = await fetchAs(`/api/indicators/fraud_incidents?${range}`, 'public');
			expect(response.status, range).toBe(400);
			expect((await response.json()).error.errors).toMatchObject([{ param: 'from', code: 'calendar_period' }]);
		}
	});

	it('a quarter minus its visible months does not give the hidden month, in counts or tenge', async () => {
		const month = (key: string) => `from=${key}&to=${monthEnd(key)}`;
		// Fraud is scarce in the demo at this scale: the whole country in its first years has months under 5.
		const early = ['2019', '2020', '2021'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
		for (const [id, kind, quarters, scopes] of [
			['incoming', 'count', QUARTERS, REGIONS.flatMap((r) => [`region=${r}&instance=cassation`, `region=${r}&instance=appeal`])],
			['fraud_incidents', 'count', early, ['', 'region=KZ-75', 'region=KZ-71']],
			['fraud_damage', 'amount', early, ['', 'region=KZ-75', 'region=KZ-71']]
		] as const) {
			const made = await attackUntil(
				3,
				quarters.flatMap((quarter) =>
					scopes.map((scope) => () => {
						const base = scope ? `&${scope}` : '';
						return isolate(
							id,
							kind,
							`period=${quarter}${base}`,
							`period=${quarter}${base}&grain=month`,
							'period',
							(key) => `${month(key)}${base}`
						);
					})
				)
			);
			expect(made, id).toBeGreaterThan(0);
		}
	});
});

describe('the parts of a rate in one answer', () => {
	it('never publish a count under the minimum, and the rate is the formula of the published parts', async () => {
		for (const [id, scale] of [
			['clearance_rate', 100],
			['appeal_rate', 100]
		] as const) {
			const shown = await published(id, 'period=2025&by=court');
			for (const row of shown.rows) {
				for (const part of [row.numerator, row.denominator, row.n])
					expect(part === null || part === 0 || part >= MIN, `${id} ${String(row.court)}`).toBe(true);
				if (row.value !== null && row.denominator) expect(row.value).toBeCloseTo((scale * row.numerator!) / row.denominator, 6);
			}
		}
	});
});

/** Each cell of a breakdown as the public and an analyst get it: [published, exact], hidden and "no data" cells left out. */
async function pairs(id: string, params: string, keyOf: (r: Row) => string): Promise<[Row, Row][]> {
	const [shown, exact] = await Promise.all([answer(id, params), answer(id, params, 'analyst')]);
	const truth = new Map(exact.rows.map((r) => [keyOf(r), r]));
	return shown.rows.filter((r) => !r.suppressed && r.value !== null).map((r) => [r, truth.get(keyOf(r))!]);
}

type Part = 'value' | 'numerator' | 'denominator';
type Cell = { cell: string; exact: number; change: number };

/** The change the public gets of a count (`part` of each cell: the value, or a rate's numerator or denominator), cell by cell. */
async function changes(sources: readonly (readonly [string, string, readonly string[], Part?])[]): Promise<Cell[]> {
	const cells: Cell[] = [];
	for (const [id, params, keys, part = 'value'] of sources) {
		const keyOf = (r: Row) => keys.map((k) => String(r[k])).join(' ');
		for (const [shown, exact] of await pairs(id, params, keyOf)) {
			// Above MIN + 3 no change is cut at the minimum.
			if (exact[part] !== null && exact[part]! >= MIN + 3)
				cells.push({ cell: `${id} ${keyOf(shown)}`, exact: exact[part]!, change: shown[part]! - exact[part]! });
		}
	}
	return cells;
}

/**
 * The attack on a change that is one function of the exact count: among pairs of different cells
 * with the same exact count, how many got the same change; and, learning the change of each exact
 * count from cells whose count is known (here: half of them), how many other cells' exact counts
 * are read as the only learnt count that publishes their figure.
 */
function equalCountAttack(what: string, cells: Cell[]): { same: number; all: number } {
	const byCount = new Map<number, number[]>();
	for (const c of cells) byCount.set(c.exact, [...(byCount.get(c.exact) ?? []), c.change]);
	let same = 0;
	let all = 0;
	for (const found of byCount.values())
		found.forEach((a, i) =>
			found.slice(i + 1).forEach((b) => {
				all += 1;
				if (a === b) same += 1;
			})
		);
	const learnt = new Map<number, number>();
	cells.filter((_, i) => i % 2 === 0).forEach((c) => learnt.set(c.exact, c.change));
	let read = 0;
	let right = 0;
	for (const c of cells.filter((_, i) => i % 2 === 1)) {
		const shown = c.exact + c.change;
		const near = Array.from({ length: 7 }, (_, i) => shown - 3 + i);
		if (!near.every((n) => learnt.has(n))) continue;
		const fits = near.filter((n) => n + learnt.get(n)! === shown);
		if (fits.length !== 1) continue;
		read += 1;
		if (fits[0] === c.exact) right += 1;
	}
	console.log(
		`${what}: equal exact counts in ${all} pairs, same change in ${same}; counts read from learnt changes: ${right} right of ${read}`
	);
	return { same, all };
}

describe('equal counts of different records', () => {
	it('get unrelated changes: the change is not one function of the exact count that known counts would reveal', async () => {
		// Cells of many courts, regions and months: among them, many pairs of different records with the same exact count.
		const { same, all } = equalCountAttack(
			'case records and incidents',
			await changes([
				['incoming', 'period=2024&by=court', ['court']],
				['resolved', 'period=2024&by=court', ['court']],
				['incoming', 'period=2025&by=region&grain=month', ['region', 'period']],
				['fraud_incidents', 'period=2024&by=region&grain=month', ['region', 'period']]
			])
		);
		expect(all).toBeGreaterThan(30);
		// Independent changes are equal in 19.5 % of pairs (5² + 10² + 20² + 30² + 20² + 10² + 5² %); one function of the count: 100 %.
		expect(same / all).toBeLessThan(0.5);
	});

	it('without record identifiers too: the reporting forms (each form a record)', async () => {
		const forms = equalCountAttack(
			'reporting forms',
			await changes([
				['incoming', 'source=court_stats&period=2024&by=court', ['court']],
				['resolved', 'source=court_stats&period=2024&by=court', ['court']],
				['incoming', 'source=court_stats&period=2025&by=court&grain=quarter', ['court', 'period']],
				['pending_end', 'source=court_stats&period=2024&by=court', ['court']]
			])
		);
		expect(forms.all).toBeGreaterThan(30);
		expect(forms.same / forms.all).toBeLessThan(0.5);
	});
});

describe('medians', () => {
	it("are not published exactly (a median of five records is one record's value), only within the declared change", async () => {
		let cells = 0;
		let exactly = 0;
		const few: string[] = [];
		for (const [id, params, key] of [
			['fraud_damage_median', 'period=2024&by=region', 'region'],
			['fraud_damage_median', 'period=2025&by=region', 'region'],
			['fraud_damage_median', 'period=2024&by=scheme', 'scheme'],
			['median_days', 'period=2025-Q1&by=court', 'court']
		] as const) {
			const found = await pairs(id, params, (r) => String(r[key]));
			const declared = (await answer(id, params)).disclosure!;
			for (const [shown, exact] of found) {
				const e = exact.value!;
				const where = `${id}?${params}: ${String(shown[key])}, published ${shown.value}, exact ${e} of ${exact.n} records`;
				// Within the relative change, plus half the rounding step of its significant digits.
				const step = 10 ** (Math.floor(Math.log10(Math.abs(shown.value!) || 1)) - declared.quantileDigits + 1);
				expect(Math.abs(shown.value! - e), where).toBeLessThanOrEqual(declared.quantileNoise * Math.abs(e) + step / 2 + 1e-9);
				cells += 1;
				if (shown.value === e) exactly += 1;
				if (exact.n! < 2 * MIN) few.push(`${shown.value} for ${e}`);
			}
		}
		console.log(
			`medians: ${cells}, published exactly: ${exactly}; of ${MIN}–${2 * MIN - 1} records (published for exact): ${few.join(', ')}`
		);
		expect(cells).toBeGreaterThan(5);
		expect(exactly / cells).toBeLessThan(0.5);
	});
});

/** The monthly table of the /fraud page as served (HTML, in English): each month's cells, as the public or an analyst reads them. */
async function fraudMonthly(params: string, role: 'public' | 'analyst'): Promise<string[][]> {
	const response = await fetch(`${server.url}/fraud?${params}`, {
		headers: { 'accept-language': 'en', ...(role === 'analyst' ? { cookie: analyst } : {}) }
	});
	expect(response.status).toBe(200);
	const html = await response.text();
	const start = html.indexOf('aria-label="Data of the chart “Internet fraud incidents by month”"');
	expect(start, 'the monthly table').toBeGreaterThan(-1);
	const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
	return body
		.split('</tr>')
		.filter((row) => row.includes('<td'))
		.map((row) =>
			// The month heads its row (<th scope="row">), the figures follow.
			[...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) =>
				m[1]
					.replace(/<!--.*?-->/gs, '')
					.replace(/&lt;/g, '<')
					.trim()
			)
		);
}

/** A cell's text as a figure: a number, hidden ("<5"), hidden to protect another, or null ("no data"). */
const figure = (text: string): number | 'hidden' | 'protecting' | null =>
	text.startsWith('<')
		? 'hidden'
		: text === 'hidden to protect another figure'
			? 'protecting'
			: /\d/.test(text)
				? Number(text.replace(/\D/g, ''))
				: null;

describe('the fraud page', () => {
	it('shows a small monthly count as hidden, never as 0, and a month minus its visible article does not give the hidden one', async () => {
		let small = 0;
		for (const params of ['period=2025', 'period=2025&region=KZ-71', 'period=2025&region=KZ-75']) {
			const [shown, exact] = await Promise.all([fraudMonthly(params, 'public'), fraudMonthly(params, 'analyst')]);
			expect(shown.map((row) => row[0])).toEqual(exact.map((row) => row[0]));
			shown.forEach((row, i) => {
				const seen = row.map(figure);
				const truth = exact[i].map(figure);
				const where = `/fraud?${params}: ${row[0]}`;
				// Columns: month, incidents, damage, art. 190, art. 232-1.
				for (const column of [1, 3, 4]) {
					const t = truth[column];
					if (t === 0) expect(seen[column], where).toBe(0);
					// A figure hidden to protect another says so: it is no small count.
					if (seen[column] === 'protecting') expect(t, `${where}, column ${column}`).toBeGreaterThanOrEqual(MIN);
					if (typeof t !== 'number' || t === 0 || t >= MIN) continue;
					expect(seen[column], `${where}, column ${column}`).toBe('hidden');
					small += 1;
				}
				const [, incidents, , art190, art232] = seen;
				const hidden = [art190, art232].indexOf('hidden');
				if (typeof incidents !== 'number' || [art190, art232].filter((a) => a === 'hidden').length !== 1) return;
				const target = truth[3 + hidden];
				if (typeof target !== 'number' || target >= MIN) return;
				const other = hidden === 0 ? art232 : art190;
				// The other article hidden to protect this one: nothing to subtract.
				if (other === 'protecting') return;
				const visible = typeof other === 'number' ? other : 0;
				// The declared change of a count (±3) on the month's incidents and on the visible article (zeros stay zeros).
				const found = candidates(incidents - visible, 3 * (1 + (visible ? 1 : 0)));
				const attack = `${where}: incidents minus the visible article, estimate ${incidents - visible}, truth ${target}`;
				expect(found, attack).toContain(target);
				expect(found.length, attack).toBeGreaterThan(1);
				outcomes.push({ attack, estimate: incidents - visible, truth: target });
			});
		}
		expect(small).toBeGreaterThan(0);
	});
});

describe('the attacks together', () => {
	it('met perturbed figures: not every estimate is the truth', () => {
		expect(outcomes.length).toBeGreaterThan(3);
		expect(outcomes.some((o) => o.estimate !== o.truth)).toBe(true);
		console.log(`attacks: ${outcomes.length}, estimate not the truth: ${outcomes.filter((o) => o.estimate !== o.truth).length}`);
		// Each attack with its estimate and the truth, for docs/security.md.
		for (const o of outcomes) console.log(o.attack);
	});
});

describe('forecasts', () => {
	it('are made for the public from the protected monthly figures, and say so', async () => {
		const params = 'case_type=civil';
		const response = await fetchAs(`/api/indicators/incoming/forecast?${params}`, 'public');
		expect(response.status).toBe(200);
		const forecast = await response.json();
		expect(forecast.disclosure).toMatchObject({ method: 'cell_key', countNoise: 3 });
		expect(forecast.history.length).toBeGreaterThan(12);
		const from = forecast.history[0].period;
		const to = forecast.history.at(-1).period;
		const months = new Map<string, number | null>();
		const exact = new Map<string, number | null>();
		for (const year of new Set(forecast.history.map((h: { period: string }) => h.period.slice(0, 4)))) {
			for (const r of (await answer('incoming', `period=${year}&grain=month&${params}`)).rows) months.set(r.period!, r.value);
			for (const r of (await answer('incoming', `period=${year}&grain=month&${params}`, 'analyst')).rows) exact.set(r.period!, r.value);
		}
		const history = forecast.history as { period: string; value: number }[];
		expect(history.map((h) => h.value)).toEqual(history.map((h) => months.get(h.period)));
		expect(
			history.some((h) => h.value !== exact.get(h.period)),
			`${from}..${to}`
		).toBe(true);

		const staff = await (await fetchAs(`/api/indicators/incoming/forecast?${params}`, 'analyst')).json();
		expect(staff.disclosure).toBeNull();
		expect((staff.history as { period: string; value: number }[]).every((h) => h.value === exact.get(h.period))).toBe(true);
		// A union of filters is refused to the public here too.
		expect((await fetchAs('/api/indicators/incoming/forecast?region=KZ-75,KZ-71', 'public')).status).toBe(400);
	});
});

describe('the practice explorer', () => {
	it('gives the public nothing (its figures, some read beside the catalog, are for judges and above, who see exact figures)', async () => {
		for (const route of ['/practice', '/api/practice']) expect((await fetchAs(route, 'public')).status, route).toBe(401);
		expect((await fetchAs('/api/practice', 'analyst')).status).toBe(200);
	});
});

describe('the pages', () => {
	it('say that public figures are protected, and a second value clicked replaces the first', async () => {
		const browser = await launchBrowser();
		try {
			const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
			const page = await context.newPage();
			await page.goto(server.url + '/fraud');
			await expect(page.getByTestId('public-protection').textContent()).resolves.toContain(
				'Figures shown without signing in are protected'
			);
			const schemes = page.locator('figure.chart', { has: page.locator('g.bar[data-key="fake_bank_security"]') }).first();
			await schemes.locator('g.bar[data-key="fake_bank_security"]').click();
			await page.waitForURL((url) => url.searchParams.get('scheme') === 'fake_bank_security');
			await schemes.locator('g.bar[data-key="fake_police"]').click();
			await page.waitForURL((url) => url.searchParams.get('scheme') === 'fake_police');

			const staff = await browser.newContext({ locale: 'en-GB' });
			await loginAs(staff, server.url, 'analyst');
			const staffPage = await staff.newPage();
			await staffPage.goto(server.url + '/fraud');
			await staffPage.locator('footer').waitFor();
			expect(await staffPage.getByTestId('public-protection').count()).toBe(0);
		} finally {
			await browser.close();
		}
	});
});
