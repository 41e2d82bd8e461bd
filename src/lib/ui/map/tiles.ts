/**
 * The tile-grid map: one equal tile per region, placed on a 7 × 5 grid roughly where the region
 * lies (west to east, north to south), so the country's shape is recognisable without any
 * boundary file. Cities of republican significance sit next to the region around them.
 */
export const TILE_COLUMNS = 7;
export const TILE_ROWS = 5;

export const TILE_POSITIONS: Readonly<Record<string, readonly [column: number, row: number]>> = {
	'KZ-39': [2, 0], // Kostanay
	'KZ-59': [3, 0], // North Kazakhstan
	'KZ-55': [5, 0], // Pavlodar
	'KZ-27': [0, 1], // West Kazakhstan
	'KZ-15': [1, 1], // Aktobe
	'KZ-62': [2, 1], // Ulytau
	'KZ-11': [3, 1], // Akmola
	'KZ-71': [4, 1], // Astana
	'KZ-10': [5, 1], // Abai
	'KZ-63': [6, 1], // East Kazakhstan
	'KZ-23': [0, 2], // Atyrau
	'KZ-43': [2, 2], // Kyzylorda
	'KZ-35': [4, 2], // Karaganda
	'KZ-33': [5, 2], // Zhetysu
	'KZ-47': [0, 3], // Mangystau
	'KZ-61': [2, 3], // Turkistan
	'KZ-31': [3, 3], // Zhambyl
	'KZ-19': [4, 3], // Almaty region
	'KZ-79': [2, 4], // Shymkent
	'KZ-75': [4, 4] // Almaty
};

export type Direction = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * The tile reached from `code` by an arrow key: the nearest tile in that direction, preferring
 * the same row or column.
 */
export function neighbour(code: string, direction: Direction): string | undefined {
	const [c, r] = TILE_POSITIONS[code];
	const [dx, dy] = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[direction];
	let best: string | undefined;
	let bestScore = Infinity;
	for (const [other, [oc, or]] of Object.entries(TILE_POSITIONS)) {
		const along = (oc - c) * dx + (or - r) * dy;
		if (along <= 0) continue;
		const across = Math.abs((oc - c) * dy) + Math.abs((or - r) * dx);
		const score = along + across * 2;
		if (score < bestScore) [best, bestScore] = [other, score];
	}
	return best;
}
