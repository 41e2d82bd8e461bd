/**
 * End-to-end setup: build the app if the sources changed, then start two real servers — one on
 * the hand-computed fixture database with one test account per role, one on a fresh database
 * that fills itself with demo data on first start (as `npm start` does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { createTestUsers } from '../support/auth';
import { createFixtureDatabase, tempDatabasePath } from '../support/fixture-db';
import { boundaryFile } from '../support/geo';
import { acquireMachineLock } from '../support/machine-lock';
import { ROOT, startServer } from '../support/server';

declare module 'vitest' {
	export interface ProvidedContext {
		fixtureUrl: string;
		demoUrl: string;
		fixtureDatabase: string;
	}
}

/** Scale of the demo data the browser tests run on: small, but every part of the generator runs. */
export const E2E_DEMO_SCALE = '0.05';

export default async function setup(project: TestProject) {
	const release = await acquireMachineLock();
	buildIfStale(ROOT);
	const fixtureDatabase = tempDatabasePath('e2e-fixture');
	const fixtureDb = await createFixtureDatabase(fixtureDatabase);
	await createTestUsers(fixtureDb);
	fixtureDb.close();
	const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-demo-'));
	const [fixture, demo] = await Promise.all([
		// The fixture server draws its map from a boundary file (the GeoJSON path); the demo server uses the tile grid.
		startServer({
			DATABASE_PATH: fixtureDatabase,
			DEMO_SCALE: '0',
			GEOJSON_PATH: boundaryFile().file,
			GEOJSON_ATTRIBUTION: 'geokz © Alexander Rodionov, CC BY 4.0 (Bureau of National Statistics of Kazakhstan)'
		}),
		startServer({
			DATABASE_PATH: path.join(demoDir, 'court.duckdb'),
			DEMO_SCALE: E2E_DEMO_SCALE,
			DEMO_DIR: path.join(demoDir, 'generated')
		})
	]);
	project.provide('fixtureUrl', fixture.url);
	project.provide('demoUrl', demo.url);
	project.provide('fixtureDatabase', fixtureDatabase);
	return async () => {
		await Promise.all([fixture.stop(), demo.stop()]);
		release();
	};
}
