import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { unitTicks } from './ticks';

describe('unitTicks', () => {
	it('keeps whole numbers on a count axis, every tick otherwise', () => {
		const small = scaleLinear().domain([0, 3]);
		expect(unitTicks(small, 5, 'count')).toEqual([0, 1, 2, 3]);
		expect(unitTicks(small, 5, 'percent')).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
		expect(unitTicks(scaleLinear().domain([0, 1000]), 5, 'count')).toEqual([0, 200, 400, 600, 800, 1000]);
	});
});
