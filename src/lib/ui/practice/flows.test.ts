import { describe, expect, it } from 'vitest';
import { flowGraph } from './flows';

describe('flow graph', () => {
	it('links outcomes stage by stage and ends every path that was not reviewed further', () => {
		const g = flowGraph(
			[
				{ first: 'granted', appeal: null, cassation: null, supervisory: null, n: 10 },
				{ first: 'granted', appeal: 'upheld', cassation: null, supervisory: null, n: 3 },
				{ first: 'denied', appeal: 'reversed', cassation: 'upheld', supervisory: null, n: 2 },
				{ first: 'denied', appeal: 'pending', cassation: null, supervisory: null, n: 1 }
			],
			(stage, outcome) => `${stage}/${outcome}`,
			'end'
		);
		expect(g.nodes.map((n) => n.id).sort()).toEqual(
			['appeal:pending', 'appeal:reversed', 'appeal:upheld', 'cassation:upheld', 'final', 'first:denied', 'first:granted'].sort()
		);
		const value = (s: string, t: string) => g.links.find((l) => l.source === s && l.target === t)?.value;
		expect(value('first:granted', 'final')).toBe(10);
		expect(value('first:granted', 'appeal:upheld')).toBe(3);
		expect(value('appeal:upheld', 'final')).toBe(3);
		expect(value('appeal:reversed', 'cassation:upheld')).toBe(2);
		expect(value('cassation:upheld', 'final')).toBe(2);
		// A pending review is shown where it waits, not as an end.
		expect(value('first:denied', 'appeal:pending')).toBe(1);
		expect(value('appeal:pending', 'final')).toBeUndefined();
	});
});
