/**
 * The life cycle of one matter: the first-instance proceeding, then an appeal, a cassation
 * complaint and a supervisory review when the parties go on, each a row sharing the case
 * number and filed after the decision below it. Nothing happens after the as-of date. A
 * matter's rows are handed over together, so that it is kept or dropped whole.
 */
import { categoryById, type CaseType } from '../../domain/categories';
import type { Court, Instance } from '../../domain/courts';
import { REGIONS, regionOn } from '../../domain/regions';
import { PLANTED_ANOMALIES } from './anomalies';
import { AS_OF, CASSATION_REFORM, isoOf, yearOf } from './calendar';
import type { CaseNumbers } from './case-numbers';
import { digitalFlags, extraterritorialChance } from './digital';
import { judgeId, type JudgeRoster } from './judges';
import {
	SUPERVISORY_CHANCE,
	SUPREME_COURT_NOT_ADMITTED,
	appealChance,
	appealOutcome,
	awardedAmount,
	cassationChance,
	cassationOutcome,
	claimAmount,
	firstDecision,
	supervisoryOutcome,
	type FirstDecision
} from './outcomes';
import { Weighted, type Rng } from './random';
import { appealCourt, cassationCourt, firstInstanceCourt, supremeCourt } from './routing';
import type { CaseRow } from './rows';
import {
	appealDays,
	appealLag,
	cassationDays,
	cassationLag,
	decisionDay,
	firstInstanceDays,
	nextWorkday,
	supervisoryDays,
	supervisoryLag
} from './timing';
import { REGION_WEIGHTS } from './volume';

/** A first-instance proceeding whose court and dates are already known. */
export interface FirstInstance {
	caseType: CaseType;
	category: string;
	court: Court;
	caseNumber: string;
	filed: number;
	/** Decision day as it would fall, possibly after the as-of date (then still pending). */
	decided: number;
	extraterritorial: boolean;
	claim: number | null;
	/** Set when the outcome is fixed by another record (a fraud incident's conviction). */
	outcome?: FirstDecision;
}

const lenient = PLANTED_ANOMALIES.lenientJudge;
const LENIENT_JUDGE = judgeId(lenient.courtId, lenient.judgeIndex);

/** Regions an extraterritorial case may be sent to: any other, in proportion to size. */
const OTHER_REGIONS = new Map(
	REGIONS.map((r) => {
		const others = REGION_WEIGHTS.values.filter((c) => c !== r.code);
		return [r.code, new Weighted(others.map((c) => [c, REGION_WEIGHTS.probability(c)] as const))];
	})
);

export class MatterGenerator {
	/** Rows of the matter being heard. */
	private matter: CaseRow[] = [];

	constructor(
		private readonly rng: Rng,
		private readonly judges: JudgeRoster,
		private readonly numbers: CaseNumbers,
		private readonly emit: (matter: readonly CaseRow[]) => void
	) {}

	/** A new matter of the ordinary intake, filed on `filed`. */
	fileCase(type: CaseType, category: string, filed: number): void {
		const rng = this.rng;
		const year = yearOf(filed);
		// Before June 2022 the places of Abai, Zhetysu and Ulytau regions were in their former regions.
		const origin = regionOn(rng.pick(REGION_WEIGHTS), isoOf(filed));
		const extraterritorial = rng.chance(extraterritorialChance(type, filed));
		const region = extraterritorial ? rng.pick(OTHER_REGIONS.get(origin) as Weighted<string>) : origin;
		const court = firstInstanceCourt(rng, type, category, region, filed);
		this.hear({
			caseType: type,
			category,
			court,
			caseNumber: this.numbers.mint(court, type, year),
			filed,
			decided: decisionDay(rng, filed + firstInstanceDays(rng, type, category, court.region, filed)),
			extraterritorial,
			claim: type === 'civil' ? claimAmount(rng, category, filed) : null
		});
	}

	/** Hears a first-instance proceeding and follows the matter up the instances. */
	hear(first: FirstInstance): void {
		const rng = this.rng;
		const { caseType: type, court, filed } = first;
		const judge = this.judges.pick(rng, court.id);
		const decided = first.decided <= AS_OF ? first.decided : null;
		const decision =
			decided === null ? null : (first.outcome ?? firstDecision(rng, type, first.category, decided, judge === LENIENT_JUDGE));
		this.matter = [
			this.row(first, 'first', court, judge, filed, decided, {
				outcome: decision?.outcome ?? null,
				reconciliation: decision?.reconciliation ?? null,
				claim: first.claim,
				awarded: decision ? awardedAmount(rng, decision.outcome, first.claim) : null,
				extraterritorial: first.extraterritorial
			})
		];
		if (decided !== null && decision && rng.chance(appealChance(type, decision.outcome, decided))) {
			this.appeal(first, decided);
		}
		this.emit(this.matter);
	}

	private appeal(first: FirstInstance, lowerDecided: number): void {
		const rng = this.rng;
		const filed = nextWorkday(lowerDecided + appealLag(rng, first.caseType));
		if (filed > AS_OF) return;
		const court = appealCourt(first.court);
		const decided = this.decided(filed + appealDays(rng));
		const outcome = decided === null ? null : appealOutcome(rng, first.caseType, first.court.id);
		this.matter.push(this.review(first, 'appeal', court, filed, decided, outcome));
		if (decided !== null && outcome !== 'returned') this.cassation(first, decided);
	}

	private cassation(first: FirstInstance, lowerDecided: number): void {
		const rng = this.rng;
		const filed = nextWorkday(lowerDecided + cassationLag(rng));
		const afterReform = filed >= CASSATION_REFORM;
		if (filed > AS_OF || !rng.chance(cassationChance(first.caseType, afterReform))) return;
		const court = cassationCourt(first.caseType, filed);
		// Continuous cassation: from the reform every complaint is heard on the merits.
		const notAdmitted = !afterReform && rng.chance(SUPREME_COURT_NOT_ADMITTED);
		const decided = this.decided(filed + cassationDays(rng, filed, notAdmitted));
		const outcome = decided === null ? null : notAdmitted ? 'not_admitted' : cassationOutcome(rng, afterReform);
		this.matter.push(this.review(first, 'cassation', court, filed, decided, outcome, notAdmitted));
		if (afterReform && decided !== null && rng.chance(SUPERVISORY_CHANCE)) this.supervisory(first, decided);
	}

	private supervisory(first: FirstInstance, lowerDecided: number): void {
		const rng = this.rng;
		const filed = nextWorkday(lowerDecided + supervisoryLag(rng));
		if (filed > AS_OF) return;
		const decided = this.decided(filed + supervisoryDays(rng));
		this.matter.push(this.review(first, 'supervisory', supremeCourt(), filed, decided, decided === null ? null : supervisoryOutcome(rng)));
	}

	private decided(raw: number): number | null {
		const day = decisionDay(this.rng, raw);
		return day <= AS_OF ? day : null;
	}

	private review(
		first: FirstInstance,
		instance: Instance,
		court: Court,
		filed: number,
		decided: number | null,
		outcome: string | null,
		onPapers = false
	): CaseRow {
		const judge = this.judges.pick(this.rng, court.id);
		const reconciliation = decided === null ? null : 'none';
		return this.row(
			first,
			instance,
			court,
			judge,
			filed,
			decided,
			{ outcome, reconciliation, claim: null, awarded: null, extraterritorial: false },
			onPapers
		);
	}

	/** One literal object per row: object spread here costs more than the rest of the row. */
	private row(
		first: FirstInstance,
		instance: Instance,
		court: Court,
		judgeId: string,
		filed: number,
		decided: number | null,
		result: Pick<CaseRow, 'outcome' | 'reconciliation' | 'claim' | 'awarded' | 'extraterritorial'>,
		onPapers = false
	): CaseRow {
		return {
			caseNumber: first.caseNumber,
			instance,
			court,
			caseType: first.caseType,
			category: first.category,
			article: categoryById(first.category)?.article,
			judgeId,
			filed,
			decided,
			outcome: result.outcome,
			flags: digitalFlags(this.rng, instance, first.caseType, filed, onPapers),
			reconciliation: result.reconciliation,
			claim: result.claim,
			awarded: result.awarded,
			extraterritorial: result.extraterritorial
		};
	}
}
