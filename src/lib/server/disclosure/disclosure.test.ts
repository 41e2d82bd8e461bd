/**
 * Attacks on the public figures, on the hand-computed fixture (tests/fixtures): each takes what
 * the public is shown and tries to recover a count under MIN_COUNT, checked against what an
 * analyst sees. Each must fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { INDICATORS, indicatorById } from '../../domain/catalog';
import type { Access } from '../../domain/roles';
import type { Database } from '../db/database';
import { runIndicator, type ResultRow } from '../metrics/run';
import { fraudView } from '../views/fraud';
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
	it('does not give the hidden cell', async () => {
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
				if (!cell.suppressed) continue;
				const total = totals.get(cell.period);
				if (total === null || total === undefined) continue;
				const visible = shown.filter((r) => r.period === cell.period && !r.suppressed).reduce((sum, r) => sum + r.value!, 0);
				tried += 1;
				expect(total - visible, `${id}?${params}&by=${by}: ${cell[by]} ${String(cell.period ?? '')}`).not.toBe(exact[i].value);
			}
		}
		expect(tried).toBeGreaterThan(0);
	});
});

describe('overlapping date ranges', () => {
	it('cannot be asked by the public: periods are calendar months, quarters or years', async () => {
		const { boundPeriod } = await import('../limits/period');
		for (const range of ['from=2024-01-10&to=2024-01-10', 'from=2024-01-01&to=2024-02-29', 'from=2024-02-01&to=2024-04-30'])
			expect(await boundPeriod(db, viewQuery(range), PUBLIC), range).toMatchObject({ ok: false, errors: [{ param: 'from', code: 'calendar_period' }] });
		for (const range of ['from=2024-02-01&to=2024-02-29', 'from=2024-01-01&to=2024-03-31', 'from=2024-01-01&to=2024-12-31', 'period=2024-Q2'])
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
