import { describe, expect, it } from 'vitest';
import { flowGraph, stageRows } from './flows';

const PATHS = [
	{ first: 'granted', appeal: null, cassation: null, supervisory: null, n: 10 },
	{ first: 'granted', appeal: 'upheld', cassation: null, supervisory: null, n: 3 },
	{ first: 'granted', appeal: 'upheld', cassation: 'upheld', supervisory: null, n: 1 },
	{ first: 'denied', appeal: 'reversed', cassation: 'upheld', supervisory: 'upheld', n: 2 },
	{ first: 'denied', appeal: 'pending', cassation: null, supervisory: null, n: 1 },
	{ first: 'denied', appeal: null, cassation: null, supervisory: null, n: 3 }
];

describe('flow graph', () => {
	const g = flowGraph(PATHS, (stage, outcome) => `${stage}/${outcome}`);

	it('links outcomes stage by stage, adding up paths; decisions never appealed flow into one node', () => {
		expect(g.nodes.map((n) => n.id).sort()).toEqual(
			[
				'appeal:not_appealed',
				'appeal:pending',
				'appeal:reversed',
				'appeal:upheld',
				'cassation:upheld',
				'first:denied',
				'first:granted',
				'supervisory:upheld'
			].sort()
		);
		expect(g.nodes.find((n) => n.id === 'appeal:upheld')).toEqual({ id: 'appeal:upheld', label: 'appeal/upheld', group: 1 });
		expect(g.nodes.find((n) => n.id === 'appeal:not_appealed')).toEqual({
			id: 'appeal:not_appealed',
			label: 'appeal/not_appealed',
			group: 1,
			rest: true
		});
		const value = (s: string, t: string) => g.links.find((l) => l.source === s && l.target === t)?.value;
		expect(value('first:granted', 'appeal:upheld')).toBe(4);
		expect(value('first:granted', 'appeal:not_appealed')).toBe(10);
		expect(value('first:denied', 'appeal:not_appealed')).toBe(3);
		expect(value('appeal:upheld', 'cassation:upheld')).toBe(1);
		expect(value('appeal:reversed', 'cassation:upheld')).toBe(2);
		expect(value('cassation:upheld', 'supervisory:upheld')).toBe(2);
		expect(value('first:denied', 'appeal:pending')).toBe(1);
		expect(g.links).toHaveLength(8);
	});

	it('lists the nodes stage by stage with their cases and share of all first-instance decisions', () => {
		// 20 decisions: 14 granted, 6 denied.
		expect(stageRows(g).map((r) => [r.stage, r.outcome, r.n, r.share])).toEqual([
			['first', 'granted', 14, 70],
			['first', 'denied', 6, 30],
			['appeal', 'upheld', 4, 20],
			['appeal', 'reversed', 2, 10],
			['appeal', 'pending', 1, 5],
			['appeal', 'not_appealed', 13, 65],
			['cassation', 'upheld', 3, 15],
			['supervisory', 'upheld', 2, 10]
		]);
	});
});
