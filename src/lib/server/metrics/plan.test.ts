/**
 * The planner names each aggregate by its meaning, not by its SQL text; the router says where
 * each part of a figure is read from and why.
 */
import { describe, expect, it } from 'vitest';
import { indicatorById, type Measure } from '../../domain/catalog';
import { DEFAULT_DEADLINES, mergeDeadlines } from '../../domain/deadlines';
import { compileBatch, compileMeasure } from './compile';
import { canonicalSql } from './definition';
import { Planner, leaves, type FlowLeaf, type StockLeaf } from './plan';
import { rollupTable, stockColumns, type RollupInfo } from './tables';

const planner = new Planner(DEFAULT_DEADLINES);
const flow = (m: Measure) => leaves(planner.plan(m))[0] as FlowLeaf;
const keys = (m: Measure, p = planner) =>
	leaves(p.plan(m)).flatMap((l) => (l.kind === 'flow' ? l.aggregates.map((a) => a.key) : l.kind === 'stock' ? [l.key] : []));

describe('canonical definitions', () => {
	it('ignore the layout of catalog SQL but not its literals', () => {
		expect(canonicalSql("  outcome IN ( 'granted',\n\t'partially_granted' )  ")).toBe("outcome IN('granted','partially_granted')");
		expect(canonicalSql("x = 'a  b'")).toBe("x='a  b'");
	});

	it('give an aggregate the same key however its fragment is laid out, and a new one when its meaning changes', () => {
		const share: Measure = { kind: 'share', fact: 'cases', event: 'filed', hit: 'e_filed', base: 'e_filed IS NOT NULL' };
		const relaid: Measure = { ...share, base: 'e_filed   IS NOT\n NULL' };
		expect(keys(relaid)).toEqual(keys(share));
		expect(keys({ ...share, base: 'e_filed IS NULL' })).not.toEqual(keys(share));
		expect(keys({ ...share, event: 'decided' })).not.toEqual(keys(share));
		// Conditions are joined by AND: their order does not matter.
		const both: Measure = { kind: 'count', fact: 'cases', event: 'filed', where: "instance = 'first' AND case_type = 'civil'" };
		expect(flow(both).aggregates[0].definition.conditions).toEqual(["instance='first' AND case_type='civil'"]);
	});

	it('bind time limits into the key only where the definition uses them', () => {
		const other = new Planner(mergeDeadlines({ statutory: { cassation: { months: 3 } } }));
		const withinLimit = indicatorById('within_limit_share')!.measure;
		const withinStandard = indicatorById('within_standard_share')!.measure;
		expect(keys(withinLimit, other)).not.toEqual(keys(withinLimit));
		expect(keys(withinStandard, other)).toEqual(keys(withinStandard));
		const pastLimit = leaves(planner.plan(indicatorById('pending_past_limit')!.measure))[0] as StockLeaf;
		expect(pastLimit.definition.bound.deadline).toContainEqual(['cassation', { months: 6 }, '2025-07-01']);
		expect(pastLimit.key).toMatch(/^r_[0-9a-f]{16}$/);
	});

	it('share one key between the same count in different indicators', () => {
		expect(keys(indicatorById('clearance_rate')!.measure)).toContain(keys(indicatorById('incoming')!.measure)[0]);
	});
});

describe('source routes', () => {
	const clearance = indicatorById('clearance_rate')!.measure;
	const pending = indicatorById('pending_end')!.measure;
	const all = (measure: Measure) => keys(measure);
	const filed = flow({ kind: 'count', fact: 'cases', event: 'filed' });
	const decided = flow({ kind: 'count', fact: 'cases', event: 'decided' });
	// A database holding the coarse rollups of incoming and resolved, and the fine stock rollup.
	const rollup: RollupInfo = {
		asOf: '2025-10-01',
		columns: new Set([
			...[filed, decided].flatMap((l) =>
				[l.rows.key, ...l.aggregates.map((a) => a.key)].map((k) => `${rollupTable('cases', l.column, 1)}.${k}`)
			),
			...all(pending).flatMap((k) => [stockColumns(k).enter, stockColumns(k).enterKeys].map((c) => `${rollupTable('cases', 'stock')}.${c}`))
		])
	};
	const compile = (measure: Measure, from: string, to: string, filters = {}) =>
		compileMeasure({ measure, from, to, by: [], filters, deadlines: DEFAULT_DEADLINES, rollup });

	it('read a rollup for whole months and filters it keeps, and say so', () => {
		const { routes } = compile(clearance, '2024-01-01', '2024-12-31', { region: ['KZ-75'] });
		expect(routes).toEqual([
			expect.objectContaining({ source: 'rollup', from: 'rollup1_cases_decided_date', reason: expect.stringContaining('whole months') }),
			expect.objectContaining({ source: 'rollup', from: 'rollup1_cases_filed_date' })
		]);
	});

	it('read the rows, and say why, when the period, a filter or the columns do not fit', () => {
		const reasons = (q: ReturnType<typeof compile>) => q.routes.map((r) => `${r.source}: ${r.reason}`);
		expect(reasons(compile(clearance, '2024-01-15', '2024-12-31'))[0]).toMatch(/^rows: .*not whole months/);
		expect(reasons(compile(clearance, '2024-01-01', '2024-12-31', { judge: ['J-1'] }))[0]).toMatch(/^rows: .*no rollup keeps judge/);
		expect(reasons(compile(clearance, '2024-01-01', '2024-12-31', { court: ['KZ75-D01'] }))[0]).toMatch(
			/^rows: .*rollup_cases_decided_date lacks/
		);
		expect(reasons(compile(clearance, '2024-01-01', '2024-12-31', {}))).toEqual([
			expect.stringMatching(/^rollup/),
			expect.stringMatching(/^rollup/)
		]);
		expect(reasons(compile(pending, '2024-01-01', '2024-12-31', { court: ['KZ75-D01'] }))).toEqual([expect.stringMatching(/^rollup/)]);
		const fraud = compile(indicatorById('fraud_incidents')!.measure, '2024-01-01', '2024-12-31');
		expect(reasons(fraud)).toEqual(['rows: fraud is not rolled up; fraud is read from its relation']);
	});

	it('route each part of a batch', () => {
		const { routes } = compileBatch({
			measures: [clearance, pending, indicatorById('median_days')!.measure],
			current: { from: '2024-01-01', to: '2024-12-31' },
			previous: { from: '2023-01-01', to: '2023-12-31' },
			filters: {},
			deadlines: DEFAULT_DEADLINES,
			rollup
		});
		expect(routes.map((r) => [r.what, r.source])).toEqual([
			// Each count with the sum of its records' keys (the disclosure control's cell key).
			['cases decided_date: v, v_key', 'rollup'],
			['cases filed_date: v, v_key', 'rollup'],
			['cases decided_date: v, n, n_key', 'rows'],
			['cases stock at end', 'rollup']
		]);
		expect(routes[2].reason).toMatch(/v: rollup1_cases_decided_date_r_\w+ lacks x.*; n: rollup_cases_decided_date lacks/);
	});
});
