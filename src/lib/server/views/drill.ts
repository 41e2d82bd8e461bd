/** The drill-down path of the pages: country → region → court → judge → the case records. */
import type { DimensionId } from '../../domain/catalog';
import type { ViewQuery } from '../../domain/query';
import { maySeeJudges, type Access } from '../../domain/roles';

/**
 * Country → region → court → judge: the level below the deepest filter. Judges are shown only to
 * roles allowed to see them; below a judge come the case records (the /cases page).
 */
export function drillLevel(query: ViewQuery, access: Access): DimensionId | null {
	if (query.filters.judge?.length) return null;
	if (query.filters.court?.length) return maySeeJudges(access) ? 'judge' : null;
	if (query.filters.region?.length) return 'court';
	return 'region';
}
