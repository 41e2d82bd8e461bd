/**
 * What the disclosure control costs (docs/security.md, "What it costs, measured"): every catalog
 * indicator for a year, in four scopes, as the public and as an analyst, on demo data. Compares
 * each figure the public sees with the exact one (counts: relative change; amounts: relative
 * change; rates: percentage points; medians: relative change), and times the requests both ways.
 *
 *   npx tsx scripts/bench-disclosure.ts [--scale 1] [--year 2025] [--runs 3] [--work DIR]
 *
 * The demo database is generated into the work directory once and reused by later runs.
 * Prints a Markdown table and the machine's load average while it ran.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INDICATORS, type Indicator } from '../src/lib/domain/catalog';
import { parseQuery } from '../src/lib/domain/query';
import type { Access } from '../src/lib/domain/roles';
import { settings } from '../src/lib/server/config';
import type { Database } from '../src/lib/server/db/database';
import { runIndicator, type ResultRow } from '../src/lib/server/metrics/run';
import { refreshRollups, rollupsCurrent } from '../src/lib/server/metrics/maintain';
import { openAppDatabase } from '../src/lib/server/startup';

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		year: { type: 'string', default: '2025' },
		runs: { type: 'string', default: '3' },
		work: { type: 'string' }
	}
});
const scale = Number(values.scale);
const year = values.year;
const runs = Number(values.runs);
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `court-disclosure-bench-${scale}`));
fs.mkdirSync(work, { recursive: true });

const PUBLIC: Access = { role: 'public', minCount: 5 };
const ANALYST: Access = { role: 'analyst', minCount: 5 };
const SCOPES: [string, string][] = [
	['Country', `period=${year}`],
	['By region', `period=${year}&by=region`],
	['By month', `period=${year}&grain=month`],
	[`By region and month (${year} Q1)`, `period=${year}-Q1&by=region&grain=month`]
];

type Kind = 'count' | 'amount' | 'rate' | 'median';
const KIND_OF: Partial<Record<Indicator['unit'], Kind>> = { count: 'count', kzt: 'amount', percent: 'rate', days: 'median' };
const kindOf = (indicator: Indicator): Kind | null => {
	const kind = KIND_OF[indicator.unit];
	// Days are medians or means of durations; only quantiles are changed as medians.
	if (kind === 'median') return indicator.measure.kind === 'quantile' || indicator.measure.kind === 'stock_quantile' ? 'median' : null;
	return kind ?? null;
};

async function rows(db: Database, indicator: Indicator, params: string, access: Access): Promise<{ rows: ResultRow[]; ms: number }> {
	const parsed = parseQuery(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(`${params}: ${JSON.stringify(parsed.errors)}`);
	const started = performance.now();
	const result = await runIndicator(db, indicator, parsed.value, access);
	const ms = performance.now() - started;
	return { rows: result.ok ? result.value.rows : [], ms };
}

const quantile = (xs: number[], q: number) => {
	if (!xs.length) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (xs: number[]) => quantile(xs, 0.5);
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(0)} %`);
const pp = (x: number) => (Number.isNaN(x) ? '—' : x < 0.1 ? x.toFixed(3) : x.toFixed(2));
const spread = (xs: number[], f: (x: number) => string) => `${f(median(xs))} / ${f(quantile(xs, 0.9))} / ${f(Math.max(...xs))}`;
const loadavg = () => os.loadavg().map((x) => x.toFixed(2));

const databasePath = path.join(work, 'court.duckdb');
const db = await openAppDatabase(
	{ ...settings(), databasePath, demoScale: scale, demoDir: path.join(work, 'generated'), uploadsDir: path.join(work, 'uploads') },
	(message) => console.error(message)
);
// The figures come from the rollups, as the server's do.
if (!(await rollupsCurrent(db))) await db.transaction((tx) => refreshRollups(tx));

const loadBefore = loadavg();
const lines = [
	'| Scope | Figures | Hidden | Counts: change, median / 90th pct. / max | Amounts | Rates (percentage points) | Medians | ms per request, public / analyst |',
	'| --- | --- | --- | --- | --- | --- | --- | --- |'
];
for (const [scope, params] of SCOPES) {
	const changes: Record<Kind, number[]> = { count: [], amount: [], rate: [], median: [] };
	let figures = 0;
	let hidden = 0;
	const times = { public: [] as number[], analyst: [] as number[] };
	for (const indicator of INDICATORS) {
		let shown: ResultRow[] = [];
		let exact: ResultRow[] = [];
		const publicMs: number[] = [];
		const analystMs: number[] = [];
		for (let run = 0; run < runs; run += 1) {
			// Alternating, so that both meet the machine's load alike.
			const p = await rows(db, indicator, params, PUBLIC);
			const a = await rows(db, indicator, params, ANALYST);
			publicMs.push(p.ms);
			analystMs.push(a.ms);
			shown = p.rows;
			exact = a.rows;
		}
		times.public.push(median(publicMs));
		times.analyst.push(median(analystMs));
		const kind = kindOf(indicator);
		exact.forEach((truth, i) => {
			const seen = shown[i];
			if (!seen || truth.value === null) return;
			figures += 1;
			if (seen.suppressed) {
				hidden += 1;
				return;
			}
			if (kind === null || seen.value === null) return;
			if (kind === 'rate') changes.rate.push(Math.abs(seen.value - truth.value));
			else if (truth.value !== 0) changes[kind].push((100 * Math.abs(seen.value - truth.value)) / Math.abs(truth.value));
		});
	}
	const ms = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
	lines.push(
		`| ${scope} | ${figures.toLocaleString('en')} | ${hidden.toLocaleString('en')} | ${spread(changes.count, pct)} | ${spread(changes.amount, pct)} | ${spread(changes.rate, pp)} | ${spread(changes.median, pct)} | ${ms(times.public)} / ${ms(times.analyst)} |`
	);
	console.error(`${scope} done`);
}
db.close();
console.log(lines.join('\n'));
console.log(
	`\nScale ${scale}, ${year}, ${runs} runs of each request (median); ${os.cpus().length} cores, load average (1/5/15 min) ${loadBefore.join(' ')} before and ${loadavg().join(' ')} after; ${new Date().toISOString().slice(0, 10)}.`
);
