/**
 * A counter of data changes in this process. Facts cached from the data (the as-of date) are
 * keyed by it; every committed change that readers must see bumps it: imports, rollbacks,
 * rollups, accounts, settings (and definitions). The writer of read replicas publishes a copy
 * on each; open walls are told over server-sent events (http/events.ts).
 */
let revision = 0;
const listeners = new Set<() => void>();

export function dataRevision(): number {
	return revision;
}

export function bumpDataRevision(): void {
	revision += 1;
	for (const listener of listeners) listener();
}

/** Calls `listener` after every change; the function returned stops that. */
export function onDataRevision(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
