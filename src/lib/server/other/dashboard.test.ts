/**
 * The automatic dashboard of uploaded files, on real-shaped files (tests/fixtures/other): types
 * recognised, time from Year + Month columns and from period texts, total rows left out, top N
 * of M with the rest as Other, percent columns, a region column with a misspelled region.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardModel } from '../../domain/explore/model';
import { REGIONS } from '../../domain/regions';
import { parseRequest } from '../../domain/explore/request';
import { openTestDatabase, type TestDatabase } from '../ingest/test-db';
import { dashboard, unrecognisedRegions } from './dashboard';
import { openOther } from './dataset';
import { columnFacts } from './facts';

const fixture = (name: string) => fs.readFileSync(path.join('tests/fixtures/other', name));

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(() => t.close());

async function open(content: Buffer | string) {
	const outcome = await t.importBytes(content, { kind: 'other' });
	expect(outcome.status).toBe('committed');
	const other = (await openOther(t.db, outcome.datasetId!))!;
	const model = dashboardModel(other.columns, await columnFacts(t.db, other));
	const run = async (query: Record<string, string> = {}, all = false) => {
		const parsed = parseRequest(new URLSearchParams(query), model);
		if (!parsed.ok) throw new Error(`bad parameter ${parsed.parameter}`);
		return dashboard(t.db, other, model, parsed.request, all);
	};
	return { other, model, run };
}

describe('automatic dashboard', () => {
	it('reads monthly filings by Year and Month columns, with "2,527" numbers and leaderboards', async () => {
		const { other, model, run } = await open(fixture('monthly-filings.csv'));
		expect(other.columns.map((c) => c.type)).toEqual(['year', 'month', 'text', 'text', 'number']);
		expect(model.times.map((x) => x.id)).toEqual(['y0-1']);
		expect(model.measures.map((x) => x.id)).toEqual(['rows', '4']);
		expect(model.dimensions).toEqual([0, 1, 2, 3]);
		const data = await run();
		// Filings = 100·court + 10·type + month + 1000·(year − 2023), 3 courts × 3 types × 24 months.
		const perMonth = (y: number, month: number) => 9 * month + 3 * (100 + 200 + 300) + 3 * (10 + 20 + 30) + 9 * 1000 * (y - 2023);
		const total = [2023, 2024].flatMap((y) => Array.from({ length: 12 }, (_, i) => perMonth(y, i + 1))).reduce((a, b) => a + b, 0);
		expect(data.rows).toBe(216);
		expect(data.headlines[1]).toMatchObject({ measure: '4', aggregate: 'sum', total });
		expect(data.series).toHaveLength(24);
		expect(data.series[0]).toEqual({ period: '2023-01-01', value: perMonth(2023, 1) });
		expect(data.series.at(-1)).toEqual({ period: '2024-12-01', value: perMonth(2024, 12) });
		const yearly = await run({ grain: 'year' });
		expect(yearly.series.map((p) => p.period)).toEqual(['2023-01-01', '2024-01-01']);
		const courts = data.leaderboards.find((b) => b.column === 2)!;
		expect(courts.groups).toBe(3);
		expect(courts.rows.map((r) => r.key)).toEqual(['Family Court 1', 'District Court 2', 'Circuit Court 1']);
		expect(courts.other).toBeNull();
		// A filter on one court narrows every figure.
		const family = await run({ f: '2:Family Court 1' });
		expect(family.rows).toBe(72);
		expect(family.leaderboards.find((b) => b.column === 2)!.rows).toHaveLength(1);
	});

	it('lists the top N of M with the rest as Other, and all of them on request', async () => {
		const { run } = await open(fixture('monthly-filings.csv'));
		const months = (await run({ top: '5' })).leaderboards.find((b) => b.column === 1)!;
		expect(months.groups).toBe(12);
		expect(months.rows.map((r) => r.key)).toEqual(['12', '11', '10', '9', '8']);
		const all = (await run({})).headlines[1].total!;
		const listed = months.rows.reduce((sum, r) => sum + r.value!, 0);
		expect(months.other).toEqual({ groups: 7, value: all - listed, rows: 7 * 18 });
		const full = (await run({ top: '5', all: '1' })).leaderboards.find((b) => b.column === 1)!;
		expect(full.rows).toHaveLength(12);
		expect(full.other).toBeNull();
		// The median of the rest is taken over the rest's rows, not from the groups' medians.
		const median = (await run({ top: '5', agg: 'median' })).leaderboards.find((b) => b.column === 1)!;
		expect(median.other!.value).not.toBeNull();
	});

	it('keeps a region table\'s total row out of the groups, reads "4%" and "1 234", lists a misspelled region', async () => {
		const { other, model, run } = await open(fixture('regions-crime.csv'));
		expect(other.columns.map((c) => c.type)).toEqual(['region', 'number', 'number', 'percent']);
		expect(model.times).toEqual([]);
		const data = await run();
		expect(data.totalRows).toBe(1);
		expect(data.totalLabels).toEqual(['Республика Казахстан']);
		expect(data.rows).toBe(8);
		expect(data.headlines.find((h) => h.measure === '1')!.total).toBe(12000);
		expect(data.headlines.find((h) => h.measure === '3')).toMatchObject({ aggregate: 'avg' });
		const regions = data.leaderboards.find((b) => b.column === 0)!;
		expect(regions.rows.find((r) => r.key === 'KZ-75')!.value).toBe(3000);
		// The misspelled region is an empty group until it is given its code.
		expect(regions.rows.find((r) => r.key === '')!.value).toBe(1200);
		const unknown = await unrecognisedRegions(t.db, other);
		expect(unknown).toEqual([{ column: 0, values: [{ value: 'Карагандинкая область', rows: 1, suggestion: 'KZ-35' }] }]);
	});

	it('codes the regions after an unrecognised one that sorts first', async () => {
		const { run } = await open(
			'Регион;Дела\nАабайская обл;5\nг. Алматы;30\nг. Астана;20\nШымкент;10\nАкмолинская область;8\nЖамбылская область;7\n'
		);
		const regions = (await run()).leaderboards.find((b) => b.column === 0)!;
		expect(Object.fromEntries(regions.rows.map((r) => [r.key, r.value]))).toEqual({
			'KZ-75': 30,
			'KZ-71': 20,
			'KZ-79': 10,
			'KZ-11': 8,
			'KZ-31': 7,
			'': 5
		});
	});

	it('offers plain "Алматы" as the city when the column names the Almaty region otherwise', async () => {
		const { other } = await open(
			'Регион;Дела\nАлматы;30\nАлматинская область;12\nг. Астана;20\nШымкент;10\nАкмолинская область;8\nЖамбылская область;7\n'
		);
		expect(await unrecognisedRegions(t.db, other)).toEqual([{ column: 0, values: [{ value: 'Алматы', rows: 1, suggestion: 'KZ-75' }] }]);
		// Without the region beside it, either reading is as good: nothing is suggested.
		const alone = await open('Регион;Дела\nАлматы;30\nг. Астана;20\nШымкент;10\nАкмолинская область;8\nЖамбылская область;7\n');
		expect(await unrecognisedRegions(t.db, alone.other)).toEqual([{ column: 0, values: [{ value: 'Алматы', rows: 1, suggestion: null }] }]);
	});

	it('lists every region of a region column, beyond the top N (the map draws from it)', async () => {
		// Plain "Алматы" may be the city or the region: the file names the city.
		const name = (r: (typeof REGIONS)[number]) => (r.code === 'KZ-75' ? 'г. Алматы' : r.name.ru);
		const file = ['Region;Cases', ...REGIONS.map((r, i) => `${name(r)};${100 + i}`), 'Нет такой области;1'].join('\n') + '\n';
		const { run } = await open(file);
		const regions = (await run({ top: '5' })).leaderboards.find((b) => b.column === 0)!;
		expect(regions.groups).toBe(REGIONS.length + 1);
		expect(regions.rows.map((r) => r.key).sort()).toEqual([...REGIONS.map((r) => r.code), ''].sort());
		expect(regions.other).toBeNull();
	});

	it('reads period texts ("янв 2024") with a total row in the period column, and "1,250"', async () => {
		const { other, model, run } = await open(fixture('periods-mixed.csv'));
		expect(other.columns.map((c) => c.type)).toEqual(['period', 'text', 'number', 'number']);
		expect(model.times.map((x) => x.id)).toEqual(['c0']);
		const data = await run({ measure: '2' });
		expect(data.totalRows).toBe(1);
		expect(data.series).toEqual([
			{ period: '2024-01-01', value: 140 },
			{ period: '2024-02-01', value: 152 },
			{ period: '2024-03-01', value: 1275 }
		]);
	});

	it.each([
		['"2024-01"', ['2024-01', '2024-01', '2024-02'], 'month'],
		['"01.2024"', ['01.2024', '01.2024', '02.2024'], 'month'],
		['"2024-Q1"', ['2024-Q1', '2024-Q1', '2024-Q2'], 'quarter'],
		['"1 кв. 2024"', ['1 кв. 2024', '1 кв. 2024', '2 кв. 2024'], 'quarter']
	])('reads the period text %s as time', async (_, periods, grain) => {
		const { other, model, run } = await open(`Период,Дела\n${periods[0]},10\n${periods[1]},5\n${periods[2]},7\n`);
		expect(other.columns.map((c) => c.type)).toEqual(['period', 'number']);
		expect(model.times.map((x) => [x.id, x.grain])).toEqual([['c0', grain]]);
		const data = await run({ measure: '1' });
		const second = grain === 'month' ? '2024-02-01' : '2024-04-01';
		expect(data.series).toEqual([
			{ period: '2024-01-01', value: 15 },
			{ period: second, value: 7 }
		]);
	});

	it('reads time from a date column, by month', async () => {
		const { other, model, run } = await open('Дата,Дела\n2024-01-05,10\n2024-01-31,5\n2024-03-01,7\n');
		expect(other.columns.map((c) => c.type)).toEqual(['date', 'number']);
		expect(model.times.map((x) => [x.id, x.grain])).toEqual([['c0', 'month']]);
		const data = await run({ measure: '1' });
		expect(data.series).toEqual([
			{ period: '2024-01-01', value: 15 },
			{ period: '2024-03-01', value: 7 }
		]);
	});

	it('reads time from Year, Month and Day columns', async () => {
		const { other, model, run } = await open('Year,Month,Day,Cases\n2024,1,5,10\n2024,1,31,5\n2024,3,1,7\n');
		expect(other.columns.map((c) => c.type)).toEqual(['year', 'month', 'day', 'number']);
		expect(model.times.map((x) => [x.id, x.spec])).toEqual([['y0-1-2', { kind: 'parts', year: 0, month: 1, day: 2 }]]);
		const data = await run({ measure: '3' });
		expect(data.series).toEqual([
			{ period: '2024-01-01', value: 15 },
			{ period: '2024-03-01', value: 7 }
		]);
		// The day places a row within its month: a range ending on 30 January leaves the 31st out.
		expect((await run({ measure: '3', from: '2024-01-01', to: '2024-01-30' })).series).toEqual([{ period: '2024-01-01', value: 10 }]);
	});

	it('offers every measure of a wide table, a dozen headlines first', async () => {
		const header = ['Court', ...Array.from({ length: 60 }, (_, i) => `Measure ${i + 1}`)];
		const rows = Array.from({ length: 30 }, (_, r) => [`Court ${r + 1}`, ...Array.from({ length: 60 }, (_, i) => String(r * i))]);
		const { model, run } = await open([header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
		expect(model.measures).toHaveLength(61);
		const data = await run();
		expect(data.headlines).toHaveLength(12);
		expect(data.measures).toBe(61);
		expect((await run({}, true)).headlines).toHaveLength(61);
		const courts = data.leaderboards.find((b) => b.column === 0)!;
		expect(courts.groups).toBe(30);
		expect(courts.rows).toHaveLength(10);
		expect(courts.other!.groups).toBe(20);
	});

	it('refuses parameters that do not fit the dataset, naming them', async () => {
		const { model } = await open(fixture('regions-crime.csv'));
		expect(parseRequest(new URLSearchParams({ time: 'c9' }), model)).toEqual({ ok: false, parameter: 'time' });
		expect(parseRequest(new URLSearchParams({ measure: '0' }), model)).toEqual({ ok: false, parameter: 'measure' });
		expect(parseRequest(new URLSearchParams({ agg: 'count', measure: '1' }), model)).toEqual({ ok: false, parameter: 'agg' });
		expect(parseRequest(new URLSearchParams({ f: '99:x' }), model)).toEqual({ ok: false, parameter: 'f' });
		expect(parseRequest(new URLSearchParams({ top: '100000' }), model)).toEqual({ ok: false, parameter: 'top' });
	});
});
