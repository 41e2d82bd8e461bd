/**
 * Judge workload and the judges needed, on a tiny hand-made database built as the application
 * builds its own (migrations, directories, canonical load, rollups). Three years (2022–2024) of:
 *
 * - KZ75-D01: each month two civil cases filed on the 3rd and decided on the 20th of the same
 *   month, a loan case by J-000001 and a labour case by J-000002;
 * - KZ71-D01: each month one loan case filed on the 1st by J-000003, decided on the 1st of the
 *   next month, the one of December 2024 on 31 December 2024 (the data's as-of date).
 *
 * Incoming is 3 every month, so every method forecasts 3 a month and the figures below are
 * computed by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorById } from '../../domain/catalog';
import type { Access } from '../../domain/roles';
import { viewQuery } from '../../../../tests/support/fixture-db';
import { Database } from '../db/database';
import { syncDirectories } from '../db/directories';
import { migrate } from '../db/migrations';
import { runIndicator } from '../metrics/run';
import { loadCanonicalFiles } from '../startup';
import { planBaseline } from './plan';

const analyst: Access = { role: 'analyst', minCount: 5 };
const HEADER =
	'case_id,case_number,instance,court_id,region,case_type,category,article,judge_id,filed_date,decided_date,outcome,e_filed,hearing_format,av_recorded,reconciliation,claim_amount_kzt,awarded_amount_kzt,auto_assigned,extraterritorial';

function cases(): string {
	const lines = [HEADER];
	let id = 0;
	const row = (court: string, region: string, category: string, judge: string, filed: string, decided: string) => {
		id += 1;
		const number = `${court.slice(2, 4)}01-${filed.slice(2, 4)}-00-2/${id}`;
		lines.push(
			`P${id},${number},first,${court},${region},civil,${category},,${judge},${filed},${decided},granted,true,in_person,true,none,100000.00,100000.00,true,false`
		);
	};
	for (let year = 2022; year <= 2024; year++)
		for (let month = 1; month <= 12; month++) {
			const ym = `${year}-${String(month).padStart(2, '0')}`;
			const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
			row('KZ75-D01', 'KZ-75', 'civil.loan', 'J-000001', `${ym}-03`, `${ym}-20`);
			row('KZ75-D01', 'KZ-75', 'civil.labour', 'J-000002', `${ym}-03`, `${ym}-20`);
			row('KZ71-D01', 'KZ-71', 'civil.loan', 'J-000003', `${ym}-01`, ym === '2024-12' ? '2024-12-31' : `${next}-01`);
		}
	return lines.join('\n') + '\n';
}

let db: Database;
let dir: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-plan-'));
	// Cases only: no reporting forms, so every figure is read from these rows.
	const files = { cases: path.join(dir, 'cases.csv') };
	fs.writeFileSync(files.cases, cases());
	db = await Database.open(path.join(dir, 'court.duckdb'), { threads: 1 });
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	await loadCanonicalFiles(db, files, {
		names: { cases: 'Plan cases', fraud: 'Plan fraud', court_stats: 'Plan forms' },
		isDemo: false,
		workDir: path.join(dir, 'work')
	});
}, 60_000);
afterAll(() => {
	db?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

async function workload(params: string): Promise<Record<string, number | null>> {
	const result = await runIndicator(db, indicatorById('judge_workload')!, viewQuery(params), analyst);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return Object.fromEntries(result.value.rows.map((r) => [String(r.court ?? 'all'), r.value]));
}

describe('judge workload on a hand-made database', () => {
	it('divides by the calendar months of the period, a part of a month as its share of days', async () => {
		// 1 January – 1 December 2024 is 11 whole months and 1 day of December's 31: 11 + 1/31 = 342/31 months.
		const months = 11 + 1 / 31;
		// KZ75-D01: decisions on the 20th of January … November, 11 by each of its 2 judges: 22 ÷ 2 ÷ (342/31) = 341/342.
		// KZ71-D01: decisions on 1 January … 1 December, 12 by its one judge: 12 ÷ 1 ÷ (342/31) = 372/342.
		const byCourt = await workload('from=2024-01-01&to=2024-12-01&by=court');
		expect(byCourt['KZ75-D01']).toBeCloseTo(22 / 2 / months, 9);
		expect(byCourt['KZ75-D01']).toBeCloseTo(341 / 342, 9);
		expect(byCourt['KZ71-D01']).toBeCloseTo(372 / 342, 9);
		// All courts: 34 decisions ÷ 3 judges ÷ (342/31) months.
		expect((await workload('from=2024-01-01&to=2024-12-01')).all).toBeCloseTo(34 / 3 / months, 9);
		// The whole year is 12 months: KZ71-D01 decided 13 cases in 2024 (1 January … 1 December and 31 December).
		const year = await workload('period=2024&by=court');
		expect(year['KZ75-D01']).toBe(1);
		expect(year['KZ71-D01']).toBeCloseTo(13 / 12, 9);
	});

	it('gives each court its judges, pace and the judges needed for 100 % clearance under the forecast', async () => {
		const result = await planBaseline(db, viewQuery(''), analyst);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const plan = result.value;
		expect(plan.asOf).toBe('2024-12-31');
		// The last 12 months (January–December 2024): 37 decisions ÷ 3 judges ÷ 12 months.
		expect(plan.judges).toBe(3);
		expect(plan.productivity).toBeCloseTo(37 / 36, 9);
		expect(plan.pending).toBe(0);
		// Incoming is 3 a month for 36 months: forecast 3 a month.
		expect(plan.incoming.status).toBe('ok');
		expect(plan.incoming.rows.slice(0, 12).every((r) => r.value === 3)).toBe(true);
		const courts = Object.fromEntries(plan.courts.map((c) => [c.court, c]));
		// The forecast is shared by the last 12 months' incoming: KZ75-D01 24 of 36 → 2 a month, KZ71-D01 12 of 36 → 1.
		// Judges needed = forecast incoming ÷ cases decided per judge per month (categories weighted equally):
		// KZ75-D01 2 ÷ (24 ÷ 2 ÷ 12 = 1) = 2 judges; KZ71-D01 1 ÷ (13 ÷ 1 ÷ 12) = 12/13 of a judge.
		expect(courts['KZ75-D01']).toMatchObject({ judges: 2, perJudge: 1, weightedPerJudge: 1 });
		expect(courts['KZ75-D01'].forecastIncoming).toBeCloseTo(2, 9);
		expect(courts['KZ75-D01'].judgesNeeded).toBeCloseTo(2, 9);
		expect(courts['KZ71-D01'].judges).toBe(1);
		expect(courts['KZ71-D01'].perJudge).toBeCloseTo(13 / 12, 9);
		expect(courts['KZ71-D01'].forecastIncoming).toBeCloseTo(1, 9);
		expect(courts['KZ71-D01'].judgesNeeded).toBeCloseTo(12 / 13, 9);
		expect(plan.weighted).toBe(0);
	});
});
