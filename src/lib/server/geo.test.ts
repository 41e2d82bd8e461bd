/** The "own boundary file" path of the region map (tests/support/geo.ts says which file). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { geoArea, geoMercator, geoPath } from 'd3';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../domain/regions';
import { boundaryFile } from '../../../tests/support/geo';
import { configuredBoundaries, readBoundaries } from './geo';

describe('region boundaries from a GeoJSON file', () => {
	const { file, shared } = boundaryFile();
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
		const collection = {
			type: 'FeatureCollection' as const,
			features: boundaries.shapes.map((s) => ({ type: 'Feature' as const, properties: {}, geometry: s.geometry }))
		};
		const projection = geoMercator().fitSize([600, 400], collection);
		const [[x0], [x1, y1]] = geoPath(projection).bounds(collection);
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
		fs.writeFileSync(
			bad,
			JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'X' }, geometry: null }] })
		);
		expect(() => readBoundaries(bad, '')).toThrow(/no feature/);
	});
});
