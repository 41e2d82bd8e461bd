/** Region boundaries: the shipped file by default, an installation's own through GEOJSON_PATH. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { geoArea, geoMercator, geoPath } from 'd3';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../domain/regions';
import { SHIPPED_BOUNDARIES, writeSmallBoundaries } from '../../../tests/support/geo';
import { configuredBoundaries, DEFAULT_ATTRIBUTION, parseBoundaries } from './geo';

describe('region boundaries', () => {
	it('ships all 20 regions, matched by code and wound for d3-geo, with the CC BY attribution', () => {
		const boundaries = configuredBoundaries();
		expect(boundaries.shapes.map((s) => s.code).sort()).toEqual([...REGION_CODES].sort());
		expect(boundaries.attribution).toBe(DEFAULT_ATTRIBUTION);
		expect(boundaries.attribution).toContain('CC BY 4.0');
		expect(boundaries.layout).toBe('geo');
		for (const shape of boundaries.shapes) {
			// Each region covers a small part of the sphere, not "everything but the region".
			expect(geoArea(shape.geometry)).toBeLessThan(0.01);
		}
		// Projected to a 600×400 box, every region is drawn inside it.
		const collection = {
			type: 'FeatureCollection' as const,
			features: boundaries.shapes.map((s) => ({ type: 'Feature' as const, properties: {}, geometry: s.geometry }))
		};
		const [[x0], [x1, y1]] = geoPath(geoMercator().fitSize([600, 400], collection)).bounds(collection);
		expect(x0).toBeGreaterThanOrEqual(-1);
		expect(y1).toBeLessThanOrEqual(401);
		expect(x1 - x0).toBeGreaterThan(100);
		// The shipped copy is the file read by the tests' support code.
		expect(parseBoundaries(fs.readFileSync(SHIPPED_BOUNDARIES, 'utf8'), 'shipped')).toHaveLength(20);
	});

	it('are replaced by GEOJSON_PATH, and a file with no region codes is refused', () => {
		const file = writeSmallBoundaries();
		process.env.GEOJSON_PATH = file;
		process.env.MAP_LAYOUT = 'tiles';
		try {
			expect(
				configuredBoundaries()
					.shapes.map((s) => s.code)
					.sort()
			).toEqual(['KZ-71', 'KZ-75']);
			expect(configuredBoundaries().attribution).toBe(path.basename(file));
			expect(configuredBoundaries().layout).toBe('tiles');
		} finally {
			delete process.env.GEOJSON_PATH;
			delete process.env.MAP_LAYOUT;
		}
		expect(configuredBoundaries().shapes).toHaveLength(20);
		const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'geo-')), 'bad.geojson');
		fs.writeFileSync(
			bad,
			JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'X' }, geometry: null }] })
		);
		expect(() => parseBoundaries(fs.readFileSync(bad, 'utf8'), bad)).toThrow(/no feature/);
	});
});
