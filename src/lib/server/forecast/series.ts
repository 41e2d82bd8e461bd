/**
 * The monthly history of an indicator for a view's filters, read through the metrics layer like
 * every other figure (so indicators defined as data are forecast the same way), and whether the
 * cassation reform breaks it.
 */
import type { Indicator } from '../../domain/catalog';
import { REFORM_BREAK, reformShare } from '../../domain/forecast/breaks';
import { shiftMonth, type MonthPoint } from '../../domain/forecast/series';
import { addDays } from '../../domain/period';
import type { Parsed, ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { indicatorRange } from '../metrics/as-of';
import { runIndicator, type DataSource } from '../metrics/run';

/** Years of history read: enough for seasonal models and a backtest, short enough to stay relevant. */
export const HISTORY_MONTHS = 96;

export interface History {
	points: MonthPoint[];
	source: DataSource;
	ignored: string[];
	asOf: string;
	/** Share of the series from the reformed instances around the reform (null: not by instance). */
	reformShare: number | null;
}

/** The view's filters and source only: forecasts always read the whole history, monthly. */
function filtersOnly(query: ViewQuery): ViewQuery {
	return { by: [], filters: query.filters, ...(query.source ? { source: query.source } : {}) };
}

export async function monthlyHistory(db: Queryable, indicator: Indicator, query: ViewQuery, access: Access): Promise<Parsed<History>> {
	const { asOf } = await indicatorRange(db, indicator);
	const from = shiftMonth(asOf, 1 - HISTORY_MONTHS);
	const base = filtersOnly(query);
	const history = await runIndicator(db, indicator, { ...base, grain: 'month', period: { kind: 'range', from, to: asOf } }, access);
	if (!history.ok) return history;
	const reform = REFORM_BREAK.date;
	const around = await runIndicator(
		db,
		indicator,
		{ ...base, by: ['instance'], period: { kind: 'range', from: shiftMonth(reform, -12), to: addDays(shiftMonth(reform, 12), -1) } },
		access
	);
	const points = history.value.rows.map((row): MonthPoint => ({
		period: String(row.period),
		value: row.value,
		partial: Boolean(row.partial),
		suppressed: Boolean(row.suppressed)
	}));
	return {
		ok: true,
		value: {
			points,
			source: history.value.source,
			ignored: history.value.ignored,
			asOf,
			reformShare: around.ok ? reformShare(around.value.rows) : null
		}
	};
}
