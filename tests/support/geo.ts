/**
 * Boundary files for tests: the copy shipped with the project (all 20 regions), and a small file
 * written here for the "own GeoJSON" path (GEOJSON_PATH), so that both run on any fresh clone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHIPPED_BOUNDARIES = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../src/lib/server/boundaries/kz-regions.geojson'
);

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
export function writeSmallBoundaries(): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geo-')), 'small.geojson');
	const features = [
		{ type: 'Feature', properties: { iso: 'KZ-75', name: 'Almaty' }, geometry: { type: 'Polygon', coordinates: square(76, 43) } },
		{ type: 'Feature', properties: { KATO: '710000000' }, geometry: { type: 'Polygon', coordinates: square(71, 51) } },
		{ type: 'Feature', properties: { name: 'Астана' }, geometry: { type: 'Polygon', coordinates: square(60, 40) } }
	];
	fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
	return file;
}
