/**
 * The "own boundary file" path of the region map, on the shared test file of Kazakhstan's
 * regions (never committed: it is found beside the checkout, ../shared/geo) — or, where that
 * file is absent, on a small file written here, so the test always runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { geoArea, geoMercator, geoPath } from 'd3';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../domain/regions';
import { configuredBoundaries, readBoundaries } from './geo';

/** `shared/geo/kz-regions.geojson` in the nearest folder above the checkout that has it. */
function sharedFile(): string | undefined {
	if (process.env.KZ_GEOJSON) return process.env.KZ_GEOJSON;
	for (let dir = process.cwd(); dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const file = path.join(dir, 'shared/geo/kz-regions.geojson');
		if (fs.existsSync(file)) return file;
	}
	return undefined;
}

const square = (x: number, y: number) => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];

/** Two regions by ISO and KATO code (counter-clockwise, as RFC 7946 winds), one feature without a code. */
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

describe('region boundaries from a GeoJSON file', () => {
	const shared = sharedFile();
	const file = shared ?? writeSmallFile();
	const expected = shared ? [...REGION_CODES].sort() : ['KZ-71', 'KZ-75'];

	it('matches features to regions by ISO or KATO code and winds them for d3-geo', () => {
		const boundaries = readBoundaries(file, 'CC BY 4.0 test');
		expect(boundaries.shapes.map((s) => s.code).sort()).toEqual(expected);
		expect(boundaries.attribution).toBe('CC BY 4.0 test');
		for (const shape of boundaries.shapes) {
			// Each region covers a small part of the sphere, not "everything but the region".
			expect(geoArea(shape.geometry)).toBeLessThan(0.01);
		}
		// Projected to a 600×400 box, every region is drawn inside it.
		const collection = { type: 'FeatureCollection' as const, features: boundaries.shapes.map((s) => ({ type: 'Feature' as const, properties: {}, geometry: s.geometry })) };
		const projection = geoMercator().fitSize([600, 400], collection);
		const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(collection);
		expect(x0).toBeGreaterThanOrEqual(-1);
		expect(y1).toBeLessThanOrEqual(401);
		expect(x1 - x0).toBeGreaterThan(100);
	});

	it('is read from GEOJSON_PATH, and refuses a file with no region codes', () => {
		process.env.GEOJSON_PATH = file;
		try {
			expect(configuredBoundaries()?.shapes).toHaveLength(expected.length);
			expect(configuredBoundaries()?.attribution).toBe(path.basename(file));
		} finally {
			delete process.env.GEOJSON_PATH;
		}
		expect(configuredBoundaries()).toBeNull();
		const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geo-')), 'bad.geojson');
		fs.writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'X' }, geometry: null }] }));
		expect(() => readBoundaries(bad, '')).toThrow(/no feature/);
	});
});
