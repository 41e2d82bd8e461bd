/**
 * A counter of data changes in this process. Facts cached from the data (the as-of date) are
 * keyed by it; every committed change that readers must see bumps it: imports, rollbacks,
 * rollups, accounts (and definitions). The writer of read replicas publishes a copy on each.
 */
let revision = 0;
const listeners: (() => void)[] = [];

export function dataRevision(): number {
	return revision;
}

export function bumpDataRevision(): void {
	revision += 1;
	for (const listener of listeners) listener();
}

export function onDataRevision(listener: () => void): void {
	listeners.push(listener);
}
