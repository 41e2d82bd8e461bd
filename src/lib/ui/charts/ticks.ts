import type { Unit } from '$lib/domain/catalog';

/** A scale's ticks for an axis in `unit`: counts keep whole numbers only (0–3 reads 0, 1, 2, 3, not 0.5). */
export function unitTicks(scale: { ticks(count?: number): number[] }, count: number, unit: Unit): number[] {
	const ticks = scale.ticks(count);
	return unit === 'count' ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}
