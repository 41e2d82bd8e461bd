/**
 * Internet fraud as the product knows it (DOMAIN.md §2): the published reference figures the
 * fraud page marks on its charts, the day art. 232-1 came into force, the investigation funnel
 * and the civil case categories in which victims sue.
 */
import type { L10n } from './l10n';

/** Criminal Code art. 232-1 (illegal transfer of bank accounts, "droppers") is in force from this day. */
export const DROPPERS_IN_FORCE = '2025-09-16';

export interface FraudReference {
	id: string;
	/** The period the figure covers (a total over it, not a monthly figure). */
	from: string;
	to: string;
	period: L10n;
	/** Registered incidents in the period; `atLeast`: published as "more than". */
	incidents?: { value: number; atLeast: boolean };
	/** Damage in the period, KZT. */
	damageKzt?: { value: number; atLeast: boolean };
	source: L10n;
}

const SEED_001: L10n = {
	ru: 'Сообщение судов Шымкента (28.08.2025)',
	kk: 'Шымкент соттарының хабарламасы (28.08.2025)',
	en: 'News release of the courts of Shymkent (28 Aug 2025)'
};

/** Published figures (seed 001, a court news release), reproduced by the demo data and marked on the monthly charts. */
export const FRAUD_REFERENCES: readonly FraudReference[] = [
	{
		id: '2024',
		from: '2024-01-01',
		to: '2024-12-31',
		period: { ru: '2024 г.', kk: '2024 ж.', en: '2024' },
		incidents: { value: 22_000, atLeast: true },
		damageKzt: { value: 45.5e9, atLeast: false },
		source: SEED_001
	},
	{
		id: '2025-q1',
		from: '2025-01-01',
		to: '2025-03-31',
		period: { ru: 'I кв. 2025 г.', kk: '2025 ж. I тоқсан', en: 'Q1 2025' },
		incidents: { value: 6_200, atLeast: false },
		source: SEED_001
	},
	{
		id: '2025-jan-aug',
		from: '2025-01-01',
		to: '2025-08-31',
		period: { ru: 'янв.–авг. 2025 г.', kk: '2025 ж. қаң.–там.', en: 'Jan–Aug 2025' },
		incidents: { value: 14_000, atLeast: true },
		damageKzt: { value: 6e9, atLeast: true },
		source: SEED_001
	}
];

/** Whole calendar months from `from` to `to` (both ISO dates on month boundaries). */
export function monthsIn(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	return (ty - fy) * 12 + (tm - fm) + 1;
}

/** A period total spread evenly over its months: what a monthly chart can compare it with. */
export function monthlyAverage(reference: FraudReference, total: number): number {
	return total / monthsIn(reference.from, reference.to);
}

/**
 * The investigation funnel, named by the status (schema.ts FRAUD_STATUSES) of each stage: each
 * counts the incidents that reached the stage at least, as a catalog indicator, and the
 * conversion is one stage's count over the previous one's.
 */
export const FRAUD_FUNNEL = [
	{ status: 'registered', indicator: 'fraud_incidents' },
	{ status: 'investigating', indicator: 'fraud_investigated' },
	{ status: 'in_court', indicator: 'fraud_in_court' },
	{ status: 'convicted', indicator: 'fraud_convicted' }
] as const;

export type FunnelStep<T extends { value: number | null }> = T & {
	/** Share of the previous stage that reached this one (%); null for the first or without data. */
	conversion: number | null;
};

export function funnelSteps<T extends { value: number | null }>(stages: readonly T[]): FunnelStep<T>[] {
	return stages.map((stage, i) => {
		const previous = i > 0 ? stages[i - 1].value : null;
		return { ...stage, conversion: previous && stage.value !== null ? (100 * stage.value) / previous : null };
	});
}

/** Civil case categories in which fraud victims sue (DOMAIN.md §2; categories.ts). */
export const FRAUD_CIVIL_CATEGORIES = ['civil.unjust_enrichment', 'civil.invalid_transaction', 'civil.crypto_refund'] as const;
