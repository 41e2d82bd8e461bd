/**
 * `npx tsx scripts/bench-forecast.ts --database FILE [--runs 5]`: times forecasts on a loaded
 * database (a copy is not needed: it is only read) and reports the backtest of each region.
 *
 * - one series: national monthly incoming, from the history query to the chosen forecast, cold
 *   (the forecast cache emptied before each run);
 * - all 20 regions one after another, cold;
 * - per region: the chosen method, its MASE, seasonal naive's MASE and the coverage of the bands.
 * Writes the tables into BENCHMARKS.md between its forecast markers.
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
import { forecastIndicator, type IndicatorForecast } from '../src/lib/server/forecast/forecast';
import { bumpDataRevision } from '../src/lib/server/metrics/revision';

const { values } = parseArgs({
	options: { database: { type: 'string' }, runs: { type: 'string', default: '5' }, report: { type: 'string', default: 'BENCHMARKS.md' } }
});
if (!values.database) throw new Error('--database FILE is required');
const runs = Number(values.runs);
const access: Access = { role: 'analyst', minCount: 5 };
const incoming = indicatorById('incoming')!;
const db = await Database.open(values.database, { threads: 2 });
const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM cases');

async function one(filters: Record<string, string[]>): Promise<IndicatorForecast> {
	const result = await forecastIndicator(db, incoming, { by: [], filters }, access);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.value;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(task: () => Promise<unknown>): Promise<number[]> {
	bumpDataRevision();
	await task(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		bumpDataRevision();
		const t = performance.now();
		await task();
		times.push(performance.now() - t);
	}
	return times;
}

const national = await timed(() => one({}));
const regions = await timed(async () => {
	for (const region of REGION_CODES) await one({ region: [region] });
});
bumpDataRevision();
const rows: string[] = [];
for (const region of REGION_CODES) {
	const f = await one({ region: [region] });
	const b = f.backtest!;
	rows.push(
		`| ${region} | ${f.method}${f.transform === 'log' ? ' (log)' : ''} | ${b.mase!.toFixed(2)} | ${f.baseline!.mase!.toFixed(2)} | ${b.hits80} of ${b.points} (${Math.round(b.coverage80! * 100)} %) | ${b.hits95} of ${b.points} (${Math.round(b.coverage95! * 100)} %) |`
	);
}
const nat = await one({});
db.close();
// The model alone (no query): the national history through the backtest and the forecast.
const series = nat.history.map((h) => h.value);
forecastSeries(series, { horizon: MAX_HORIZON });
const model: number[] = [];
for (let i = 0; i < runs; i++) {
	const t = performance.now();
	forecastSeries(series, { horizon: MAX_HORIZON });
	model.push(performance.now() - t);
}
const load = os.loadavg()[0].toFixed(1);

const ms = (xs: number[]) => `${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;
const text = `<!-- forecast-bench:start -->
### Forecasts (\`scripts/bench-forecast.ts\`)

**Data**: ${n.toLocaleString('en')} case records (${path.basename(values.database)}); analyst's view; times are medians of ${runs} cold runs (forecast cache emptied) after a warm-up, measured on ${new Date().toISOString().slice(0, 16)} UTC on the shared 2-core machine (load average ${load} at the end).

| What | Time |
| --- | --- |
| One series: national monthly incoming (history query, break check, backtest of 5 candidates over 12 origins, forecast) | ${ms(national)} |
| All 20 regions, one after another | ${ms(regions)} |
| The model alone on the national series (no query) | ${ms(model)} |

National monthly incoming: ${nat.method}${nat.transform === 'log' ? ' (log)' : ''}, MASE ${nat.backtest!.mase!.toFixed(2)} against ${nat.baseline!.mase!.toFixed(2)} for seasonal naive; 80 % band ${nat.backtest!.hits80} of ${nat.backtest!.points}, 95 % band ${nat.backtest!.hits95} of ${nat.backtest!.points}.

Backtest of monthly incoming per region (12 origins, forecasts 1–12 months ahead):

| Region | Method | MASE | Seasonal naive MASE | Inside 80 % band | Inside 95 % band |
| --- | --- | --- | --- | --- | --- |
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
