/**
 * Alerts: what is beyond its threshold, ranked by severity. Three kinds:
 * - an indicator with catalog thresholds at "watch" or "alert" for the period;
 * - the backlog (pending cases) growing three months in a row;
 * - cassation complaints pending past their statutory limit (6 months since the 2025 reform).
 */
import { indicatorById, indicatorStatus, indicatorThresholds, INDICATORS, type Indicator } from '../../domain/catalog';
import type { Filters, ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { batchable } from '../metrics/compile';
import { kpiFigures, type KpiFigure } from '../metrics/kpis';

export type AlertKind = 'threshold' | 'backlog_growth' | 'overdue_cassation';

export interface Alert {
	kind: AlertKind;
	indicator: string;
	status: 'watch' | 'alert';
	value: number;
	/** The threshold crossed (threshold alerts), or the figure compared with. */
	reference: number | null;
	/** Filters the explorer link adds to the page's own. */
	filters: ViewQuery['filters'];
	/** Larger is worse: the status first, then how far beyond. */
	severity: number;
}

/** Whether the overview's batch computes an indicator for its alerts: it has thresholds (for all cases or some case types) and batches. */
export const watched = (i: Indicator) => Boolean(i.thresholds || i.thresholdsByCaseType) && batchable(i.measure);

/** The catalog's watched indicators (with those defined as data, the overview adds theirs). */
export const WATCHED = INDICATORS.filter(watched).map((i) => i.id);

function thresholdAlert(indicator: Indicator, figure: KpiFigure, filters: Filters): Alert | null {
	const status = indicatorStatus(indicator, figure.value, filters);
	// A figure over a period the data covers only in part is no reading of the courts' work.
	if ((status !== 'watch' && status !== 'alert') || figure.hiddenBelow !== null || figure.incomplete) return null;
	const t = indicatorThresholds(indicator, filters)!;
	const reference = status === 'alert' ? t.bad : t.warn;
	const gap = Math.abs(figure.value! - t.warn) / Math.max(Math.abs(t.warn), 1);
	return {
		kind: 'threshold',
		indicator: indicator.id,
		status,
		value: figure.value!,
		reference,
		filters: {},
		severity: (status === 'alert' ? 2 : 1) + Math.min(gap, 0.99)
	};
}

/** The last three month-on-month changes of the backlog are all increases. */
function backlogAlert(pending: KpiFigure | undefined): Alert | null {
	const months = pending?.months.slice(-4) ?? [];
	// Before the data is complete the backlog "grows" as the records begin.
	if (months.some((m) => pending?.incomplete !== undefined && m.period < pending.incomplete)) return null;
	const last = months.map((m) => m.value);
	if (last.length < 4 || last.some((v) => v === null)) return null;
	const [a, b, c, d] = last as number[];
	if (!(a < b && b < c && c < d)) return null;
	const growth = a > 0 ? (d - a) / a : 1;
	return {
		kind: 'backlog_growth',
		indicator: 'pending_end',
		status: 'watch',
		value: d,
		reference: a,
		filters: {},
		severity: 1 + Math.min(growth, 0.99)
	};
}

export async function overdueCassation(db: Queryable, query: ViewQuery, access: Access): Promise<Alert | null> {
	const instances = query.filters.instance;
	if (instances && !instances.includes('cassation')) return null;
	const filters = { ...query.filters, instance: ['cassation'] };
	// Through the batch, so that it reads the rollups like the tiles do.
	const [figure] = await kpiFigures(db, ['pending_past_limit'], { ...query, by: [], grain: undefined, filters }, access);
	const value = figure.hiddenBelow === null ? figure.value : null;
	if (!value) return null;
	return {
		kind: 'overdue_cassation',
		indicator: 'pending_past_limit',
		status: 'alert',
		value,
		reference: null,
		filters: { instance: ['cassation'] },
		severity: 2.5
	};
}

/**
 * The alerts of the figures computed for the page under its filters (a target for one case type
 * holds only when the page is filtered to it), and of overdueCassation, most severe first.
 * `defined`: watched indicators defined as data.
 */
export function rankAlerts(
	figures: readonly KpiFigure[],
	cassation: Alert | null,
	filters: Filters = {},
	defined: readonly Indicator[] = []
): Alert[] {
	const byId = new Map(figures.map((f) => [f.id, f]));
	const indicators = [...WATCHED.map((id) => indicatorById(id)!), ...defined.filter(watched)];
	const thresholds = indicators.map((i) => (byId.has(i.id) ? thresholdAlert(i, byId.get(i.id)!, filters) : null));
	const alerts = [...thresholds, backlogAlert(byId.get('pending_end')), cassation];
	return alerts.filter((a): a is Alert => a !== null).sort((a, b) => b.severity - a.severity);
}
