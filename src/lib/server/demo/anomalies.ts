/**
 * Patterns planted in the demo data on purpose, so that the analytics have something true to
 * find. data/README.md documents them; calibration.test.ts ("planted anomalies") checks they are there.
 */
export const PLANTED_ANOMALIES = {
	/** Appeals against this first-instance court end reversed or modified far more often. */
	reversalCourt: {
		courtId: 'KZ35-D02',
		/** Appeal outcome shares for its decisions (baseline: about 80/8/9/3). */
		appealOutcomes: { upheld: 0.64, modified: 0.16, reversed: 0.17, returned: 0.03 },
		from: '2019-01-01',
		to: '2026-09-30'
	},
	/** One judge grants almost every claim of one civil category. */
	lenientJudge: {
		courtId: 'KZ61-D01',
		/** Index of the judge in the court's roster; index 0 exists at every scale. */
		judgeIndex: 0,
		category: 'civil.loan',
		/** Share of decisions granted fully or in part (baseline for the category: about 65%). */
		grantRate: 0.95,
		from: '2019-01-01',
		to: '2026-09-30'
	},
	/** First-instance courts of one region stop keeping up: part of each month's intake stalls. */
	backlogRegion: {
		region: 'KZ-47',
		/** Cases filed from this day on may stall. */
		from: '2025-01-01',
		/** Share of the intake that stalls, rising linearly from the first to the second value by AS_OF. */
		stalledShare: [0.25, 0.45] as const,
		/** Extra days a stalled case waits (log-normal median). */
		stalledDelayDays: 450
	}
} as const;
