/**
 * `npx tsx scripts/bench-forecast.ts --database FILE [--runs 5]`: times forecasts on a loaded
 * database (opened read-only) and reports the backtest of each region.
 *
 * - one series: national monthly incoming, from the history query to the chosen forecast, not yet
 *   forecast (the forecast cache emptied before each run) while the data's per-revision facts
 *   (as-of date, coverage, rollup columns) are known, as for every request after the first of a
 *   data revision; and the same right after a data change, when those facts are read again;
 * - all 20 regions one after another, not yet forecast, and the 20 asked for at once (as a page
 *   or client asking for each region's forecast does: one region's queries run while another's
 *   model is fitted);
 * - the model alone, and the history query alone against raw DuckDB running the statements it
 *   ran (captured with QUERY_LOG) on the same file, the two taking turns;
 * - per region: the chosen method, its MASE, seasonal naive's MASE and the coverage of the
 *   calibrated bands (each backtest origin's calibrated on the errors known at it), beside that of
 *   the model's own bands.
 * Wall times on a shared machine include waiting for a core; the process's CPU time per series is
 * given beside them. Writes the tables into BENCHMARKS.md between its forecast markers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indicatorById } from '../src/lib/domain/catalog';
import { forecastSeries, MAX_HORIZON } from '../src/lib/domain/forecast/forecast';
import { REGION_CODES } from '../src/lib/domain/regions';
import type { Access } from '../src/lib/domain/roles';
import { Database } from '../src/lib/server/db/database';
import { bumpDataRevision } from '../src/lib/server/db/revision';
import { forecastIndicator, forgetForecasts, type IndicatorForecast } from '../src/lib/server/forecast/forecast';
import { monthlyHistory } from '../src/lib/server/forecast/series';
import { rollupsCurrent } from '../src/lib/server/metrics/maintain';
import { RawDuckDB, readLog } from './bench/raw';
import { median, timeTurns } from './bench/timing';

const { values } = parseArgs({
	options: { database: { type: 'string' }, runs: { type: 'string', default: '5' }, report: { type: 'string', default: 'BENCHMARKS.md' } }
});
if (!values.database) throw new Error('--database FILE is required');
const runs = Number(values.runs);
const access: Access = { role: 'analyst', minCount: 5 };
const incoming = indicatorById('incoming')!;
const threads = 2;
const db = await Database.open(values.database, { threads, readOnly: true });
// Opened read-only, the rollups cannot be rebuilt: with another version's, every history query
// would read the case rows and the figures would time a path the server does not take.
if (!(await rollupsCurrent(db))) {
	console.error(
		`The rollups of ${values.database} are not this version's: start the server on it once (or run npm run bench on it), then measure.`
	);
	process.exit(1);
}
const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM cases');

async function one(filters: Record<string, string[]>): Promise<IndicatorForecast> {
	const result = await forecastIndicator(db, incoming, { by: [], filters }, access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}

interface Timing {
	wall: number[];
	cpu: number[];
}

/** Wall and CPU time (ms) of each run, after a warm-up; `before` runs untimed ahead of each. */
async function timed(task: () => Promise<unknown>, before: () => void): Promise<Timing> {
	before();
	await task();
	const out: Timing = { wall: [], cpu: [] };
	for (let i = 0; i < runs; i++) {
		before();
		const [t, c] = [performance.now(), process.cpuUsage()];
		await task();
		const used = process.cpuUsage(c);
		out.wall.push(performance.now() - t);
		out.cpu.push((used.user + used.system) / 1000);
	}
	return out;
}

const nationalWarm = await timed(() => one({}), forgetForecasts);
const nationalCold = await timed(() => one({}), bumpDataRevision);
const regions = await timed(async () => {
	for (const region of REGION_CODES) await one({ region: [region] });
}, forgetForecasts);
const regionsAtOnce = await timed(() => Promise.all(REGION_CODES.map((region) => one({ region: [region] }))), forgetForecasts);

// The history query alone, against DuckDB running the statements it ran.
const log = path.join(os.tmpdir(), `bench-forecast-${process.pid}.jsonl`);
process.env.QUERY_LOG = log;
const history = () => monthlyHistory(db, incoming, { by: [], filters: {} }, access);
await history();
delete process.env.QUERY_LOG;
const { statements } = readLog(log, 0);
fs.rmSync(log, { force: true });
const raw = await RawDuckDB.open(values.database, { threads: String(threads) });
const [serverHistory, rawHistory] = await timeTurns(runs, history, () => raw.run(statements));
const duckdbVersion = await raw.version();
raw.close();

/** The chosen method's backtest with its own, uncalibrated bands: its entry among the candidates. */
const ownBands = (f: Awaited<ReturnType<typeof one>>) => f.candidates.find((c) => c.method === f.method && c.transform === f.transform)!;

forgetForecasts();
const rows: string[] = [];
const totals = { hits80: 0, hits95: 0, own80: 0, own95: 0, points: 0 };
for (const region of REGION_CODES) {
	const f = await one({ region: [region] });
	const [b, u] = [f.backtest!, ownBands(f)];
	for (const key of ['hits80', 'hits95', 'points'] as const) totals[key] += b[key];
	totals.own80 += u.hits80;
	totals.own95 += u.hits95;
	const from = f.territory ? ` (from ${f.territory.since.slice(0, 7)})` : '';
	rows.push(
		`| ${region} | ${f.method}${f.transform === 'log' ? ' (log)' : ''}${from} | ${b.mase!.toFixed(2)} | ${f.baseline!.mase!.toFixed(2)} | ${b.hits80} of ${b.points} (${Math.round(b.coverage80! * 100)} %) | ${b.hits95} of ${b.points} (${Math.round(b.coverage95! * 100)} %) | ${u.hits80} / ${u.hits95} | ${f.outliers.map((p) => p.slice(0, 7)).join(', ') || '–'} |`
	);
}
const nat = await one({});
db.close();
// The model alone (no query): the national history through the backtest and the forecast.
const series = nat.history.map((h) => h.value);
const model = await timed(
	async () => forecastSeries(series, { horizon: MAX_HORIZON }),
	() => undefined
);
const load = os.loadavg().map((l) => l.toFixed(1));

const ms = (xs: number[]) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
const both = (t: Timing) => `${ms(t.wall)} | ${Math.round(median(t.cpu))} ms`;
const pct = (k: number) => Math.round((k / totals.points) * 100);
const text = `<!-- forecast-bench:start -->
### Forecasts (\`scripts/bench-forecast.ts\`)

**Data**: ${n.toLocaleString('en')} case records (${path.basename(values.database)}, opened read-only, ${threads} DuckDB threads); analyst's view; medians of ${runs} runs after a warm-up (range in brackets), measured on ${new Date().toISOString().slice(0, 16)} UTC on the shared 2-core machine, **load average ${load.join(' / ')}** (1 / 5 / 15 min) at the end. CPU time is the process's (JavaScript and DuckDB's threads).

| What | Wall time | CPU time |
| --- | --- | --- |
| One series: national monthly incoming, not yet forecast (history query, break check, backtest of 5 candidates over 12 origins, the chosen one's calibration over up to 30 more, forecast) | ${both(nationalWarm)} |
| The same right after a data change (as-of date, coverage and rollup columns read again) | ${both(nationalCold)} |
| All 20 regions one after another, not yet forecast | ${both(regions)} |
| All 20 regions asked for at once, not yet forecast | ${both(regionsAtOnce)} |
| The model alone on the national series (no query) | ${both(model)} |
| The history query alone (${statements.length} statements through the metrics layer) | ${ms([serverHistory])} | |
| The same statements in raw DuckDB ${duckdbVersion} | ${ms([rawHistory])} (server ${(serverHistory / rawHistory).toFixed(2)}×) | |

National monthly incoming: ${nat.method}${nat.transform === 'log' ? ' (log)' : ''}, MASE ${nat.backtest!.mase!.toFixed(2)} against ${nat.baseline!.mase!.toFixed(2)} for seasonal naive; calibrated 80 % band ${nat.backtest!.hits80} of ${nat.backtest!.points}, 95 % band ${nat.backtest!.hits95} of ${nat.backtest!.points} (the model's own bands: ${ownBands(nat).hits80} and ${ownBands(nat).hits95}); outliers left out: ${nat.outliers.map((p) => p.slice(0, 7)).join(', ') || 'none'}.

Backtest of monthly incoming per region (12 origins, forecasts 1–12 months ahead; the method chosen by MASE; the bands calibrated on the errors known at each origin, never on its own outcomes); all regions together: calibrated 80 % band ${totals.hits80} of ${totals.points} (${pct(totals.hits80)} %), 95 % band ${totals.hits95} of ${totals.points} (${pct(totals.hits95)} %); the models' own bands ${totals.own80} (${pct(totals.own80)} %) and ${totals.own95} (${pct(totals.own95)} %):

| Region | Method | MASE | Seasonal naive MASE | Inside calibrated 80 % band | Inside calibrated 95 % band | Inside the model's own 80 / 95 % bands | Outliers left out |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
<!-- forecast-bench:end -->`;
console.log(text);
const report = fs.readFileSync(values.report, 'utf8');
const start = report.indexOf('<!-- forecast-bench:start -->');
const end = report.indexOf('<!-- forecast-bench:end -->');
const next =
	start >= 0
		? report.slice(0, start) + text + report.slice(end + '<!-- forecast-bench:end -->'.length)
		: report.replace('## Notes (by hand)', `${text}\n\n## Notes (by hand)`);
fs.writeFileSync(values.report, next);
