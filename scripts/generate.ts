/**
 * Generates the synthetic demo dataset: `npm run generate -- --scale S [--out DIR] [--seed N]`.
 * Writes cases.csv, fraud.csv and court_stats.csv (default directory data/generated/scale-S).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemo, type DemoProgress } from '../src/lib/server/demo/generate';

const USAGE = 'Usage: npm run generate -- --scale S [--out DIR] [--seed N]';

function numberOption(name: string, raw: string): number {
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		console.error(`--${name} must be a positive number, got "${raw}"\n${USAGE}`);
		process.exit(2);
	}
	return value;
}

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		out: { type: 'string' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		help: { type: 'boolean', short: 'h', default: false }
	}
});
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const scale = numberOption('scale', values.scale);
const seed = numberOption('seed', values.seed);
const outDir = path.resolve(values.out ?? path.join('data', 'generated', `scale-${scale}`));

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
let lastYear = '';

function report(p: DemoProgress): void {
	const line = `${p.phase.padEnd(11)} ${p.month ?? ''} ${String(Math.round(p.done * 100)).padStart(3)}%  ${p.rows.toLocaleString('en')} rows  ${seconds()} s`;
	if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
	// Without a terminal, one line per year (and per file) keeps logs short.
	else if ((p.month ?? p.phase).slice(0, 4) !== lastYear) process.stderr.write(`${line}\n`);
	lastYear = (p.month ?? p.phase).slice(0, 4);
}

console.log(`Generating SYNTHETIC demo data: scale ${scale}, seed ${seed}, into ${outDir}`);
const result = await generateDemo({ scale, outDir, seed, onProgress: report });
if (process.stderr.isTTY) process.stderr.write('\n');

console.log(`Done in ${seconds()} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, as of ${result.asOf}:`);
for (const kind of ['cases', 'fraud', 'court_stats'] as const) {
	const mb = fs.statSync(result.files[kind]).size / 1e6;
	console.log(
		`  ${kind.padEnd(12)} ${result.rows[kind].toLocaleString('en').padStart(12)} rows  ${mb.toFixed(1).padStart(8)} MB  ${result.files[kind]}`
	);
}
