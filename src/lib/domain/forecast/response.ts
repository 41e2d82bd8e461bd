/** The answer of GET /api/indicators/{id}/forecast, as the explorer's fan chart reads it. */
import type { BacktestScore } from './backtest';
import type { BreakMode } from './forecast';
import type { MethodId, TransformId } from './methods';

export interface ForecastRow {
	period: string;
	value: number;
	lower80: number;
	upper80: number;
	lower95: number;
	upper95: number;
}

export interface ForecastResponse {
	indicator: string;
	name: string;
	source: string;
	asOf: string;
	method: MethodId | null;
	transform: TransformId | null;
	horizon: number;
	backtest: (BacktestScore & { baselineMase: number | null }) | null;
	breakMode: BreakMode;
	reform: { date: string; share: number } | null;
	/** The cassation and supervisory instances' share of the series around the reform. */
	reformShare: number | null;
	/** The regions' re-forming, when it changed the series' territory: months before `since` are not used. */
	territory: { date: string; since: string } | null;
	/** Months treated as outliers: left out of the model's fit and error variance. */
	outliers: string[];
	partial: { period: string; value: number | null } | null;
	runIn: number;
	/** Why there is no forecast, in the viewer's language (null when there is one). */
	unavailable: string | null;
	history: { period: string; value: number }[];
	rows: ForecastRow[];
}
