/**
 * The source router: where each leaf of a plan is read from — a monthly rollup, a histogram, a
 * stored fact or the fact's rows — and why. Every decision is a Route, returned with the
 * compiled statement (CompiledQuery.routes) for logs and tests. A rollup serves only when the
 * database holds the very definition (its key), keeps every dimension the statement filters on
 * or breaks down by, and every period read is whole months (or runs to the end of the data).
 */
import type { DimensionId, FactRef } from '../../domain/catalog';
import { bucketEnd, bucketStart, type Period } from '../../domain/period';
import type { Fact } from './facts';
import { ROLLUP_LEVELS, rollupTable, storedFact, type RollupInfo } from './tables';

export type SourceKind = 'rollup' | 'histogram' | 'stored' | 'rows';

export interface Route {
	/** What is read, e.g. "cases decided_date: v, n". */
	what: string;
	source: SourceKind;
	/** The table read; for `rows`, the fact whose relation is read. */
	from: string;
	reason: string;
}

export interface RouteContext {
	/** The derived columns the database holds; none: read the rows. */
	rollup?: RollupInfo;
	/** The dimensions the statement filters on or breaks down by. */
	dims: readonly DimensionId[];
}

const rows = (what: string, fact: FactRef, reason: string): Route => ({ what, source: 'rows', from: fact, reason });

function notWholeMonths(periods: readonly Period[], asOf: string): Period | undefined {
	return periods.find((p) => p.from !== bucketStart(p.from, 'month') || (p.to < asOf && p.to !== bucketEnd(p.to, 'month')));
}

/**
 * The coarsest rollup (of `levels`) of a fact's event column (or `stock`, or a histogram) that
 * has all these columns and keeps the context's dimensions, when the periods allow it.
 */
export function routeRollup(
	what: string,
	fact: FactRef,
	source: Fact,
	name: string,
	columns: readonly string[],
	periods: readonly Period[],
	ctx: RouteContext,
	kind: 'rollup' | 'histogram' = 'rollup',
	levels: readonly number[] = [1, 0]
): Route {
	if (!source.rollup) return rows(what, fact, `${fact} is not rolled up`);
	const r = ctx.rollup;
	if (!r) return rows(what, fact, 'no rollups offered (none built yet, or not asked for)');
	const cut = notWholeMonths(periods, r.asOf);
	if (cut) return rows(what, fact, `the period ${cut.from}..${cut.to} is not whole months`);
	const kept = levels.filter((level) => ctx.dims.every((id) => (ROLLUP_LEVELS[level] as readonly string[]).includes(id)));
	if (!kept.length) {
		const finest = ROLLUP_LEVELS[Math.min(...levels)] as readonly string[];
		return rows(what, fact, `no rollup keeps ${ctx.dims.filter((id) => !finest.includes(id)).join(', ')}`);
	}
	for (const level of kept) {
		const table = rollupTable(fact, name, level);
		if (columns.every((c) => r.columns.has(`${table}.${c}`)))
			return { what, source: kind, from: table, reason: `keeps ${ctx.dims.join(', ') || 'every dimension'}; whole months` };
	}
	const table = rollupTable(fact, name, kept[kept.length - 1]);
	const missing = columns.filter((c) => !r.columns.has(`${table}.${c}`));
	return rows(what, fact, `${table} lacks ${missing.join(', ')} (another definition, other time limits, or not built)`);
}

/**
 * A fact's rows: its stored copy when the database holds one of this very definition, its
 * relation otherwise. `because`: why no rollup serves (from routeRollup), kept in the reason.
 */
export function routeRelation(what: string, fact: FactRef, ctx: RouteContext, because?: string): Route {
	const stored = storedFact(fact);
	const route = (source: 'stored' | 'rows', from: string, reason: string): Route => ({
		what,
		source,
		from,
		reason: because ? `${because}; ${reason}` : reason
	});
	if (!stored) return route('rows', fact, `${fact} is read from its relation`);
	if (ctx.rollup?.columns.has(`${stored.table}.${stored.marker}`))
		return route('stored', stored.table, `a stored copy of this definition (${stored.marker})`);
	return route('rows', fact, ctx.rollup ? `no stored copy of this definition (${stored.marker})` : 'no stored facts offered');
}

/** The SQL a route reads from: the table, or the fact's relation. */
export function readFrom(route: Route, source: Fact): string {
	return route.source === 'rows' ? source.relation : route.from;
}
