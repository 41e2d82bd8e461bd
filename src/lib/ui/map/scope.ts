/**
 * The regions a region map's figures can come from under the page's filters: with courts chosen,
 * only their regions; the other regions are "filtered out", which is not "no data". The map's
 * own region filter only marks the selection (the map still compares every region).
 */
import { courtById } from '$lib/domain/courts';

export function mapScope(filters: { court?: readonly string[] }): string[] | null {
	if (!filters.court?.length) return null;
	return [...new Set(filters.court.map((id) => courtById(id)?.region).filter((r): r is string => r !== undefined))];
}
