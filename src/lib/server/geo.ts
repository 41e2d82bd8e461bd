/**
 * Region boundaries for the geographic map: the file shipped with the project
 * (boundaries/kz-regions.geojson, CC BY 4.0), or an installation's own GeoJSON (GEOJSON_PATH).
 * Features are matched to regions by a property holding an ISO 3166-2:KZ code (current or
 * former) or a KATO code; names are not trusted for this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { geoArea } from 'd3';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { normalizeRegion } from '../domain/regions';
import { settings } from './config';
import shippedBoundaries from './boundaries/kz-regions.geojson?raw';

/** The credit CC BY 4.0 asks for the shipped boundaries, shown under every map drawn from them. */
export const DEFAULT_ATTRIBUTION =
	'geokz © Alexander Rodionov, CC BY 4.0, after the Bureau of National Statistics of the Republic of Kazakhstan (simplified)';

export interface RegionShape {
	code: string;
	geometry: Polygon | MultiPolygon;
}

export interface Boundaries {
	shapes: RegionShape[];
	/** Credit the file's licence asks for, shown under the map. */
	attribution: string;
	/** How maps are drawn until the reader picks the other way (MAP_LAYOUT). */
	layout: 'geo' | 'tiles';
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

/** Region shapes of a GeoJSON text; `name` says which file in the error. */
export function parseBoundaries(text: string, name: string): RegionShape[] {
	const json = JSON.parse(text) as { features?: Feature[] };
	const shapes: RegionShape[] = [];
	for (const feature of json.features ?? []) {
		const code = regionOf(feature.properties);
		const geometry = feature.geometry;
		if (!code || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
		shapes.push({ code, geometry: rewind(geometry) });
	}
	if (!shapes.length) throw new Error(`${name}: no feature carries an ISO 3166-2:KZ or KATO code of a region`);
	return shapes;
}

let cached: { key: string; value: Boundaries } | undefined;

/** The boundaries of GEOJSON_PATH, else the shipped ones; read once. */
export function configuredBoundaries(): Boundaries {
	const { geojsonPath, geojsonAttribution, mapLayout } = settings();
	const key = `${geojsonPath}\n${geojsonAttribution}\n${mapLayout}`;
	if (cached?.key !== key) {
		const shapes = geojsonPath
			? parseBoundaries(fs.readFileSync(geojsonPath, 'utf8'), geojsonPath)
			: parseBoundaries(shippedBoundaries, 'kz-regions.geojson');
		const attribution = geojsonPath ? geojsonAttribution || path.basename(geojsonPath) : DEFAULT_ATTRIBUTION;
		cached = { key, value: { shapes, attribution, layout: mapLayout } };
	}
	return cached.value;
}
