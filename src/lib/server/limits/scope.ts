/**
 * The request a statement is run for, found without passing it down every call: its client's
 * signal (aborted when the client goes away), the expensive-query slot it holds, and why it was
 * stopped, if it was.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

export type StopReason = 'overloaded' | 'timeout' | 'cancelled';

export interface RequestScope {
	signal: AbortSignal;
	/** Gives back the expensive-query slot the request holds (null: it holds none). */
	release: (() => void) | null;
	stopped: StopReason | null;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Each statement a page runs at once listens on the request's signal until it ends (a page has up
 * to about 20); above Node's default of 10 it would warn of a leak on every page.
 */
const LISTENERS_PER_REQUEST = 100;

/** Runs `fn` as the work of one request; its slot is given back when it ends. */
export async function inRequestScope<T>(signal: AbortSignal, fn: (scope: RequestScope) => Promise<T>): Promise<T> {
	setMaxListeners(LISTENERS_PER_REQUEST, signal);
	const scope: RequestScope = { signal, release: null, stopped: null };
	try {
		return await scopes.run(scope, () => fn(scope));
	} finally {
		scope.release?.();
		scope.release = null;
	}
}

/** The request being served, if any (none in scripts and tests that call the views directly). */
export function requestScope(): RequestScope | undefined {
	return scopes.getStore();
}
