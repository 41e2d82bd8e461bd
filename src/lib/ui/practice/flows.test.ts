import { describe, expect, it } from 'vitest';
import { flowGraph } from './flows';

describe('flow graph', () => {
	it('links outcomes stage by stage, adding up paths, and leaves out decisions never reviewed', () => {
		const g = flowGraph(
			[
				{ first: 'granted', appeal: null, cassation: null, supervisory: null, n: 10 },
				{ first: 'granted', appeal: 'upheld', cassation: null, supervisory: null, n: 3 },
				{ first: 'granted', appeal: 'upheld', cassation: 'upheld', supervisory: null, n: 1 },
				{ first: 'denied', appeal: 'reversed', cassation: 'upheld', supervisory: 'upheld', n: 2 },
				{ first: 'denied', appeal: 'pending', cassation: null, supervisory: null, n: 1 }
			],
			(stage, outcome) => `${stage}/${outcome}`
		);
		expect(g.nodes.map((n) => n.id).sort()).toEqual(
			[
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
		const value = (s: string, t: string) => g.links.find((l) => l.source === s && l.target === t)?.value;
		expect(value('first:granted', 'appeal:upheld')).toBe(4);
		expect(value('appeal:upheld', 'cassation:upheld')).toBe(1);
		expect(value('appeal:reversed', 'cassation:upheld')).toBe(2);
		expect(value('cassation:upheld', 'supervisory:upheld')).toBe(2);
		expect(value('first:denied', 'appeal:pending')).toBe(1);
		expect(g.links).toHaveLength(6);
	});
});
