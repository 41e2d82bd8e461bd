/**
 * Quarterly reporting forms (court × instance × case type) counted from the very case rows
 * written to cases.csv, so the two files always agree.
 */
import { CASE_TYPE_VALUES, type CaseType } from '../../domain/categories';
import { COURTS, INSTANCE_VALUES, type Court, type Instance } from '../../domain/courts';
import { AS_OF, START, addMonths, quarterIndex } from './calendar';
import type { CsvFile } from './csv';
import { courtStatsLine, type CaseRow } from './rows';

const QUARTERS = quarterIndex(AS_OF) + 1;

interface Group {
	court: Court;
	instance: Instance;
	caseType: CaseType;
	/** Filed before START and still pending on START. */
	pendingAtStart: number;
	incoming: Int32Array;
	resolved: Int32Array;
}

const order = (court: Court, instance: Instance, caseType: CaseType) =>
	(COURTS.indexOf(court) * INSTANCE_VALUES.length + INSTANCE_VALUES.indexOf(instance)) * CASE_TYPE_VALUES.length +
	CASE_TYPE_VALUES.indexOf(caseType);

const INSTANCE_INDEX = Object.fromEntries(INSTANCE_VALUES.map((x, i) => [x, i])) as Record<Instance, number>;
const TYPE_INDEX = Object.fromEntries(CASE_TYPE_VALUES.map((x, i) => [x, i])) as Record<CaseType, number>;

export class CourtStats {
	/** Per court, groups indexed by instance × case type (no string keys: this runs per row). */
	private readonly groups = new Map<Court, (Group | undefined)[]>();

	/** Counts a row that is written to cases.csv; one decided before START is history, outside every form. */
	add(row: CaseRow): void {
		if (row.decided !== null && row.decided < START) return;
		let slots = this.groups.get(row.court);
		if (!slots) this.groups.set(row.court, (slots = []));
		const slot = INSTANCE_INDEX[row.instance] * CASE_TYPE_VALUES.length + TYPE_INDEX[row.caseType];
		let g = slots[slot];
		if (!g) {
			g = {
				court: row.court,
				instance: row.instance,
				caseType: row.caseType,
				pendingAtStart: 0,
				incoming: new Int32Array(QUARTERS),
				resolved: new Int32Array(QUARTERS)
			};
			slots[slot] = g;
		}
		if (row.filed < START) g.pendingAtStart++;
		else g.incoming[quarterIndex(row.filed)]++;
		if (row.decided !== null) g.resolved[quarterIndex(row.decided)]++;
	}

	/** Writes one row per quarter and group, leaving out quarters with nothing to report. */
	write(file: CsvFile): void {
		const groups = [...this.groups.values()]
			.flat()
			.filter((g): g is Group => g !== undefined)
			.sort((a, b) => order(a.court, a.instance, a.caseType) - order(b.court, b.instance, b.caseType));
		const pending = groups.map((g) => g.pendingAtStart);
		for (let q = 0; q < QUARTERS; q++) {
			const periodStart = addMonths(START, 3 * q);
			const periodEnd = addMonths(START, 3 * q + 3) - 1;
			groups.forEach((g, i) => {
				const pendingStart = pending[i];
				const pendingEnd = pendingStart + g.incoming[q] - g.resolved[q];
				pending[i] = pendingEnd;
				if (pendingStart === 0 && g.incoming[q] === 0 && g.resolved[q] === 0) return;
				file.push(
					courtStatsLine({
						periodStart,
						periodEnd,
						region: g.court.region,
						courtId: g.court.id,
						instance: g.instance,
						caseType: g.caseType,
						pendingStart,
						incoming: g.incoming[q],
						resolved: g.resolved[q],
						pendingEnd
					})
				);
			});
		}
	}
}
