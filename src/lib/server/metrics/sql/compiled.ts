/** A statement ready to run, with the sources the router chose for it and why. */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Route } from '../route';

export interface CompiledQuery {
	sql: string;
	params: Record<string, DuckDBValue>;
	/** Where each part of the figure is read from, and why (empty for statements that only write). */
	routes: Route[];
}
