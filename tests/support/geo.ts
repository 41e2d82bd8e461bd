/**
 * A boundary file for the "own GeoJSON" map: the shared file of Kazakhstan's regions, found in
 * `shared/geo` beside the checkout (never committed), or — where it is absent — a small file
 * written here with two regions, so that tests of this path always run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BoundaryFile {
	file: string;
	/** True for the shared file of all 20 regions, false for the small written one. */
	shared: boolean;
}

const square = (x: number, y: number) => [
	[
		[x, y],
		[x + 1, y],
		[x + 1, y + 1],
		[x, y + 1],
		[x, y]
	]
];

/** Two regions by ISO and KATO code (wound counter-clockwise, as RFC 7946 says), one feature without a code. */
function writeSmallFile(): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geo-')), 'small.geojson');
	const features = [
		{ type: 'Feature', properties: { iso: 'KZ-75', name: 'Almaty' }, geometry: { type: 'Polygon', coordinates: square(76, 43) } },
		{ type: 'Feature', properties: { KATO: '710000000' }, geometry: { type: 'Polygon', coordinates: square(71, 51) } },
		{ type: 'Feature', properties: { name: 'Астана' }, geometry: { type: 'Polygon', coordinates: square(60, 40) } }
	];
	fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
	return file;
}

/** `KZ_GEOJSON`, else `shared/geo/kz-regions.geojson` in the nearest folder above this checkout, else a written file. */
export function boundaryFile(): BoundaryFile {
	if (process.env.KZ_GEOJSON) return { file: process.env.KZ_GEOJSON, shared: true };
	for (let dir = path.dirname(new URL(import.meta.url).pathname); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const file = path.join(dir, 'shared/geo/kz-regions.geojson');
		if (fs.existsSync(file)) return { file, shared: true };
	}
	return { file: writeSmallFile(), shared: false };
}
