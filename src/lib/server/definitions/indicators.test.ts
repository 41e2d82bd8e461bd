/**
 * Indicators defined as data, compiled by the metrics layer and run on a real DuckDB file: the
 * fixtures' canonical data and an uploaded file of monthly filings (tests/fixtures/other), each
 * figure computed by hand from the file's formula.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorById } from '../../domain/catalog';
import { parseQuery, type ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { createFixtureDatabase, FIXTURES } from '../../../../tests/support/fixture-db';
import type { Database } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { runImport } from '../ingest/pipeline';
import { unavailableMessage } from '../forecast/api';
import { forecastIndicator } from '../forecast/forecast';
import { kpiFigures } from '../metrics/kpis';
import { runIndicator } from '../metrics/run';
import { findIndicator, indicatorsInForce } from './indicators';
import { saveDefinitions } from './store';

const ANALYST = { role: 'analyst', minCount: 5 } as Access;
const PUBLIC = { role: 'public', minCount: 5 } as Access;

let db: Database;

const hawaii = (id: string, measure: unknown, extra: Record<string, unknown> = {}) => ({
	id,
	dataset: 'Hawaii filings',
	name: { ru: id, kk: id, en: id },
	measure,
	time: { year: 'Year', month: 'Month' },
	dimensions: ['Court', 'Case Type'],
	...extra
});

beforeAll(async () => {
	db = await createFixtureDatabase();
	const outcome = await runImport(
		db,
		Readable.from([fs.readFileSync(path.join(FIXTURES, 'other/monthly-filings.csv'))]),
		{ mode: 'append', sourceName: 'monthly-filings.csv', actor: 'test', kind: 'other', name: 'Hawaii filings' },
		{ workDir: path.join(path.dirname(db.path), 'work'), rejectThreshold: 0.01 }
	);
	expect(outcome.status).toBe('committed');
	const saved = await saveDefinitions(
		db,
		[
			hawaii('filings', { agg: 'sum', column: 'Filings' }, { unit: 'count', better: 'higher', thresholds: { warn: 12000, bad: 11000 } }),
			hawaii(
				'criminal_share',
				{
					ratio: {
						numerator: { agg: 'sum', column: 'Filings', filters: [{ column: 'Case Type', op: 'eq', value: 'Criminal' }] },
						denominator: { agg: 'sum', column: 'Filings' }
					},
					scale: 100
				},
				{ unit: 'percent' }
			),
			hawaii('rows_not_traffic', { agg: 'count', filters: [{ column: 'Case Type', op: 'ne', value: 'Traffic' }] }),
			hawaii('courts', { agg: 'count_distinct', column: 'Court' }),
			hawaii('mean_filings', { agg: 'avg', column: 'Filings' }),
			hawaii('median_filings', { agg: 'median', column: 'Filings' }),
			hawaii('least_filings', { agg: 'min', column: 'Filings', filters: [{ column: 'Filings', op: 'gt', value: 200 }] }),
			hawaii('most_filings', { agg: 'max', column: 'Filings' }),
			{
				id: 'civil_filed',
				dataset: 'Fixture cases',
				name: { ru: 'Гражданские', kk: 'Азаматтық', en: 'Civil filed' },
				measure: { agg: 'count', filters: [{ column: 'case_type', op: 'eq', value: 'civil' }] },
				time: { column: 'filed_date' },
				dimensions: ['region', 'instance', 'e_filed']
			}
		],
		'add',
		'analyst1'
	);
	expect(saved.ok).toBe(true);
	bumpDataRevision();
});
afterAll(() => db.close());

/** Filings = 100·court + 10·type + month + 1000·(year − 2023): 3 courts, 3 case types (Civil 10, Criminal 20, Traffic 30), 2023–2024. */
const filings = (court: number, type: number, month: number, year = 2024) => 100 * court + 10 * type + month + 1000 * (year - 2023);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const january = [1, 2, 3].flatMap((court) => [1, 2, 3].map((type) => filings(court, type, 1)));

async function run(id: string, params: string, access = ANALYST) {
	const indicator = (await findIndicator(db, id))!;
	const parsed = parseQuery(new URLSearchParams(params), [], indicator.defined?.dimensions);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const result = await runIndicator(db, indicator, parsed.value, access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

describe('indicators defined as data', () => {
	it('are in force beside the catalog, with their dataset columns as dimensions', async () => {
		const all = await indicatorsInForce(db);
		expect(all.filter((i) => i.defined).map((i) => i.id)).toEqual([
			'civil_filed',
			'courts',
			'criminal_share',
			'filings',
			'least_filings',
			'mean_filings',
			'median_filings',
			'most_filings',
			'rows_not_traffic'
		]);
		const filingsIndicator = all.find((i) => i.id === 'filings')!;
		expect(filingsIndicator.defined!.dimensions.map((d) => [d.id, d.label.en])).toEqual([
			['court', 'Court'],
			['case_type', 'Case Type']
		]);
		// Canonical fields the catalog has a dimension of are that dimension.
		const civil = all.find((i) => i.id === 'civil_filed')!;
		expect(civil.defined!.dimensions.map((d) => d.id)).toEqual(['region', 'instance', 'e_filed']);
		expect(civil.defined!.dimensions[2]).toMatchObject({ label: { en: 'E-filed' }, values: { kind: 'text' } });
	});

	it('a sum by month defaults to the last 12 months of its own data', async () => {
		const result = await run('filings', 'grain=month');
		expect(result.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
		expect(result.rows).toHaveLength(12);
		expect(result.rows[0]).toMatchObject({ period: '2024-01-01', value: sum(january) });
		expect(result.rows[11].value).toBe(sum([1, 2, 3].flatMap((c) => [1, 2, 3].map((t) => filings(c, t, 12)))));
	});

	it('a ratio with a filter equals the formula of its parts, by a column and filtered by another', async () => {
		const [row] = (await run('criminal_share', 'from=2024-01-01&to=2024-01-31')).rows;
		const criminal = sum([1, 2, 3].map((court) => filings(court, 2, 1)));
		expect(row).toMatchObject({ numerator: criminal, denominator: sum(january) });
		expect(row.value).toBeCloseTo((100 * criminal) / sum(january), 10);

		const byCourt = await run('filings', 'period=2024&by=court&case_type=Civil,Traffic');
		const expected = (court: number) => sum(Array.from({ length: 12 }, (_, m) => filings(court, 1, m + 1) + filings(court, 3, m + 1)));
		expect(byCourt.rows.map((r) => [r.court, r.value])).toEqual([
			['Circuit Court 1', expected(1)],
			['District Court 2', expected(2)],
			['Family Court 1', expected(3)]
		]);
	});

	it('counts, distinct counts, mean, median, least and greatest values', async () => {
		const q = 'from=2024-01-01&to=2024-01-31';
		expect((await run('rows_not_traffic', q)).rows[0].value).toBe(6);
		expect((await run('courts', q)).rows[0].value).toBe(3);
		const mean = await run('mean_filings', q);
		expect(mean.rows[0]).toMatchObject({ numerator: sum(january), denominator: 9 });
		expect(mean.rows[0].value).toBeCloseTo(sum(january) / 9, 10);
		expect((await run('median_filings', q)).rows[0].value).toBe([...january].sort((a, b) => a - b)[4]);
		expect((await run('least_filings', q)).rows[0].value).toBe(Math.min(...january.filter((x) => x > 200)));
		expect((await run('most_filings', q)).rows[0].value).toBe(Math.max(...january));
	});

	it('on a canonical dataset, gives the figure of the same count in the catalog', async () => {
		const defined = await run('civil_filed', 'period=2024&by=region');
		const incoming = await runIndicator(
			db,
			indicatorById('incoming')!,
			{ ...(parseQuery(new URLSearchParams('period=2024&by=region&case_type=civil')) as { value: ViewQuery }).value },
			ANALYST
		);
		expect(incoming.ok && defined.rows.map((r) => [r.region, r.value])).toEqual(
			incoming.ok && incoming.value.rows.map((r) => [r.region, r.value])
		);
	});

	it('hides small counts from the public and says "no data" outside its dataset', async () => {
		// Three rows per court, case type and month: under MIN_COUNT.
		const hidden = await run('rows_not_traffic', 'from=2024-01-01&to=2024-01-31&by=court', PUBLIC);
		expect(hidden.rows.every((r) => r.suppressed && r.value === null)).toBe(true);
		const kpis = await kpiFigures(
			db,
			['filings', 'criminal_share'],
			{ by: [], filters: {}, period: { kind: 'year', year: 2025 } },
			ANALYST
		);
		expect(kpis.map((k) => k.missing)).toEqual(['no_data', 'no_data']);
	});

	it('perturbs equal counts of different rows unrelatedly for the public, and the same rows alike in every request', async () => {
		// Six rows (not traffic) in each of the file's 24 months: equal exact counts of different rows. Were the
		// change a function of the exact count (the file's rows have no identifier), every month would publish the same.
		const months = [
			...(await run('rows_not_traffic', 'period=2023&grain=month', PUBLIC)).rows,
			...(await run('rows_not_traffic', 'period=2024&grain=month', PUBLIC)).rows
		];
		expect(months).toHaveLength(24);
		let same = 0;
		let pairs = 0;
		months.forEach((a, i) =>
			months.slice(i + 1).forEach((b) => {
				pairs += 1;
				if (a.value === b.value) same += 1;
			})
		);
		// Independent changes of a 6 (cut at MIN_COUNT 5) agree in 26.5 % of pairs.
		expect(same / pairs).toBeLessThan(0.5);
		const [march] = (await run('rows_not_traffic', 'from=2024-03-01&to=2024-03-31', PUBLIC)).rows;
		expect(march.value).toBe(months.find((r) => r.period === '2024-03-01')!.value);
	});

	it('the overview batch gives the figures a single query gives', async () => {
		const query: ViewQuery = { by: [], filters: { case_type: ['Criminal'] }, period: { kind: 'year', year: 2024 } };
		const [batch] = await kpiFigures(db, ['filings'], query, ANALYST);
		const single = await run('filings', 'period=2024&case_type=Criminal');
		expect(batch.value).toBe(single.rows[0].value);
		expect(batch.months).toHaveLength(12);
	});

	it("a largest value is not forecast for the public, which may not see it (one record's value), and the forecast says why", async () => {
		const most = (await findIndicator(db, 'most_filings'))!;
		const forecast = await forecastIndicator(db, most, { by: [], filters: {} }, PUBLIC);
		if (!forecast.ok) throw new Error(JSON.stringify(forecast.errors));
		expect(forecast.value).toMatchObject({ status: 'one_record', history: [], rows: [] });
		expect(unavailableMessage(forecast.value, PUBLIC.minCount)).toBe(
			'Прогноза нет: показатель — значение одной записи (наименьшее или наибольшее), оно не показывается без входа в систему. Сотрудники, вошедшие в систему, видят его.'
		);
		const exact = await forecastIndicator(db, most, { by: [], filters: {} }, ANALYST);
		expect(exact.ok && exact.value.status).not.toBe('one_record');
	});

	it('a count is forecast from the monthly history of its own data', async () => {
		const forecast = await forecastIndicator(db, (await findIndicator(db, 'filings'))!, { by: [], filters: {} }, ANALYST);
		if (!forecast.ok) throw new Error(JSON.stringify(forecast.errors));
		expect(forecast.value.asOf).toBe('2024-12-31');
		// The months before the file's are no data, not zeros; its 2023 months, a fifth of 2024's
		// (1000 more per row), are read as the records' run-in, and 12 months are too few.
		expect(forecast.value).toMatchObject({ status: 'too_short', runIn: 12, months: 12 });
		expect(forecast.value.history[0]).toEqual({ period: '2024-01-01', value: sum(january) });
		expect(forecast.value.history.at(-1)).toEqual({
			period: '2024-12-01',
			value: sum([1, 2, 3].flatMap((c) => [1, 2, 3].map((t) => filings(c, t, 12))))
		});
	});
});
