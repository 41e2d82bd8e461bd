import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '$lib/domain/regions';
import { TILE_COLUMNS, TILE_POSITIONS, TILE_ROWS, neighbour } from './tiles';

describe('tile-grid map', () => {
	it('places every region on its own tile inside the grid', () => {
		expect(Object.keys(TILE_POSITIONS).sort()).toEqual([...REGION_CODES].sort());
		const cells = Object.values(TILE_POSITIONS).map(([c, r]) => `${c},${r}`);
		expect(new Set(cells).size).toBe(cells.length);
		for (const [c, r] of Object.values(TILE_POSITIONS)) {
			expect(c).toBeLessThan(TILE_COLUMNS);
			expect(r).toBeLessThan(TILE_ROWS);
		}
	});

	it('moves between neighbouring tiles with the arrow keys', () => {
		expect(neighbour('KZ-71', 'ArrowLeft')).toBe('KZ-11');
		expect(neighbour('KZ-71', 'ArrowDown')).toBe('KZ-35');
		expect(neighbour('KZ-27', 'ArrowLeft')).toBeUndefined();
		expect(neighbour('KZ-19', 'ArrowDown')).toBe('KZ-75');
		// Every tile can be reached from every other by arrows.
		const seen = new Set(['KZ-71']);
		const queue = ['KZ-71'];
		while (queue.length) {
			const code = queue.shift()!;
			for (const d of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const) {
				const next = neighbour(code, d);
				if (next && !seen.has(next)) {
					seen.add(next);
					queue.push(next);
				}
			}
		}
		expect(seen.size).toBe(REGION_CODES.length);
	});
});
