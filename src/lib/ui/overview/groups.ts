/** The names of the overview's groups of key indicators. */
import type { OverviewGroupId } from '$lib/domain/overview';
import * as m from '$lib/paraglide/messages';

export const GROUP_NAME: Record<OverviewGroupId, () => string> = {
	workload: m.ov_group_workload,
	timeliness: m.ov_group_timeliness,
	quality: m.ov_group_quality,
	digital: m.ov_group_digital,
	fraud: m.ov_group_fraud
};
