/**
 * An operator-supplied boundary file (GeoJSON) for a geographic choropleth. Features are matched
 * to regions by a property holding an ISO 3166-2:KZ code (current or former) or a KATO code;
 * names are not trusted for this. Without a file the map is the built-in tile grid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { geoArea } from 'd3';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { normalizeRegion } from '../domain/regions';
import { settings } from './config';

export interface RegionShape {
	code: string;
	geometry: Polygon | MultiPolygon;
}

export interface Boundaries {
	shapes: RegionShape[];
	/** Credit the file's licence asks for, shown under the map. */
	attribution: string;
}

interface Feature {
	type: 'Feature';
	properties: Record<string, unknown> | null;
	geometry: Geometry | null;
}

/** ISO (KZ-75, KZ-ALA) or KATO (75, 750000000) codes only: a free-text name is not a key. */
const CODE_LIKE = /^(?:kz[\s_-]?(?:[a-z]{3}|\d{2})|\d{2}|\d{9})$/i;

function regionOf(properties: Record<string, unknown> | null): string | undefined {
	for (const value of Object.values(properties ?? {})) {
		const text = String(value ?? '').trim();
		if (!CODE_LIKE.test(text)) continue;
		const match = normalizeRegion(text);
		if (match.ok) return match.code;
	}
	return undefined;
}

/**
 * d3-geo draws spherical polygons, where a ring's winding decides inside from outside; files
 * following RFC 7946 wind the other way round, which d3 reads as "the whole globe but this".
 */
function rewind<T extends Polygon | MultiPolygon>(geometry: T): T {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const fixed = polygons.map((rings) =>
		geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings
	);
	return (geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fixed[0] } : { type: 'MultiPolygon', coordinates: fixed }) as T;
}

export function readBoundaries(file: string, attribution: string): Boundaries {
	const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: Feature[] };
	const shapes: RegionShape[] = [];
	for (const feature of json.features ?? []) {
		const code = regionOf(feature.properties);
		const geometry = feature.geometry;
		if (!code || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
		shapes.push({ code, geometry: rewind(geometry) });
	}
	if (!shapes.length) throw new Error(`${file}: no feature carries an ISO 3166-2:KZ or KATO code of a region`);
	return { shapes, attribution };
}

let cached: { key: string; value: Boundaries | null } | undefined;

/** The boundaries named by GEOJSON_PATH, read once; null when none is configured. */
export function configuredBoundaries(): Boundaries | null {
	const { geojsonPath, geojsonAttribution } = settings();
	const key = `${geojsonPath}\n${geojsonAttribution}`;
	if (cached?.key !== key)
		cached = { key, value: geojsonPath ? readBoundaries(geojsonPath, geojsonAttribution || path.basename(geojsonPath)) : null };
	return cached.value;
}
