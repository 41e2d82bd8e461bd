/** The overview's alerts: what is beyond its threshold, ranked by severity (built in src/lib/server/views/alerts.ts). */
import type { ViewQuery } from './query';

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
