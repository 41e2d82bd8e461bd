/**
 * Forecasts of an indicator for a view's filters: the history through the metrics layer, the
 * method chosen per series by its backtest (domain/forecast), the cassation reform handled where
 * it matters. Results are kept until the data change (the data revision), per indicator, filters
 * and what the viewer may see, so the explorer, the API and the planning page share them.
 */
import type { Indicator } from '../../domain/catalog';
import { REFORM_BREAK, territoryChange } from '../../domain/forecast/breaks';
import type { BacktestScore } from '../../domain/forecast/backtest';
import { forecastSeries, MAX_HORIZON, type BreakMode, type ScoredCandidate } from '../../domain/forecast/forecast';
import type { MethodId, TransformId } from '../../domain/forecast/methods';
import type { ForecastRow } from '../../domain/forecast/response';
import { monthsAfter, prepareSeries } from '../../domain/forecast/series';
import type { Filters, Parsed, ViewQuery } from '../../domain/query';
import { maySeeJudges, suppressesSmallCounts, type Access } from '../../domain/roles';
import { singleRecord } from '../disclosure/suppress';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import type { DataSource } from '../metrics/run';
import { monthlyHistory } from './series';

export type ForecastStatus = 'ok' | 'too_short' | 'suppressed' | 'one_record';

export interface IndicatorForecast {
	indicator: string;
	source: DataSource;
	filters: Filters;
	ignored: string[];
	asOf: string;
	status: ForecastStatus;
	method: MethodId | null;
	transform: TransformId | null;
	breakMode: BreakMode;
	/** The cassation reform, when it breaks this series: its date and the reformed instances' share. */
	reform: { date: string; share: number } | null;
	/** The reformed instances' share of the series around the reform (null: not known for this view). */
	reformShare: number | null;
	/** The regions' re-forming, when it changed the territory of the series: the months before `since` are not used. */
	territory: { date: string; since: string } | null;
	/** Months the model treated as outliers (left out of its fit and error variance). */
	outliers: string[];
	/** The months the model used. */
	history: { period: string; value: number }[];
	/** The incomplete last month, left out of the model. */
	partial: { period: string; value: number | null } | null;
	/** Months left out at the start as the records' run-in. */
	runIn: number;
	/** The chosen method's backtest; its coverage is that of the calibrated bands. */
	backtest: BacktestScore | null;
	/** The seasonal naive method on the same backtest. */
	baseline: BacktestScore | null;
	/** Every method's backtest with its own bands; the chosen one's are the uncalibrated scores of `backtest`'s forecasts. */
	candidates: (BacktestScore & { method: MethodId; transform: TransformId })[];
	/** Up to MAX_HORIZON months ahead. */
	rows: ForecastRow[];
	/** With too_short: complete months available and needed. */
	months?: number;
	needed?: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

function summary(score: BacktestScore): BacktestScore {
	const { origins, points, mase, msis, hits80, hits95, coverage80, coverage95 } = score;
	return { origins, points, mase, msis, hits80, hits95, coverage80, coverage95 };
}

async function compute(db: Queryable, indicator: Indicator, query: ViewQuery, access: Access): Promise<Parsed<IndicatorForecast>> {
	const read = await monthlyHistory(db, indicator, query, access);
	if (!read.ok) return read;
	const { points, source, ignored, asOf, reformShare } = read.value;
	const broken = reformShare !== null && reformShare >= REFORM_BREAK.materialShare;
	const territory = territoryChange(query.filters.region);
	const series = prepareSeries(points, { breakDate: broken ? REFORM_BREAK.date : undefined, since: territory?.since });
	const base: IndicatorForecast = {
		indicator: indicator.id,
		source,
		filters: query.filters,
		ignored,
		asOf,
		status: 'ok',
		method: null,
		transform: null,
		breakMode: 'none',
		reform: null,
		reformShare,
		territory,
		outliers: [],
		history: series.periods.map((period, i) => ({ period, value: series.values[i] })),
		partial: series.partial,
		runIn: series.runIn,
		backtest: null,
		baseline: null,
		candidates: [],
		rows: []
	};
	// A forecast resting on a figure the viewer may not see would reveal it: none is given. A smallest
	// or largest value is one record's, hidden from the public however many records there are.
	if (series.suppressed) {
		const status = suppressesSmallCounts(access) && singleRecord(indicator.measure) ? 'one_record' : 'suppressed';
		return { ok: true, value: { ...base, status, history: [], partial: null } };
	}
	const outcome = forecastSeries(series.values, { horizon: MAX_HORIZON, breakAt: series.breakAt });
	if (!outcome.ok) return { ok: true, value: { ...base, status: 'too_short', months: outcome.months, needed: outcome.needed } };
	const f = outcome.value;
	const periods = monthsAfter(series.periods.at(-1)!, MAX_HORIZON);
	return {
		ok: true,
		value: {
			...base,
			method: f.method,
			transform: f.transform,
			breakMode: f.breakMode,
			reform: f.breakMode === 'none' ? null : { date: REFORM_BREAK.date, share: reformShare! },
			history: base.history.slice(f.start),
			outliers: f.outliers.map((t) => series.periods[t]),
			backtest: summary(f.backtest),
			baseline: summary(f.baseline),
			candidates: f.candidates.map((c: ScoredCandidate) => ({ method: c.method, transform: c.transform, ...summary(c) })),
			rows: f.rows.map((r, i) => ({
				period: periods[i],
				value: round(r.value),
				lower80: round(r.lower80),
				upper80: round(r.upper80),
				lower95: round(r.lower95),
				upper95: round(r.upper95)
			}))
		}
	};
}

const MAX_ENTRIES = 500;
const cache = new Map<string, Promise<Parsed<IndicatorForecast>>>();
let cachedRevision = -1;

/** What the viewer may see changes the figures: suppression, and breakdowns by judge. */
function cacheKey(indicator: Indicator, query: ViewQuery, access: Access): string {
	const seen = suppressesSmallCounts(access) ? `min${access.minCount}` : maySeeJudges(access) ? 'personal' : 'all';
	return JSON.stringify([indicator.id, query.source ?? 'auto', Object.entries(query.filters).sort(), seen]);
}

/** Forgets every kept forecast (the benchmark times forecasts not yet made). */
export function forgetForecasts(): void {
	cache.clear();
}

export function forecastIndicator(
	db: Queryable,
	indicator: Indicator,
	query: ViewQuery,
	access: Access
): Promise<Parsed<IndicatorForecast>> {
	if (cachedRevision !== dataRevision()) {
		cache.clear();
		cachedRevision = dataRevision();
	}
	const key = cacheKey(indicator, query, access);
	let entry = cache.get(key);
	if (!entry) {
		if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
		entry = compute(db, indicator, query, access);
		cache.set(key, entry);
		// A failure is not kept: the next request tries again.
		entry.catch(() => cache.delete(key));
	}
	return entry;
}
