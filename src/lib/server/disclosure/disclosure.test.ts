/**
 * Attacks on the public figures, on the hand-computed fixture (tests/fixtures): each takes what
 * the public is shown and tries to recover a count under MIN_COUNT, checked against what an
 * analyst sees. Each must fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { INDICATORS, indicatorById, type Indicator } from '../../domain/catalog';
import type { Access } from '../../domain/roles';
import type { Database } from '../db/database';
import { compileMeasure } from '../metrics/compile';
import { deadlines } from '../metrics/deadlines';
import { runIndicator, type ResultRow } from '../metrics/run';
import { fraudView } from '../views/fraud';
import {
	AMOUNT_NOISE,
	cellKey,
	COUNT_NOISE,
	partKinds,
	perturbAmount,
	perturbCount,
	perturbQuantile,
	QUANTILE_DIGITS,
	QUANTILE_NOISE
} from './perturb';
import { countParts } from './suppress';

const PUBLIC: Access = { role: 'public', minCount: 5 };
const ANALYST: Access = { role: 'analyst', minCount: 5 };

let db: Database;
beforeAll(async () => {
	db = await createFixtureDatabase();
});
afterAll(() => db.close());

async function rows(id: string, params: string, access: Access): Promise<ResultRow[]> {
	const result = await runIndicator(db, indicatorById(id)!, viewQuery(params), access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value.rows;
}

const small = (x: number | null) => x !== null && x > 0 && x < PUBLIC.minCount;

describe('one request with the parts of a rate', () => {
	it('never publishes a numerator or denominator count under the minimum, for any indicator and breakdown', async () => {
		const found: string[] = [];
		for (const indicator of INDICATORS) {
			const parts = countParts(indicator.measure);
			for (const params of ['period=2024', 'period=2024&by=region', 'period=2025&by=region', 'period=2024&by=court']) {
				const result = await runIndicator(db, indicator, viewQuery(params), PUBLIC);
				if (!result.ok) continue;
				for (const row of result.value.rows) {
					if (small(row.n) || (parts.numerator && small(row.numerator)) || (parts.denominator && small(row.denominator)))
						found.push(`${indicator.id}?${params}: ${JSON.stringify(row)}`);
				}
			}
		}
		expect(found).toEqual([]);
	});
});

describe('a total minus the visible cells of its breakdown', () => {
	it('does not pin a hidden cell', async () => {
		const attacks: [string, string, string][] = [
			['incoming', 'period=2024', 'region'],
			['resolved', 'period=2024', 'court'],
			['fraud_incidents', 'period=2025', 'region'],
			['fraud_incidents', 'period=2025', 'scheme'],
			['fraud_incidents', 'period=2025&grain=month', 'article']
		];
		let tried = 0;
		for (const [id, params, by] of attacks) {
			const totals = new Map((await rows(id, params, PUBLIC)).map((r) => [r.period, r.value]));
			const shown = await rows(id, `${params}&by=${by}`, PUBLIC);
			const exact = await rows(id, `${params}&by=${by}`, ANALYST);
			for (const [i, cell] of shown.entries()) {
				// The small counts are what must stay hidden (a cell hidden to protect another may be larger).
				if (!cell.suppressed || !small(exact[i].value)) continue;
				const total = totals.get(cell.period);
				if (total === null || total === undefined) continue;
				const visible = shown.filter((r) => r.period === cell.period && !r.suppressed);
				const hidden = shown.filter((r) => r.period === cell.period && r.suppressed).length;
				const estimate = total - visible.reduce((sum, r) => sum + r.value!, 0);
				// What the attacker can tell: each published term may have changed by COUNT_NOISE; the other hidden cells hold at least 1 each.
				const bound = COUNT_NOISE * (1 + visible.filter((r) => r.value !== 0).length);
				const consistent = [1, 2, 3, 4].filter((x) =>
					hidden === 1 ? Math.abs(estimate - x) <= bound : x <= estimate - (hidden - 1) + bound
				);
				const where = `${id}?${params}&by=${by}: ${cell[by]} ${String(cell.period ?? '')}`;
				tried += 1;
				expect(consistent, where).toContain(exact[i].value);
				expect(consistent.length, where).toBeGreaterThan(1);
			}
		}
		expect(tried).toBeGreaterThan(0);
	});
});

describe('a cell hidden to protect another (complementary suppression)', () => {
	it('says so, not "<5": it may hold many records; a cell hidden for few records says nothing else', async () => {
		const breakdowns: [string, string][] = [
			['incoming', 'period=2024&by=region'],
			['resolved', 'period=2024&by=court'],
			['fraud_incidents', 'period=2025&by=region'],
			['fraud_incidents', 'period=2025&by=scheme'],
			['fraud_incidents', 'period=2025&grain=month&by=article']
		];
		let protecting = 0;
		for (const [id, params] of breakdowns) {
			const shown = await rows(id, params, PUBLIC);
			const exact = await rows(id, params, ANALYST);
			shown.forEach((cell, i) => {
				if (!cell.suppressed) return;
				const where = `${id}?${params}: ${JSON.stringify(exact[i])}`;
				if (cell.hidden === 'protects_other') {
					protecting += 1;
					expect(exact[i].n, where).toBeGreaterThanOrEqual(PUBLIC.minCount);
				} else {
					expect(cell.hidden, where).toBeUndefined();
					expect(small(exact[i].n), where).toBe(true);
				}
			});
		}
		expect(protecting).toBeGreaterThan(0);
		// The fraud page's monthly table says which of a month's hidden figures protect another (the fixture may have none).
		const months = await fraudView(db, PUBLIC, viewQuery('period=2025'));
		const truth = await fraudView(db, ANALYST, viewQuery('period=2025'));
		const said = months.monthly.flatMap((month, i) =>
			month.protecting.map((key) => {
				expect(month.hidden).toContain(key);
				return truth.monthly[i][key];
			})
		);
		for (const value of said) expect(value).toBeGreaterThanOrEqual(PUBLIC.minCount);
	});
});

describe('overlapping date ranges', () => {
	it('cannot be asked by the public: periods are calendar months, quarters or years', async () => {
		const { boundPeriod } = await import('../limits/period');
		for (const range of ['from=2024-01-10&to=2024-01-10', 'from=2024-01-01&to=2024-02-29', 'from=2024-02-01&to=2024-04-30'])
			expect(await boundPeriod(db, viewQuery(range), PUBLIC), range).toMatchObject({
				ok: false,
				errors: [{ param: 'from', code: 'calendar_period' }]
			});
		for (const range of [
			'from=2024-02-01&to=2024-02-29',
			'from=2024-01-01&to=2024-03-31',
			'from=2024-01-01&to=2024-12-31',
			'period=2024-Q2'
		])
			expect(await boundPeriod(db, viewQuery(range), PUBLIC), range).toMatchObject({ ok: true });
		expect(await boundPeriod(db, viewQuery('from=2024-01-10&to=2024-02-10'), ANALYST)).toMatchObject({ ok: true });
	});
});

describe('the fraud page', () => {
	it('shows a hidden monthly figure as hidden, never as 0, and leaves no month with one article hidden', async () => {
		const exact = await fraudView(db, ANALYST, viewQuery('period=2025'));
		const shown = await fraudView(db, PUBLIC, viewQuery('period=2025'));
		shown.monthly.forEach((month, i) => {
			for (const key of ['art190', 'art232'] as const) {
				const truth = exact.monthly[i][key];
				if (small(truth)) {
					expect(month.hidden, `${month.period} ${key}`).toContain(key);
					expect(month[key]).toBeNull();
				}
			}
			// With both articles in force, one hidden beside the other would follow from the month's total, when it is shown.
			const inForce = month.art232 !== null || month.hidden.includes('art232');
			if (inForce && !month.hidden.includes('incidents'))
				expect(month.hidden.filter((k) => k === 'art190' || k === 'art232').length, month.period).not.toBe(1);
		});
	});
});

describe('the perturbation (cell key method)', () => {
	it('changes a count by at most ±3 with the chances of its table, with no bias above the minimum', () => {
		const changes = new Map<number, number>();
		let sum = 0;
		const counts = Array.from({ length: 20000 }, (_, i) => i + 50);
		for (const n of counts) {
			const d = perturbCount(n, 'test-secret', 5) - n;
			changes.set(d, (changes.get(d) ?? 0) + 1);
			sum += d;
		}
		const chances = { '-3': 0.05, '-2': 0.1, '-1': 0.2, '0': 0.3, '1': 0.2, '2': 0.1, '3': 0.05 };
		expect([...changes.keys()].sort()).toEqual(Object.keys(chances).map(Number).sort());
		for (const [d, chance] of Object.entries(chances)) expect(changes.get(Number(d))! / counts.length, d).toBeCloseTo(chance, 1);
		expect(Math.abs(sum / counts.length)).toBeLessThan(0.05);
		expect(perturbCount(0, 'test-secret', 5)).toBe(0);
		for (let n = 5; n < 200; n++) expect(perturbCount(n, 'test-secret', 5)).toBeGreaterThanOrEqual(5);
	});

	it('gives equal counts of different records (their keys summed) unrelated changes, and the same records the same', () => {
		const changes = Array.from({ length: 2000 }, (_, i) => perturbCount(40, 's', 5, 1_000_003 * i) - 40);
		expect(new Set(changes).size).toBe(7);
		expect(perturbCount(40, 's', 5, 123)).toBe(perturbCount(40, 's', 5, 123));
		expect(perturbAmount(500_000, 10, 's', 123)).toBe(perturbAmount(500_000, 10, 's', 123));
	});

	it('changes a quantile by at most ±5 % and rounds it to two significant digits', () => {
		const medians = Array.from({ length: 2000 }, (_, i) => 1000 + i * 37);
		const shown = medians.map((q, i) => perturbQuantile(q, 's', i));
		shown.forEach((p, i) => {
			expect(Number(p.toPrecision(QUANTILE_DIGITS))).toBe(p);
			expect(Math.abs(p - medians[i])).toBeLessThanOrEqual(QUANTILE_NOISE * medians[i] + 10 ** (Math.floor(Math.log10(p)) - 1) / 2);
		});
		expect(shown.filter((p, i) => p === medians[i]).length).toBeLessThan(medians.length / 10);
		expect(perturbQuantile(0, 's')).toBe(0);
	});

	it('never publishes a small quantile exactly (rounding to whole days would undo a change under half a day)', () => {
		// Medians of days as they come: whole days and the means of two (x.5), from 5 to 150, under many cell keys.
		const medians = Array.from({ length: 291 }, (_, i) => 5 + i / 2);
		let exact = 0;
		for (let key = 0; key < 40; key += 1)
			for (const q of medians) {
				const p = perturbQuantile(q, 's', key);
				if (p === q) exact += 1;
				expect(Number(p.toPrecision(QUANTILE_DIGITS)), `${q} → ${p}`).toBe(p);
				// Within the declared change and half the rounding step of the published digits.
				expect(Math.abs(p - q), `${q} → ${p}`).toBeLessThanOrEqual(QUANTILE_NOISE * q + 10 ** (Math.floor(Math.log10(p)) - 1) / 2 + 1e-9);
			}
		expect(exact).toBe(0);
	});

	it('depends on the secret and on the exact figure (and its records)', () => {
		expect(cellKey('a', 'count', 17)).toBe(cellKey('a', 'count', 17));
		expect(cellKey('a', 'count', 17)).not.toBe(cellKey('b', 'count', 17));
		expect(cellKey('a', 'count', 17)).not.toBe(cellKey('a', 'amount', 17));
		// An amount of 10 records changes by at most 2.5 of their mean amount: a quarter of it.
		const changes = Array.from({ length: 2000 }, (_, i) => 1_000_000 + i * 7919).map((a) => (perturbAmount(a, 10, 's') - a) / a);
		expect(Math.max(...changes.map(Math.abs))).toBeLessThanOrEqual(AMOUNT_NOISE / 10 + 1e-6);
		expect(Math.max(...changes.map(Math.abs))).toBeGreaterThan(0.2);
		expect(perturbAmount(0, 10, 's')).toBe(0);
	});
});

describe('cell keys of figures whose records have no identifier', () => {
	it('come from the records behind them (forms by reporting unit and period, judges by theirs), not from the exact figure alone', async () => {
		const measures: [string, Indicator['measure'], ('numerator_key' | 'denominator_key' | 'n_key')[]][] = [
			['incoming from the forms', indicatorById('incoming')!.formMeasure!, ['numerator_key', 'n_key']],
			['judge workload', indicatorById('judge_workload')!.measure, ['numerator_key', 'denominator_key', 'n_key']],
			['spread of judge workload', indicatorById('judge_workload_spread')!.measure, ['numerator_key', 'denominator_key', 'n_key']]
		];
		for (const [what, measure, keys] of measures) {
			const compiled = compileMeasure({
				measure,
				from: '2024-01-01',
				to: '2024-12-31',
				by: ['court'],
				filters: {},
				deadlines: deadlines()
			});
			const found = (await db.query<ResultRow>(compiled.sql, compiled.params)).filter((r) => (r.n ?? 0) > 0);
			expect(found.length, what).toBeGreaterThan(0);
			for (const row of found) for (const key of keys) expect(row[key], `${what}: ${key} of ${JSON.stringify(row)}`).not.toBeNull();
			// Different records, different keys: not one key per exact figure.
			expect(new Set(found.map((r) => r.n_key)).size, what).toBe(found.length);
		}
	});
});

describe('public figures', () => {
	const QUERIES = ['period=2024', 'period=2025', 'period=2025&by=region', 'period=2024&by=court', 'period=2025&grain=quarter'];

	it('stay within the documented change of the exact figure, keep zeros, and a rate is the formula of its own parts', async () => {
		let checked = 0;
		for (const indicator of INDICATORS) {
			const kinds = partKinds(indicator.measure);
			for (const params of QUERIES) {
				const exact = await runIndicator(db, indicator, viewQuery(params), ANALYST);
				const shown = await runIndicator(db, indicator, viewQuery(params), PUBLIC);
				if (!exact.ok || !shown.ok) continue;
				shown.value.rows.forEach((row, i) => {
					const truth = exact.value.rows[i];
					const where = `${indicator.id}?${params} row ${i}`;
					if (row.suppressed || row.missing) return;
					if (truth.n === 0) expect(row.n, where).toBe(0);
					if (truth.n !== null) expect(Math.abs(row.n! - truth.n), where).toBeLessThanOrEqual(COUNT_NOISE);
					for (const part of ['numerator', 'denominator'] as const) {
						const x = truth[part];
						if (x === null || row[part] === null) continue;
						if (kinds[part] === 'count') expect(Math.abs(row[part]! - x), where).toBeLessThanOrEqual(COUNT_NOISE);
						if (kinds[part] === 'amount') expect(Math.abs(row[part]! - x), where).toBeLessThanOrEqual((AMOUNT_NOISE * x) / truth.n! + 0.5);
						if (x === 0) expect(row[part], where).toBe(0);
					}
					if (row.value === null || truth.value === null) return;
					checked += 1;
					if (kinds.numerator && kinds.denominator === null && ['count', 'stock', 'form', 'sum'].includes(indicator.measure.kind))
						expect(row.value, where).toBe(row.numerator);
					else if (row.numerator && truth.numerator && row.denominator && truth.denominator && kinds.numerator)
						// value = numerator ÷ denominator × scale, the scale being the exact figure's own.
						expect((row.value * row.denominator) / row.numerator, where).toBeCloseTo(
							(truth.value * truth.denominator) / truth.numerator,
							6
						);
				});
			}
		}
		expect(checked).toBeGreaterThan(20);
	}, 180_000);

	it('are the same for the same records, in whatever request they are asked for', async () => {
		const value = async (id: string, params: string, key?: [string, string]) => {
			const found = (await rows(id, params, PUBLIC)).find((r) => !key || r[key[0]] === key[1]);
			return found?.value;
		};
		const incidents = await value('fraud_incidents', 'period=2025');
		expect(incidents).toBeTypeOf('number');
		expect(await value('fraud_incidents', 'from=2025-01-01&to=2025-12-31')).toBe(incidents);
		expect((await rows('fraud_damage', 'period=2025', PUBLIC))[0].n).toBe(incidents);
		expect(await value('fraud_incidents', 'period=2025&by=region', ['region', 'KZ-75'])).toBe(
			await value('fraud_incidents', 'period=2025&region=KZ-75')
		);
		const resolved = await value('resolved', 'period=2024');
		expect((await rows('clearance_rate', 'period=2024', PUBLIC))[0].numerator).toBe(resolved);
	});

	it('refuse a filter by several values, which could be subtracted from its parts', async () => {
		const refused = await runIndicator(
			db,
			indicatorById('fraud_incidents')!,
			viewQuery('period=2025&scheme=fake_bank_security,fake_police'),
			PUBLIC
		);
		expect(refused).toMatchObject({ ok: false, errors: [{ param: 'scheme', code: 'one_value' }] });
		const exact = await runIndicator(
			db,
			indicatorById('fraud_incidents')!,
			viewQuery('period=2025&scheme=fake_bank_security,fake_police'),
			ANALYST
		);
		expect(exact).toMatchObject({ ok: true, value: { rows: [{ value: 4 }] } });
	});
});

describe('measures of indicators defined as data', () => {
	const damage = indicatorById('fraud_damage')!;
	const as = (kind: 'max' | 'min' | 'count_distinct', expr: string): Indicator => ({
		...damage,
		id: `defined_${kind}`,
		measure: { kind, fact: 'fraud', event: 'registered', expr }
	});

	it('a smallest or largest value (one record’s) is hidden from the public wherever records are behind it', async () => {
		for (const indicator of [as('max', 'damage_kzt'), as('min', 'damage_kzt')]) {
			const exact = await runIndicator(db, indicator, viewQuery('period=2025&by=region'), ANALYST);
			const shown = await runIndicator(db, indicator, viewQuery('period=2025&by=region'), PUBLIC);
			if (!exact.ok || !shown.ok) throw new Error('runs');
			expect(exact.value.rows.filter((r) => r.value !== null).length).toBeGreaterThan(0);
			expect(shown.value.rows.map((r) => [r.value, Boolean(r.suppressed)])).toEqual(exact.value.rows.map((r) => [null, r.value !== null]));
		}
	});

	it('a number of distinct values is protected as the count it may be (of incidents: the same figure as the count)', async () => {
		const distinct = as('count_distinct', 'incident_id');
		for (const params of ['period=2025', 'period=2025&by=region', 'period=2024&grain=month']) {
			const shown = await runIndicator(db, distinct, viewQuery(params), PUBLIC);
			if (!shown.ok) throw new Error('runs');
			expect(
				shown.value.rows.map((r) => [r.value, Boolean(r.suppressed)]),
				params
			).toEqual((await rows('fraud_incidents', params, PUBLIC)).map((r) => [r.value, Boolean(r.suppressed)]));
		}
	});
});
