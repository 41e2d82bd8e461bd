/**
 * The situational center's home: key indicators for the last 12 months with the change on a
 * year earlier and a monthly sparkline, and the monthly trend of filed and resolved cases.
 * Everything is read through the metrics layer.
 */
import { indicatorById } from '../../domain/catalog';
import { previousYear, resolvePeriod, type Period } from '../../domain/period';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { runIndicator, type ResultRow } from '../metrics/run';

export const HOME_KPIS = [
	'incoming',
	'resolved',
	'pending_end',
	'clearance_rate',
	'disposition_time',
	'median_days',
	'e_filed_share',
	'fraud_incidents'
] as const;

export interface KpiFigure {
	id: string;
	value: number | null;
	/** Set when the value is hidden from this viewer: it rests on fewer records than this. */
	hiddenBelow: number | null;
	previous: number | null;
	spark: (number | null)[];
}

export interface TrendPoint {
	period: string;
	partial: boolean;
	incoming: number | null;
	resolved: number | null;
}

export interface HomeView {
	asOf: string;
	period: Period;
	kpis: KpiFigure[];
	trend: TrendPoint[];
}

async function rows(db: Queryable, id: string, query: ViewQuery, access: Access): Promise<ResultRow[]> {
	const result = await runIndicator(db, indicatorById(id)!, query, access);
	if (!result.ok) throw new Error(`home view query for ${id} is invalid: ${JSON.stringify(result.errors)}`);
	return result.value.rows;
}

const range = (p: Period): ViewQuery['period'] => ({ kind: 'range', ...p });

export async function homeView(db: Queryable, access: Access, filters: ViewQuery['filters'] = {}): Promise<HomeView> {
	const asOf = await dataAsOf(db);
	const period = resolvePeriod({ kind: 'last12' }, asOf);
	const base = { by: [], filters };
	const kpis = await Promise.all(
		HOME_KPIS.map(async (id): Promise<KpiFigure> => {
			const [current, previous, monthly] = await Promise.all([
				rows(db, id, { ...base, period: range(period) }, access),
				rows(db, id, { ...base, period: range(previousYear(period)) }, access),
				rows(db, id, { ...base, period: range(period), grain: 'month' }, access)
			]);
			return {
				id,
				value: current[0]?.value ?? null,
				hiddenBelow: current[0]?.suppressed ? access.minCount : null,
				previous: previous[0]?.value ?? null,
				spark: monthly.map((r) => r.value)
			};
		})
	);
	const history = { ...base, period: range({ from: '2019-01-01', to: asOf }), grain: 'month' as const };
	const [incoming, resolved] = await Promise.all([rows(db, 'incoming', history, access), rows(db, 'resolved', history, access)]);
	const trend = incoming.map((r, i) => ({
		period: String(r.period),
		partial: Boolean(r.partial),
		incoming: r.value,
		resolved: resolved[i]?.value ?? null
	}));
	return { asOf, period, kpis, trend };
}
