/**
 * What the overview shows: key indicators in groups, each group with a lead indicator whose
 * breakdown says where the group's picture is worst (the plain-language summary's "where").
 */
export const OVERVIEW_GROUPS = [
	{ id: 'workload', kpis: ['incoming', 'resolved', 'pending_end', 'clearance_rate'], lead: 'clearance_rate' },
	{ id: 'timeliness', kpis: ['disposition_time', 'median_days', 'pending_past_limit'], lead: 'median_days' },
	{ id: 'quality', kpis: ['stability'], lead: 'stability' },
	{ id: 'digital', kpis: ['e_filed_share', 'reconciliation_share'], lead: 'e_filed_share' },
	{ id: 'fraud', kpis: ['fraud_incidents', 'fraud_damage'], lead: 'fraud_per_100k' }
] as const;

export type OverviewGroup = (typeof OVERVIEW_GROUPS)[number];
export type OverviewGroupId = OverviewGroup['id'];

export const OVERVIEW_KPIS: readonly string[] = OVERVIEW_GROUPS.flatMap((g) => g.kpis);

/** Units with fewer records are not named as the worst: their figures are mostly noise. */
export const SUMMARY_MIN_RECORDS = 30;
