/**
 * Same seed and scale give byte-identical files; cases and fraud grow with the scale together.
 * Small scales keep this quick.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoProgress, type DemoResult } from './generate';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-determinism-'));
const runs: Record<string, DemoResult> = {};
const progress: DemoProgress[] = [];

beforeAll(async () => {
	runs.a = await generateDemo({ scale: 0.05, outDir: path.join(root, 'a'), onProgress: (p) => progress.push(p) });
	runs.b = await generateDemo({ scale: 0.05, outDir: path.join(root, 'b') });
	runs.otherSeed = await generateDemo({ scale: 0.05, outDir: path.join(root, 'c'), seed: 7 });
	runs.double = await generateDemo({ scale: 0.1, outDir: path.join(root, 'd') });
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const kinds = ['cases', 'fraud', 'court_stats'] as const;
const lines = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n');

describe('demo generator determinism', () => {
	it('gives byte-identical files for the same seed and scale', () => {
		for (const kind of kinds) expect(sha256(runs.b.files[kind]), kind).toBe(sha256(runs.a.files[kind]));
		expect(runs.b.rows).toEqual(runs.a.rows);
		expect(runs.a.asOf).toBe('2026-09-30');
	});

	it('gives different files for another seed', () => {
		for (const kind of kinds) expect(sha256(runs.otherSeed.files[kind]), kind).not.toBe(sha256(runs.a.files[kind]));
	});

	it('scales the cases and the fraud incidents together', () => {
		for (const kind of ['cases', 'fraud'] as const) {
			const ratio = runs.double.rows[kind] / runs.a.rows[kind];
			expect(ratio, kind).toBeGreaterThan(1.9);
			expect(ratio, kind).toBeLessThan(2.1);
		}
		expect(lines(runs.a.files.fraud).length - 1).toBe(runs.a.rows.fraud);
	});

	it('reports progress through fraud, cases month by month, then the forms', () => {
		expect(progress[0]).toMatchObject({ phase: 'fraud', done: 1 });
		const months = progress.filter((p) => p.phase === 'cases');
		expect(months[0].month).toBe('2018-01');
		expect(months.at(-1)).toMatchObject({ month: '2026-09', done: 1, rows: runs.a.rows.cases });
		for (let i = 1; i < months.length; i++) expect(months[i].done).toBeGreaterThan(months[i - 1].done);
		expect(progress.at(-1)).toMatchObject({ phase: 'court_stats', done: 1, rows: runs.a.rows.court_stats });
	});

	it('refuses a scale that is not a positive number', async () => {
		await expect(generateDemo({ scale: 0, outDir: path.join(root, 'bad') })).rejects.toThrow(/scale/);
		await expect(generateDemo({ scale: Number.NaN, outDir: path.join(root, 'bad') })).rejects.toThrow(/scale/);
	});
});
