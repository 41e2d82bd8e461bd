/**
 * What courts decide: first-instance outcomes and reconciliation, review outcomes, and the
 * amounts of civil claims.
 */
import type { CaseType } from '../../domain/categories';
import { PLANTED_ANOMALIES } from './anomalies';
import { yearFraction } from './calendar';
import { Weighted, type Rng } from './random';
import { Trend } from './trend';

export type Reconciliation = 'none' | 'mediation' | 'settlement' | 'e_reconciliation';

export interface FirstDecision {
	outcome: string;
	reconciliation: Reconciliation;
}

/** Share of civil first-instance decisions reached by reconciliation, growing every year. */
const RECONCILED = Trend.yearly({
	2018: 0.07,
	2019: 0.08,
	2020: 0.09,
	2021: 0.11,
	2022: 0.13,
	2023: 0.15,
	2024: 0.17,
	2025: 0.19,
	2026: 0.2
});
/** Share of reconciliations done through the E-reconciliation service, launched in January 2021 and taken up gradually. */
const E_RECONCILIATION = new Trend([
	['2020-12-31', 0],
	['2021-01-01', 0.03],
	['2021-07-01', 0.1],
	['2022-07-01', 0.18],
	['2023-07-01', 0.25],
	['2024-07-01', 0.3],
	['2025-07-01', 0.35],
	['2026-07-01', 0.38]
]);
/** A reconciliation ends in an approved settlement, or in withdrawal (terminated). */
const SETTLED_WHEN_RECONCILED = 0.85;

const outcomes = (w: Record<string, number>) => Weighted.of(w);

/** Outcomes of civil cases not reconciled, by category. */
const CIVIL_DEFAULT = outcomes({
	granted: 0.52,
	partially_granted: 0.12,
	denied: 0.14,
	left_without_consideration: 0.13,
	terminated: 0.09
});
const CIVIL: Record<string, Weighted<string>> = {
	'civil.loan': outcomes({ granted: 0.62, partially_granted: 0.14, denied: 0.06, left_without_consideration: 0.11, terminated: 0.07 }),
	'civil.alimony': outcomes({ granted: 0.85, partially_granted: 0.08, denied: 0.02, left_without_consideration: 0.03, terminated: 0.02 }),
	'civil.family': outcomes({ granted: 0.7, partially_granted: 0.05, denied: 0.08, left_without_consideration: 0.1, terminated: 0.07 }),
	'civil.unjust_enrichment': outcomes({
		granted: 0.45,
		partially_granted: 0.15,
		denied: 0.25,
		left_without_consideration: 0.08,
		terminated: 0.07
	}),
	'civil.invalid_transaction': outcomes({
		granted: 0.3,
		partially_granted: 0.1,
		denied: 0.42,
		left_without_consideration: 0.1,
		terminated: 0.08
	}),
	'civil.crypto_refund': outcomes({
		granted: 0.2,
		partially_granted: 0.1,
		denied: 0.5,
		left_without_consideration: 0.12,
		terminated: 0.08
	}),
	'civil.labour': outcomes({ granted: 0.4, partially_granted: 0.2, denied: 0.28, left_without_consideration: 0.06, terminated: 0.06 }),
	'civil.corporate': outcomes({ granted: 0.45, partially_granted: 0.15, denied: 0.22, left_without_consideration: 0.1, terminated: 0.08 })
};
const lenient = PLANTED_ANOMALIES.lenientJudge;
const LENIENT = outcomes({ granted: 0.89, partially_granted: 0.08, denied: 0.015, left_without_consideration: 0.01, terminated: 0.005 });
/** The lenient judge rarely steers parties to reconciliation. */
const LENIENT_RECONCILIATION_FACTOR = 0.1;

const CRIMINAL = outcomes({ convicted: 0.85, terminated: 0.11, acquitted: 0.015, returned_to_prosecutor: 0.025 });
/** Criminal cases terminated on reconciliation with the victim (often after mediation). */
const CRIMINAL_RECONCILED = 0.45;
const ADMIN_OFFENSE = outcomes({ convicted: 0.87, terminated: 0.13 });
const ADMINISTRATIVE = outcomes({
	granted: 0.24,
	partially_granted: 0.08,
	denied: 0.5,
	terminated: 0.12,
	left_without_consideration: 0.06
});
const ADMINISTRATIVE_RECONCILED = 0.3;

function reconciliationKind(rng: Rng, decided: number): Reconciliation {
	if (rng.chance(E_RECONCILIATION.at(decided))) return 'e_reconciliation';
	return rng.chance(0.4) ? 'mediation' : 'settlement';
}

export function firstDecision(rng: Rng, type: CaseType, category: string, decided: number, lenientJudge: boolean): FirstDecision {
	switch (type) {
		case 'civil': {
			const planted = lenientJudge && category === lenient.category;
			const reconciled = RECONCILED.at(decided) * (planted ? LENIENT_RECONCILIATION_FACTOR : 1);
			if (rng.chance(reconciled)) {
				return {
					outcome: rng.chance(SETTLED_WHEN_RECONCILED) ? 'settled' : 'terminated',
					reconciliation: reconciliationKind(rng, decided)
				};
			}
			return { outcome: rng.pick(planted ? LENIENT : (CIVIL[category] ?? CIVIL_DEFAULT)), reconciliation: 'none' };
		}
		case 'criminal': {
			const outcome = rng.pick(CRIMINAL);
			return { outcome, reconciliation: outcome === 'terminated' && rng.chance(CRIMINAL_RECONCILED) ? 'mediation' : 'none' };
		}
		case 'admin_offense':
			return { outcome: rng.pick(ADMIN_OFFENSE), reconciliation: 'none' };
		case 'administrative': {
			const outcome = rng.pick(ADMINISTRATIVE);
			return { outcome, reconciliation: outcome === 'terminated' && rng.chance(ADMINISTRATIVE_RECONCILED) ? 'mediation' : 'none' };
		}
	}
}

/** Share of first-instance decisions appealed (DOMAIN.md: about 9% civil, 35% criminal). */
const APPEALED: Record<CaseType, number> = { civil: 0.09, criminal: 0.35, admin_offense: 0.05, administrative: 0.15 };

/** Chance that this decision is appealed; an approved settlement cannot be, so the others carry the rate. */
export function appealChance(type: CaseType, outcome: string, decided: number): number {
	if (type !== 'civil') return APPEALED[type];
	if (outcome === 'settled') return 0;
	return APPEALED.civil / (1 - RECONCILED.at(decided) * SETTLED_WHEN_RECONCILED);
}

const APPEAL: Record<CaseType, Weighted<string>> = {
	civil: outcomes({ upheld: 0.805, modified: 0.08, reversed: 0.085, returned: 0.03 }),
	criminal: outcomes({ upheld: 0.78, modified: 0.12, reversed: 0.07, returned: 0.03 }),
	admin_offense: outcomes({ upheld: 0.83, modified: 0.06, reversed: 0.09, returned: 0.02 }),
	administrative: outcomes({ upheld: 0.79, modified: 0.07, reversed: 0.11, returned: 0.03 })
};
const REVERSAL_COURT = outcomes(PLANTED_ANOMALIES.reversalCourt.appealOutcomes);

export function appealOutcome(rng: Rng, type: CaseType, firstCourtId: string): string {
	return rng.pick(firstCourtId === PLANTED_ANOMALIES.reversalCourt.courtId ? REVERSAL_COURT : APPEAL[type]);
}

/**
 * Share of appeal decisions taken to cassation. Continuous cassation draws about 70% more a
 * month: more than 14,000 complaints in July-November 2025 against 9,700 in January-June.
 */
const CASSATION_SOUGHT: Partial<Record<CaseType, number>> = { civil: 0.142, criminal: 0.114, administrative: 0.19 };
const REFORM_UPLIFT = 1.6;

export function cassationChance(type: CaseType, afterReform: boolean): number {
	return (CASSATION_SOUGHT[type] ?? 0) * (afterReform ? REFORM_UPLIFT : 1);
}

/** Before the reform the Supreme Court refused about half of the petitions at the filtering stage. */
export const SUPREME_COURT_NOT_ADMITTED = 0.5;
const SC_MERITS = outcomes({ upheld: 0.6, reversed: 0.18, modified: 0.16, returned: 0.06 });
const CASSATION_COURT = outcomes({ upheld: 0.7, reversed: 0.13, modified: 0.12, returned: 0.05 });
const SUPERVISORY = outcomes({ upheld: 0.4, reversed: 0.3, modified: 0.22, returned: 0.08 });

export function cassationOutcome(rng: Rng, afterReform: boolean): string {
	return rng.pick(afterReform ? CASSATION_COURT : SC_MERITS);
}

/** Final acts reviewed by the Supreme Court after the reform, in exceptional cases only. */
export const SUPERVISORY_CHANCE = 0.012;
export const supervisoryOutcome = (rng: Rng) => rng.pick(SUPERVISORY);

/** Claim size in tenge of mid-2019 (median, log-normal spread); categories without money claims are absent. */
const CLAIMS: Record<string, { median: number; sigma: number }> = {
	'civil.loan': { median: 650_000, sigma: 1.1 },
	'civil.unjust_enrichment': { median: 450_000, sigma: 1.2 },
	'civil.invalid_transaction': { median: 4_000_000, sigma: 1.3 },
	'civil.crypto_refund': { median: 1_200_000, sigma: 1.2 },
	'civil.consumer': { median: 250_000, sigma: 1.0 },
	'civil.labour': { median: 700_000, sigma: 0.9 },
	'civil.housing': { median: 6_000_000, sigma: 1.0 },
	'civil.inheritance': { median: 9_000_000, sigma: 1.1 },
	'civil.corporate': { median: 12_000_000, sigma: 1.6 },
	'civil.insurance': { median: 1_500_000, sigma: 1.1 },
	'civil.tort': { median: 1_100_000, sigma: 1.3 },
	'civil.other': { median: 800_000, sigma: 1.4 }
};
const INFLATION = 1.08;

export function claimAmount(rng: Rng, category: string, filed: number): number | null {
	const spec = CLAIMS[category];
	if (!spec) return null;
	return Math.max(10_000, Math.round(rng.logNormal(spec.median, spec.sigma) * INFLATION ** (yearFraction(filed) - 2019.5)));
}

/**
 * Awarded sum: the claim when granted (or, for a victim's civil claim in a criminal case, on
 * conviction), 30-80% when partly granted, nothing when denied.
 */
export function awardedAmount(rng: Rng, outcome: string, claim: number | null): number | null {
	if (claim === null) return null;
	switch (outcome) {
		case 'granted':
		case 'convicted':
			return claim;
		case 'partially_granted':
			return Math.round(claim * rng.between(0.3, 0.8));
		case 'denied':
			return 0;
		default:
			return null;
	}
}
