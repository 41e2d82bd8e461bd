import { describe, expect, it } from 'vitest';
import { simulateBacklog } from './backlog';
import { parsePlan, serializePlan } from './plan-query';
import { courtWorkloads, parseWeights, type CourtWorkloadInput } from './workload';

describe('the backlog simulator', () => {
	const base = {
		pending: 300,
		pastLimit: 0,
		recentIncoming: [100, 100, 100],
		incoming: [100, 100, 100, 100, 100],
		limitMonths: 2,
		target: 150
	};

	it('reduces the backlog by capacity minus incoming each month and says when it reaches the target', () => {
		const { months, monthsToTarget } = simulateBacklog({ ...base, capacity: 150 });
		expect(months.map((m) => m.pending)).toEqual([250, 200, 150, 100, 50]);
		expect(months.every((m) => m.resolved === 150)).toBe(true);
		expect(monthsToTarget).toBe(3);
	});

	it('never resolves more than is pending, and reports a target out of reach as null', () => {
		const fast = simulateBacklog({ ...base, capacity: 1000 });
		expect(fast.months[0]).toMatchObject({ resolved: 400, pending: 0, pastLimitShare: null });
		expect(simulateBacklog({ ...base, capacity: 90 }).monthsToTarget).toBeNull();
		expect(simulateBacklog({ ...base, target: 300, capacity: 90 }).monthsToTarget).toBe(0);
	});

	it('says when a backlog at the target rises above it again', () => {
		// 300 pending, 10 more each month than decided: 310, 320, … above the target 315 from month 2.
		const rising = simulateBacklog({ ...base, target: 315, capacity: 90 });
		expect(rising.monthsToTarget).toBe(0);
		expect(rising.aboveAgainFrom).toBe(2);
		// Reached in month 3 (150) and kept below: 100, 50.
		expect(simulateBacklog({ ...base, capacity: 150 }).aboveAgainFrom).toBeNull();
		// Never reached: nothing to rise above again.
		expect(simulateBacklog({ ...base, capacity: 90 }).aboveAgainFrom).toBeNull();
	});

	it('follows cases past the statutory limit, deciding the oldest first', () => {
		// 300 pending of which 60 already past the limit; 240 within it, from the last months' incoming.
		const { months } = simulateBacklog({ ...base, pastLimit: 60, capacity: 100 });
		// Month 1: the 60 overdue and 40 of the oldest within the limit are decided.
		expect(months[0]).toMatchObject({ resolved: 100, pending: 300 });
		// Three months of cases are pending with a limit of two: one month's worth is past it.
		expect(months[1].pastLimit).toBe(100);
		expect(months[4].pastLimitShare).toBeCloseTo(100 / 300, 10);
	});
});

describe('judge workload', () => {
	const courts: CourtWorkloadInput[] = [
		{
			court: 'A',
			judges: 10,
			perJudge: 50,
			resolvedByCategory: { 'civil.loan': 400, 'criminal.fraud_190': 100 },
			incomingByCategory: { 'civil.loan': 300, 'criminal.fraud_190': 100 }
		},
		{ court: 'B', judges: 5, perJudge: 40, resolvedByCategory: { 'civil.loan': 200 }, incomingByCategory: { 'civil.loan': 400 } }
	];

	it('with equal weights, needs forecast incoming ÷ cases per judge', () => {
		const [a, b] = courtWorkloads(courts, 1600, {});
		expect(a.forecastIncoming).toBe(800);
		expect(a.judgesNeeded).toBeCloseTo(800 / 50, 10);
		expect(b.judgesNeeded).toBeCloseTo(800 / 40, 10);
	});

	it('weights heavy categories in both the pace and the incoming mix', () => {
		const weights = parseWeights({ 'criminal.fraud_190': 3 });
		const [a] = courtWorkloads(courts, 1600, weights);
		// Decided: (400 + 3 × 100) / 500 = 1.4 weighted cases per case; incoming mix (300 + 300) / 400 = 1.5.
		expect(a.weightedPerJudge).toBeCloseTo(70, 10);
		expect(a.judgesNeeded).toBeCloseTo((800 * 1.5) / 70, 10);
	});

	it('refuses unknown categories and bad weights, naming them', () => {
		expect(() => parseWeights({ 'civil.nope': 2 })).toThrow('unknown category "civil.nope"');
		expect(() => parseWeights({ 'civil.loan': -1 })).toThrow('weight of "civil.loan"');
		expect(parseWeights(undefined)).toEqual({});
	});
});

describe('the planning URL state', () => {
	it('round-trips a scenario', () => {
		const scenario = { judges: 42.5, productivity: 61, incoming: -10, target: 5000, limit: 6 };
		expect(parsePlan(serializePlan(scenario))).toEqual({ scenario, errors: [] });
		expect(serializePlan({}).toString()).toBe('');
	});

	it('names the parameter of a bad value', () => {
		const { scenario, errors } = parsePlan(new URLSearchParams('judges=abc&incoming=500&limit=3'));
		expect(scenario).toEqual({ limit: 3 });
		expect(errors.map((e) => e.param)).toEqual(['judges', 'incoming']);
	});
});
