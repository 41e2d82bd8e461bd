/**
 * Backlog simulator (after the NCSC Backlog Reduction Simulator): month by month, pending cases
 * receive the incoming and lose what the judges decide, capacity = judges × cases decided per
 * judge per month. Pending cases are followed as monthly cohorts by age, decided oldest first,
 * so the share past the statutory limit along the way is the least the capacity allows.
 *
 * At the start, the cases past the limit are those the data counts; the others are taken to be
 * the latest arrivals (the most recent months' incoming, newest first), which is where pending
 * cases within the limit come from.
 */
export interface BacklogInput {
	/** Pending now, and how many of them are already past the limit. */
	pending: number;
	pastLimit: number;
	/** Incoming of the months before now, oldest first. */
	recentIncoming: readonly number[];
	/** Incoming of each month ahead. */
	incoming: readonly number[];
	/** Cases decided per month (judges × productivity). */
	capacity: number;
	/** The statutory limit in months. */
	limitMonths: number;
	/** The pending level aimed at. */
	target: number;
}

export interface BacklogMonth {
	/** Months from now (1 = the first month ahead). */
	month: number;
	incoming: number;
	resolved: number;
	pending: number;
	pastLimit: number;
	/** Share of the pending cases past the limit (null when none are pending). */
	pastLimitShare: number | null;
}

export interface BacklogPath {
	months: BacklogMonth[];
	/** Months until pending is at or below the target: 0 if it already is, null if not within the path. */
	monthsToTarget: number | null;
	/** The first month after the target is reached in which pending rises above it again, or null. */
	aboveAgainFrom: number | null;
}

interface Cohort {
	/** Age at the end of the month, in months; arrivals are taken to come mid-month. */
	age: number;
	count: number;
}

function startingCohorts({ pending, pastLimit, recentIncoming, limitMonths }: BacklogInput): Cohort[] {
	const overdue = Math.min(pastLimit, pending);
	let within = pending - overdue;
	const cohorts: Cohort[] = [];
	for (let k = 0; within > 0 && k + 0.5 <= limitMonths; k++) {
		const arrived = recentIncoming[recentIncoming.length - 1 - k];
		const count = arrived === undefined || k + 1.5 > limitMonths ? within : Math.min(arrived, within);
		cohorts.unshift({ age: k + 0.5, count });
		within -= count;
	}
	if (within > 0) cohorts.unshift({ age: limitMonths, count: within });
	if (overdue > 0) cohorts.unshift({ age: limitMonths + 1, count: overdue });
	return cohorts;
}

export function simulateBacklog(input: BacklogInput): BacklogPath {
	let cohorts = startingCohorts(input);
	const months: BacklogMonth[] = [];
	let monthsToTarget: number | null = input.pending <= input.target ? 0 : null;
	// A backlog at the target now (or once) may not stay there: saying only "reached" would hide its growth.
	let aboveAgainFrom: number | null = null;
	input.incoming.forEach((arriving, i) => {
		cohorts = cohorts.map((c) => ({ age: c.age + 1, count: c.count }));
		cohorts.push({ age: 0.5, count: Math.max(0, arriving) });
		let capacity = Math.max(0, input.capacity);
		let resolved = 0;
		for (const c of cohorts) {
			const decided = Math.min(c.count, capacity);
			c.count -= decided;
			capacity -= decided;
			resolved += decided;
		}
		cohorts = cohorts.filter((c) => c.count > 0);
		const pending = cohorts.reduce((s, c) => s + c.count, 0);
		const pastLimit = cohorts.filter((c) => c.age > input.limitMonths).reduce((s, c) => s + c.count, 0);
		months.push({
			month: i + 1,
			incoming: arriving,
			resolved,
			pending,
			pastLimit,
			pastLimitShare: pending > 0 ? pastLimit / pending : null
		});
		if (monthsToTarget === null && pending <= input.target) monthsToTarget = i + 1;
		else if (monthsToTarget !== null && aboveAgainFrom === null && pending > input.target) aboveAgainFrom = i + 1;
	});
	return { months, monthsToTarget, aboveAgainFrom };
}
