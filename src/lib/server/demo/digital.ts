/**
 * Digital-justice flags of a proceeding: e-filing, hearing format, audio/video recording,
 * automatic assignment and extraterritorial assignment (DOMAIN.md §2).
 */
import type { CaseType } from '../../domain/categories';
import type { Instance } from '../../domain/courts';
import { dayOf } from './calendar';
import type { Rng } from './random';
import { Trend } from './trend';

/** Share filed electronically at first instance: >90% of civil claims from 2024, >70% of criminal cases. */
const E_FILED: Record<CaseType, Trend> = {
	civil: Trend.yearly({ 2018: 0.78, 2019: 0.8, 2020: 0.84, 2021: 0.86, 2022: 0.88, 2023: 0.9, 2024: 0.92, 2025: 0.93, 2026: 0.94 }),
	criminal: Trend.yearly({ 2018: 0.4, 2019: 0.45, 2020: 0.55, 2021: 0.65, 2022: 0.74, 2023: 0.76, 2024: 0.78, 2025: 0.8, 2026: 0.81 }),
	administrative: Trend.yearly({
		2018: 0.78,
		2019: 0.8,
		2020: 0.84,
		2021: 0.87,
		2022: 0.89,
		2023: 0.9,
		2024: 0.92,
		2025: 0.93,
		2026: 0.94
	}),
	admin_offense: Trend.yearly({ 2018: 0.55, 2019: 0.6, 2020: 0.68, 2021: 0.75, 2022: 0.8, 2023: 0.84, 2024: 0.87, 2025: 0.89, 2026: 0.9 })
};
/** Appeals and cassation complaints filed through the Judicial cabinet. */
const E_FILED_REVIEW = Trend.yearly({
	2018: 0.55,
	2019: 0.6,
	2020: 0.68,
	2021: 0.72,
	2022: 0.76,
	2023: 0.8,
	2024: 0.83,
	2025: 0.86,
	2026: 0.88
});

/** Hearings by video link: rare until the lockdown of 16 March 2020 moved them online, then common. */
const VIDEO = new Trend([
	['2018-07-01', 0.04],
	['2020-03-15', 0.055],
	['2020-03-16', 0.4],
	['2020-05-11', 0.4],
	['2020-09-01', 0.27],
	['2021-07-01', 0.3],
	['2022-07-01', 0.28],
	['2023-07-01', 0.28],
	['2024-07-01', 0.29],
	['2025-07-01', 0.31],
	['2026-07-01', 0.33]
]);
const VIDEO_FACTOR: Record<CaseType, number> = { civil: 1, criminal: 0.7, administrative: 1.1, admin_offense: 1.2 };
/** Cases decided on the papers (simplified and written procedure). */
const WRITTEN: Record<CaseType, number> = { civil: 0.03, criminal: 0, administrative: 0.08, admin_offense: 0.04 };
const WRITTEN_APPEAL = 0.08;

/** Hearings recorded on audio/video: every courtroom is equipped; a few recordings fail or are not made. */
const RECORDED = Trend.yearly({
	2018: 0.95,
	2019: 0.955,
	2020: 0.96,
	2021: 0.97,
	2022: 0.975,
	2023: 0.98,
	2024: 0.985,
	2025: 0.99,
	2026: 0.99
});
const AUTO_ASSIGNED = 0.985;

/** Extraterritorial jurisdiction works from August 2022 for civil and administrative claims, taken up gradually. */
const EXTRATERRITORIAL_FROM = dayOf('2022-08-01');
const EXTRATERRITORIAL: Partial<Record<CaseType, Trend>> = {
	civil: new Trend([
		['2022-08-01', 0.01],
		['2023-07-01', 0.03],
		['2024-07-01', 0.035],
		['2025-07-01', 0.04],
		['2026-07-01', 0.045]
	]),
	administrative: new Trend([
		['2022-08-01', 0.015],
		['2023-07-01', 0.04],
		['2024-07-01', 0.045],
		['2025-07-01', 0.05],
		['2026-07-01', 0.055]
	])
};

export interface DigitalFlags {
	eFiled: boolean;
	hearingFormat: 'in_person' | 'video' | 'written';
	avRecorded: boolean;
	autoAssigned: boolean;
}

export function digitalFlags(rng: Rng, instance: Instance, type: CaseType, filed: number, onPapers = false): DigitalFlags {
	const eFiled = rng.chance((instance === 'first' ? E_FILED[type] : E_FILED_REVIEW).at(filed));
	const written = onPapers || rng.chance(instance === 'first' ? WRITTEN[type] : instance === 'appeal' ? WRITTEN_APPEAL : 0);
	const hearingFormat = written ? 'written' : rng.chance(VIDEO.at(filed) * VIDEO_FACTOR[type]) ? 'video' : 'in_person';
	return {
		eFiled,
		hearingFormat,
		// Nothing to record when there is no hearing.
		avRecorded: !written && rng.chance(RECORDED.at(filed)),
		autoAssigned: rng.chance(AUTO_ASSIGNED)
	};
}

export function extraterritorialChance(type: CaseType, filed: number): number {
	return filed >= EXTRATERRITORIAL_FROM ? (EXTRATERRITORIAL[type]?.at(filed) ?? 0) : 0;
}
