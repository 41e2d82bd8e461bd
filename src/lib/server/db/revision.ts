/**
 * A counter of data changes in this process. Facts cached from the data (the as-of date) are
 * keyed by it; every committed import or rollback bumps it.
 */
let revision = 0;

export function dataRevision(): number {
	return revision;
}

export function bumpDataRevision(): void {
	revision += 1;
}
