/**
 * Forecasts through the metrics layer on a small demo database (scale 0.05, built as a first
 * start builds it): the method beats seasonal naive for national monthly incoming, the cassation
 * reform is detected from the series' own instances, and small counts withhold the forecast
 * from the public.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorById } from '../../domain/catalog';
import type { Access } from '../../domain/roles';
import { openAppDatabase } from '../startup';
import type { Database } from '../db/database';
import { settings } from '../config';
import { forecastIndicator } from './forecast';

const analyst: Access = { role: 'analyst', minCount: 5 };
const publicAccess: Access = { role: 'public', minCount: 5 };
let db: Database;
let dir: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-forecast-'));
	db = await openAppDatabase(
		{
			...settings(),
			databasePath: path.join(dir, 'court.duckdb'),
			demoScale: 0.05,
			demoDir: path.join(dir, 'generated'),
			uploadsDir: path.join(dir, 'uploads')
		},
		() => undefined
	);
}, 240_000);
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

async function forecast(id: string, filters: Record<string, string[]>, access = analyst) {
	const result = await forecastIndicator(db, indicatorById(id)!, { by: [], filters }, access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

describe('forecasts on the demo data', () => {
	it('beat seasonal naive for national monthly incoming (MASE < 1) and leave out the records’ run-in', async () => {
		const f = await forecast('incoming', {});
		expect(f.status).toBe('ok');
		expect(f.backtest!.origins).toBe(12);
		expect(f.backtest!.mase!).toBeLessThan(1);
		expect(f.backtest!.mase!).toBeLessThan(f.baseline!.mase!);
		// The demo's records begin in 2019; cases carried over from 2018 are not a low 2018.
		expect(f.history[0].period).toBe('2019-01-01');
		expect(f.rows).toHaveLength(24);
		expect(f.breakMode).toBe('none');
		// The lockdown of spring 2020 is left out of the fit and of the bands' width.
		expect(f.outliers).toEqual(expect.arrayContaining(['2020-04-01', '2020-05-01']));
		expect(f.outliers.every((p) => p.startsWith('2020-'))).toBe(true);
	});

	it('start a region whose territory changed on 8 June 2022 at the first whole month after', async () => {
		const almatyRegion = await forecast('incoming', { region: ['KZ-19'] });
		expect(almatyRegion.territory).toEqual({ date: '2022-06-08', since: '2022-07-01' });
		expect(almatyRegion.history[0].period).toBe('2022-07-01');
		// With Zhetysu, split from it, the territory is the same throughout.
		const both = await forecast('incoming', { region: ['KZ-19', 'KZ-33'] });
		expect(both.territory).toBeNull();
		expect(both.history[0].period).toBe('2019-01-01');
	});

	it('take the cassation reform into account where the reformed instances are the series', async () => {
		const cassation = await forecast('incoming', { instance: ['cassation'] });
		expect(cassation.reform).toEqual({ date: '2025-07-01', share: 1 });
		expect(cassation.breakMode).toBe('intervention');
		// First-instance cases are not touched by it.
		const first = await forecast('incoming', { instance: ['first'] });
		expect(first.breakMode).toBe('none');
		expect(first.reform).toBeNull();
	});

	it('are withheld from the public where a month rests on fewer than MIN_COUNT records', async () => {
		const hidden = await forecast('incoming', { instance: ['cassation'] }, publicAccess);
		expect(hidden.status).toBe('suppressed');
		expect(hidden.rows).toEqual([]);
		expect(hidden.history).toEqual([]);
		const shown = await forecast('incoming', {}, publicAccess);
		expect(shown.status).toBe('ok');
	});

	it('are computed once per data revision and filters', async () => {
		const query = { by: [], filters: { region: ['KZ-75'] } };
		const a = forecastIndicator(db, indicatorById('resolved')!, query, analyst);
		const b = forecastIndicator(db, indicatorById('resolved')!, { by: [], filters: { region: ['KZ-75'] } }, analyst);
		expect(a).toBe(b);
		expect((await a).ok).toBe(true);
	});
});
