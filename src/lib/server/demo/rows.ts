/**
 * The rows of the three canonical files and their CSV lines, in the field order of schema.ts.
 */
import type { CaseType } from '../../domain/categories';
import type { Court, Instance } from '../../domain/courts';
import { CASE_FIELDS, COURT_STATS_FIELDS, FRAUD_FIELDS } from '../../domain/schema';
import { isoOf } from './calendar';
import { csvLine } from './csv';
import type { DigitalFlags } from './digital';

export const CASE_HEADER = CASE_FIELDS.map((f) => f.name);
export const FRAUD_HEADER = FRAUD_FIELDS.map((f) => f.name);
export const COURT_STATS_HEADER = COURT_STATS_FIELDS.map((f) => f.name);

export interface CaseRow {
	caseNumber: string;
	instance: Instance;
	court: Court;
	caseType: CaseType;
	category: string;
	article: string | undefined;
	judgeId: string;
	filed: number;
	/** Day of the decision; null while pending on the as-of date. */
	decided: number | null;
	outcome: string | null;
	flags: DigitalFlags;
	reconciliation: string | null;
	claim: number | null;
	awarded: number | null;
	extraterritorial: boolean;
}

export const caseId = (caseNumber: string, instance: Instance) => `${caseNumber}/${instance}`;

/**
 * Hand-written for speed: this runs for every one of millions of rows. Every value comes from
 * the alphabet [A-Za-z0-9_./-] (ids, codes, enumerations, numbers, dates), so none needs
 * quoting; consistency.test.ts checks that.
 */
export function caseLine(r: CaseRow): string {
	const f = r.flags;
	return (
		`${caseId(r.caseNumber, r.instance)},${r.caseNumber},${r.instance},${r.court.id},${r.court.region},` +
		`${r.caseType},${r.category},${r.article ?? ''},${r.judgeId},${isoOf(r.filed)},` +
		`${r.decided === null ? '' : isoOf(r.decided)},${r.outcome ?? ''},${f.eFiled},${f.hearingFormat},${f.avRecorded},` +
		`${r.reconciliation ?? ''},${r.claim ?? ''},${r.awarded ?? ''},${f.autoAssigned},${r.extraterritorial}`
	);
}

export interface FraudRow {
	incidentId: string;
	registered: number;
	region: string;
	scheme: string;
	channel: string;
	damage: number;
	recovered: number;
	article: '190' | '232-1';
	status: string;
	victimAgeGroup: string;
	caseNumber: string | null;
}

export function fraudLine(r: FraudRow): string {
	return csvLine([
		r.incidentId,
		isoOf(r.registered),
		r.region,
		r.scheme,
		r.channel,
		r.damage,
		r.recovered,
		r.article,
		r.status,
		r.victimAgeGroup,
		r.caseNumber
	]);
}

export interface CourtStatsRow {
	periodStart: number;
	periodEnd: number;
	region: string;
	courtId: string;
	instance: Instance;
	caseType: CaseType;
	pendingStart: number;
	incoming: number;
	resolved: number;
	pendingEnd: number;
}

export function courtStatsLine(r: CourtStatsRow): string {
	return csvLine([
		isoOf(r.periodStart),
		isoOf(r.periodEnd),
		r.region,
		r.courtId,
		r.instance,
		r.caseType,
		null, // category: the forms are kept per court, instance and case type
		r.pendingStart,
		r.incoming,
		r.resolved,
		r.pendingEnd
	]);
}
