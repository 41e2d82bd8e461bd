/**
 * Pseudonymous judges. Every court has its national roster of stable ids (`J-` + 6 hex
 * digits); a scaled dataset uses the first judges of each roster, so ids mean the same
 * person at every scale. Judges carry unequal loads, as in real courts.
 */
import { createHash } from 'node:crypto';
import { COURTS } from '../../domain/courts';
import { Weighted, type Rng } from './random';

interface Judge {
	id: string;
	/** Relative share of the court's cases, 0.6-1.4. */
	load: number;
}

function buildRosters(): Map<string, Judge[]> {
	const taken = new Set<string>();
	const rosters = new Map<string, Judge[]>();
	for (const court of COURTS) {
		const roster: Judge[] = [];
		for (let i = 0; i < court.judges; i++) {
			// Six hex digits collide now and then among 2,364 judges: retry with a counter.
			for (let attempt = 0; ; attempt++) {
				const hash = createHash('sha256').update(`judge:${court.id}:${i}:${attempt}`).digest();
				const id = `J-${hash.toString('hex', 0, 3).toUpperCase()}`;
				if (taken.has(id)) continue;
				taken.add(id);
				roster.push({ id, load: 0.6 + (0.8 * hash.readUInt16BE(3)) / 0xffff });
				break;
			}
		}
		rosters.set(court.id, roster);
	}
	return rosters;
}

const ROSTERS = buildRosters();

export function judgesAtScale(nationalJudges: number, scale: number): number {
	return Math.max(1, Math.round(nationalJudges * Math.min(1, scale / 10)));
}

export function judgeId(courtId: string, index: number): string {
	const judge = ROSTERS.get(courtId)?.[index];
	if (!judge) throw new Error(`No judge ${index} in ${courtId}`);
	return judge.id;
}

export class JudgeRoster {
	private readonly tables = new Map<string, Weighted<string>>();

	constructor(scale: number) {
		for (const court of COURTS) {
			const roster = (ROSTERS.get(court.id) ?? []).slice(0, judgesAtScale(court.judges, scale));
			this.tables.set(court.id, new Weighted(roster.map((j) => [j.id, j.load] as const)));
		}
	}

	pick(rng: Rng, courtId: string): string {
		const table = this.tables.get(courtId);
		if (!table) throw new Error(`Unknown court ${courtId}`);
		return rng.pick(table);
	}

	/** Ids of the judges sitting at this scale. */
	of(courtId: string): readonly string[] {
		return this.tables.get(courtId)?.values ?? [];
	}
}
