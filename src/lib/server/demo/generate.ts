/**
 * The demo dataset: a deterministic, seeded generator of the canonical CSV files for
 * 2019-01-01..2026-09-30. Same seed and scale give byte-identical files. See data/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CASE_TYPE_VALUES } from '../../domain/categories';
import { AS_OF, AS_OF_ISO, START, WARMUP_START, isoOf, monthStarts } from './calendar';
import { CaseNumbers } from './case-numbers';
import { CourtStats } from './court-stats';
import { CsvFile } from './csv';
import { generateFraud } from './fraud';
import { JudgeRoster } from './judges';
import { MatterGenerator } from './matters';
import { Rng } from './random';
import { CASE_HEADER, COURT_STATS_HEADER, FRAUD_HEADER, caseLine, type CaseRow } from './rows';
import { TYPE_MIX, categoriesAt, filingDaysOf, nationalFirstInstance } from './volume';

export { PLANTED_ANOMALIES } from './anomalies';

export const DEFAULT_SEED = 20_260_930;
const FLUSH_EVERY = 10_000;

export type DemoFile = 'cases' | 'fraud' | 'court_stats';

export interface DemoProgress {
	phase: DemoFile;
	/** Month being generated (YYYY-MM) for fraud and cases. */
	month?: string;
	/** Share of the work done, 0-1. */
	done: number;
	/** Rows written so far to the file of this phase. */
	rows: number;
}

export interface DemoOptions {
	/** 10 = national volume of cases and fraud incidents; 1 = one tenth (about 1.2 M case rows). */
	scale: number;
	outDir: string;
	seed?: number;
	onProgress?: (progress: DemoProgress) => void;
}

export interface DemoResult {
	files: Record<DemoFile, string>;
	rows: Record<DemoFile, number>;
	asOf: typeof AS_OF_ISO;
}

export async function generateDemo({ scale, outDir, seed = DEFAULT_SEED, onProgress }: DemoOptions): Promise<DemoResult> {
	if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
	fs.mkdirSync(outDir, { recursive: true });
	const files: Record<DemoFile, string> = {
		cases: path.join(outDir, 'cases.csv'),
		fraud: path.join(outDir, 'fraud.csv'),
		court_stats: path.join(outDir, 'court_stats.csv')
	};
	const numbers = new CaseNumbers();
	// Fraud first: incidents in court decide which criminal cases exist and their numbers.
	const fraudFile = new CsvFile(files.fraud, FRAUD_HEADER);
	const fraud = generateFraud(new Rng(seed, 'fraud'), scale / 10, numbers, fraudFile);
	await fraudFile.close();
	onProgress?.({ phase: 'fraud', done: 1, rows: fraud.rows });

	const casesFile = new CsvFile(files.cases, CASE_HEADER);
	const stats = new CourtStats();
	const keep = (matter: readonly CaseRow[]) => {
		// Warm-up matters supply the backlog of START: those still open then are kept whole, with the history that led to it.
		if (matter.every((row) => row.filed < START && row.decided !== null && row.decided < START)) return;
		for (const row of matter) {
			stats.add(row);
			casesFile.push(caseLine(row));
		}
	};
	const judges = new JudgeRoster(scale);
	const months = monthStarts(WARMUP_START, AS_OF);
	for (const [i, month] of months.entries()) {
		// One stream per month keeps months independent of each other's draws.
		const rng = new Rng(seed, `cases:${isoOf(month)}`);
		const matters = new MatterGenerator(rng, judges, numbers, keep);
		const days = filingDaysOf(month);
		const national = nationalFirstInstance(month);
		for (const type of CASE_TYPE_VALUES) {
			const n = rng.poisson((national * TYPE_MIX[type] * scale) / 10);
			for (let k = 1; k <= n; k++) {
				const filed = rng.pick(days);
				if (filed <= AS_OF) matters.fileCase(type, rng.pick(categoriesAt(type, filed)), filed);
				// Let the disk catch up now and then, so that memory stays flat at any scale.
				if (k % FLUSH_EVERY === 0) await casesFile.flush();
			}
		}
		for (const first of fraud.cases.get(month) ?? []) matters.hear(first);
		await casesFile.flush();
		onProgress?.({ phase: 'cases', month: isoOf(month).slice(0, 7), done: (i + 1) / months.length, rows: casesFile.rows });
	}
	await casesFile.close();

	const statsFile = new CsvFile(files.court_stats, COURT_STATS_HEADER);
	stats.write(statsFile);
	await statsFile.close();
	onProgress?.({ phase: 'court_stats', done: 1, rows: statsFile.rows });

	return {
		files,
		rows: { cases: casesFile.rows, fraud: fraud.rows, court_stats: statsFile.rows },
		asOf: AS_OF_ISO
	};
}
