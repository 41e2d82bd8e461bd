/** Request limits on the fixture database: periods held to the data, costs estimated, slots and queue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureDatabase, viewQuery } from '../../../../tests/support/fixture-db';
import { QueryStopped, type Database } from '../db/database';
import { admitExpensive, Overloaded } from './admission';
import { costErrors, estimateCost } from './cost';
import { boundPeriod } from './period';
import { inRequestScope } from './scope';

let db: Database;
beforeAll(async () => {
	db = await createFixtureDatabase();
});
afterAll(() => db.close());

describe('periods held to the data (first date 2022-06-01, as of 2025-10-01)', () => {
	const bound = (params: string) => boundPeriod(db, viewQuery(params), { role: 'analyst', minCount: 5 });

	it('refuse a period wholly after the as-of date or before the first date, naming the parameter and the date', async () => {
		expect(await bound('period=2031')).toEqual({ ok: false, errors: [{ param: 'period', code: 'after_data', value: '2025-10-01' }] });
		expect(await bound('from=2025-10-02&to=2100-12-31')).toMatchObject({ ok: false, errors: [{ param: 'from', code: 'after_data' }] });
		expect(await bound('from=1990-01-01&to=2010-12-31')).toEqual({
			ok: false,
			errors: [{ param: 'to', code: 'before_data', value: '2022-06-01' }]
		});
	});

	it('cut a period reaching beyond the data to it, reporting what was asked and what is shown', async () => {
		expect(await bound('period=2025')).toEqual({
			ok: true,
			value: {
				query: viewQuery('from=2025-01-01&to=2025-10-01'),
				clip: { requested: { from: '2025-01-01', to: '2025-12-31' }, shown: { from: '2025-01-01', to: '2025-10-01' } }
			}
		});
		// The start is cut to the first whole month of the data.
		const wide = await bound('from=1990-01-01&to=2100-12-31&grain=month');
		expect(wide).toMatchObject({ ok: true, value: { clip: { shown: { from: '2022-06-01', to: '2025-10-01' } } } });
		expect(await bound('period=2024')).toEqual({ ok: true, value: { query: viewQuery('period=2024'), clip: null } });
	});
});

describe('cost of a breakdown', () => {
	const cost = (params: string) => {
		const q = viewQuery(params);
		return estimateCost(db, { from: '2022-06-01', to: '2025-10-01', grain: q.grain, by: q.by, filters: q.filters });
	};

	it('is buckets times groups, groups from the directories and the data', async () => {
		// 370 courts × 43 categories.
		expect(await cost('by=court,category')).toEqual({ buckets: 1, groups: 370 * 43, rows: 370 * 43 });
		// 41 months; a court lies in one region, so the pair has as many groups as courts.
		expect(await cost('by=region,court&grain=month')).toEqual({ buckets: 41, groups: 370, rows: 41 * 370 });
		// The judges of the fixture's courts in Almaty (KZ-75).
		expect((await cost('by=judge&region=KZ-75')).groups).toBeGreaterThanOrEqual(1);
		expect((await cost('by=judge&region=KZ-75')).groups).toBeLessThan((await cost('by=judge')).groups + 1);
		// A filter narrows its own dimension to the values chosen.
		expect(await cost('by=category&category=civil.loan,civil.labour&grain=quarter')).toEqual({ buckets: 15, groups: 2, rows: 30 });
	});

	it('beyond the cap is refused naming the breakdown, or the grain when the breakdown alone fits', () => {
		expect(costErrors({ buckets: 1, groups: 30_000, rows: 30_000 })).toEqual([
			{ param: 'by', code: 'too_large', value: '30000', allowed: ['20000'] }
		]);
		expect(costErrors({ buckets: 100, groups: 370, rows: 37_000 })).toMatchObject([{ param: 'grain', code: 'too_large' }]);
		expect(costErrors({ buckets: 12, groups: 370, rows: 4_440 })).toEqual([]);
	});
});

describe('expensive-query slots', () => {
	const env = { QUERY_SLOTS: '1', QUERY_QUEUE: '1', QUERY_QUEUE_SECONDS: '0.3' };
	beforeAll(() => Object.assign(process.env, env));
	afterAll(() => {
		for (const key of Object.keys(env)) delete process.env[key];
	});

	/** A request that takes a slot and holds it until `done` resolves. */
	function request(signal = new AbortController().signal, done: Promise<void> = Promise.resolve()) {
		return inRequestScope(signal, async (scope) => {
			await admitExpensive();
			await done;
			return scope;
		});
	}

	it('run one request per slot, queue the next, refuse beyond the queue, and pass the slot on', async () => {
		let finishFirst!: () => void;
		const first = request(undefined, new Promise((resolve) => (finishFirst = resolve)));
		const order: string[] = [];
		const second = request().then(() => order.push('second'));
		await expect(request()).rejects.toBeInstanceOf(Overloaded);
		finishFirst();
		await first;
		await second;
		expect(order).toEqual(['second']);
		// All slots are free again.
		await request();
	});

	it('let a queued request go when its client leaves, and refuse one that waited too long', async () => {
		let finishFirst!: () => void;
		const first = request(undefined, new Promise((resolve) => (finishFirst = resolve)));
		const leaving = new AbortController();
		const queued = request(leaving.signal);
		leaving.abort();
		await expect(queued).rejects.toEqual(new QueryStopped('cancelled'));
		await expect(request()).rejects.toBeInstanceOf(Overloaded);
		finishFirst();
		await first;
	});

	it('hold one slot per request however many breakdowns it runs', async () => {
		await inRequestScope(new AbortController().signal, async (scope) => {
			await admitExpensive();
			const held = scope.release;
			await admitExpensive();
			expect(scope.release).toBe(held);
		});
	});

	it("let a page's statements wait on its signal together without a leak warning", async () => {
		const warnings: string[] = [];
		const onWarning = (w: Error) => warnings.push(w.name);
		process.on('warning', onWarning);
		try {
			await inRequestScope(new AbortController().signal, async (scope) => {
				await Promise.all(Array.from({ length: 25 }, () => db.query('SELECT 1 AS one', undefined, { signal: scope.signal })));
			});
			// Warnings are emitted on the next tick.
			await new Promise((resolve) => setImmediate(resolve));
		} finally {
			process.off('warning', onWarning);
		}
		expect(warnings).toEqual([]);
	});
});
