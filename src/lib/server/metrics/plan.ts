/**
 * The planner: what a catalog measure reads, before anyone decides where from or writes SQL.
 * A measure becomes a tree (PlanNode) mirroring its composition; its leaves say which rows of
 * which fact are counted, summed, ranked or held pending, each aggregate with its canonical
 * definition and key (definition.ts). The router (route.ts) then picks each leaf's source and
 * the writers (sql/) write the statements.
 */
import type { EventId, FactRef, Measure } from '../../domain/catalog';
import type { Deadlines } from '../../domain/deadlines';
import {
	boundValues,
	canonicalConditions,
	canonicalSql,
	definitionKey,
	type AggregateDefinition,
	type HistogramDefinition,
	type StockDefinition
} from './definition';
import { factOf, type Fact } from './facts';

/** An aggregate of a flow's rows, read by the formula under `name`. */
export interface PlannedAggregate {
	name: string;
	/** `key_sum`: a sum of record keys, 0 over no rows (as a count), so that a rollup row kept by subtraction equals one rebuilt. */
	fn: 'count' | 'sum' | 'key_sum' | 'quantile' | 'min' | 'max' | 'count_distinct' | 'sum_distinct';
	/** Catalog expression summed or ranked, or counted when not null; none for count(*). */
	arg?: string;
	q?: number;
	/** Catalog conditions on the rows besides the flow's own `where`. */
	conditions: (string | undefined)[];
	/** What a rollup column (count, sum) or a histogram (quantile) of it holds, and its key. */
	definition: AggregateDefinition | HistogramDefinition;
	key: string;
}

/**
 * A record's key for the disclosure control: 32 bits of the MD5 of its identifier, the same in
 * every statement, rollup and DuckDB version. A cell's record keys summed (`<name>_key`
 * aggregates) are the same for the same records and unrelated for different ones, whatever
 * their number; the secret is applied to that sum afterwards (disclosure/perturb.ts).
 */
export const recordKeySql = (id: string) => `(md5_number(CAST(${id} AS VARCHAR)) % 4294967296)::BIGINT`;

/** A row's record key, or NULL for a fact whose records have none. */
export const recordKeyOf = (fact: Fact) => (fact.recordKey ? recordKeySql(fact.recordKey) : 'CAST(NULL AS BIGINT)');

/** The name of the aggregate summing the record keys of what aggregate `name` counts. */
export const keyName = (name: string) => `${name}_key`;

/** Counts and sums add up over months and groups, so rollups can hold them. */
export const isAdditive = (a: PlannedAggregate) => a.fn === 'count' || a.fn === 'sum' || a.fn === 'key_sum';

interface FactLeaf {
	fact: FactRef;
	/** The fact's description (relation, events, columns). */
	source: Fact;
	/** Catalog condition on the rows of the measure. */
	where?: string;
}

/** Rows of a fact whose event date falls in the period. */
export interface FlowLeaf extends FactLeaf {
	kind: 'flow';
	event: EventId;
	/** The event's date column. */
	column: string;
	aggregates: PlannedAggregate[];
	/** The count of the flow's own rows: which groups it has. */
	rows: PlannedAggregate;
}

/** Rows pending on a measurement date: counted from `since` until decided. */
export interface StockLeaf extends FactLeaf {
	kind: 'stock';
	at: 'start' | 'end';
	since: string;
	definition: StockDefinition;
	key: string;
}

/** A quantile of the age of the rows pending at the measurement date. */
export interface StockQuantileLeaf extends FactLeaf {
	kind: 'stock_quantile';
	q: number;
}

/** Rows of a fact by judge, for figures per judge. */
export interface JudgesLeaf extends FactLeaf {
	kind: 'judges';
	event: EventId;
	column: string;
}

/** A column of the aggregate reporting forms. */
export interface FormLeaf {
	kind: 'form';
	column: 'incoming' | 'resolved' | 'pending_start' | 'pending_end';
}

/** The population of the regions in scope. */
export interface PopulationLeaf {
	kind: 'population';
}

export type Leaf = FlowLeaf | StockLeaf | StockQuantileLeaf | JudgesLeaf | FormLeaf | PopulationLeaf;

export type PlanNode =
	| { kind: 'count' | 'sum' | 'quantile' | 'min' | 'max' | 'count_distinct' | 'share' | 'sum_share'; leaf: FlowLeaf }
	| { kind: 'stock'; leaf: StockLeaf }
	| { kind: 'stock_quantile'; leaf: StockQuantileLeaf }
	| { kind: 'form'; leaf: FormLeaf }
	| { kind: 'ratio'; num: PlanNode; den: PlanNode; scale: number | 'days' }
	| { kind: 'per_capita'; of: PlanNode; population: PopulationLeaf }
	| { kind: 'per_judge_month' | 'judge_spread'; leaf: JudgesLeaf };

type FactMeasure = Extract<Measure, { fact: FactRef }>;
type AggregateSpec = Pick<PlannedAggregate, 'name' | 'fn' | 'arg' | 'q'> & { conditions?: (string | undefined)[] };

export class Planner {
	constructor(
		private readonly deadlines: Deadlines,
		private readonly facts: (id: FactRef) => Fact = factOf
	) {}

	plan(m: Measure): PlanNode {
		switch (m.kind) {
			case 'count':
				return { kind: m.kind, leaf: this.flow(m, [{ name: 'v', fn: 'count' }]) };
			case 'sum':
				return {
					kind: m.kind,
					leaf: this.flow(m, [
						{ name: 'v', fn: 'sum', arg: m.expr },
						{ name: 'n', fn: 'count' }
					])
				};
			case 'quantile':
				return {
					kind: m.kind,
					leaf: this.flow(m, [
						{ name: 'v', fn: 'quantile', arg: m.expr, q: m.q },
						{ name: 'n', fn: 'count', arg: m.expr }
					])
				};
			case 'min':
			case 'max':
			case 'count_distinct':
				return {
					kind: m.kind,
					leaf: this.flow(m, [
						{ name: 'v', fn: m.kind, arg: m.expr },
						{ name: 'n', fn: 'count', arg: m.expr }
					])
				};
			case 'share':
				return {
					kind: m.kind,
					leaf: this.flow(m, [
						{ name: 'hit', fn: 'count', conditions: [m.hit, m.base] },
						{ name: 'base', fn: 'count', conditions: [m.base] }
					])
				};
			case 'sum_share':
				return {
					kind: m.kind,
					leaf: this.flow(m, [
						{ name: 'part', fn: 'sum', arg: m.part },
						{ name: 'whole', fn: 'sum', arg: m.whole },
						{ name: 'n', fn: 'count' }
					])
				};
			case 'stock':
				return { kind: m.kind, leaf: this.stock(m) };
			case 'stock_quantile':
				return { kind: m.kind, leaf: { kind: m.kind, ...this.factLeaf(m), q: m.q } };
			case 'form':
				return { kind: m.kind, leaf: { kind: 'form', column: m.column } };
			case 'ratio':
				return { kind: m.kind, num: this.plan(m.num), den: this.plan(m.den), scale: m.scale };
			case 'per_capita':
				return { kind: m.kind, of: this.plan(m.of), population: { kind: 'population' } };
			case 'per_judge_month':
			case 'judge_spread': {
				if (m.of.kind !== 'count') throw new Error('judge measures need a count');
				return { kind: m.kind, leaf: { kind: 'judges', ...this.factLeaf(m.of), ...this.event(m.of) } };
			}
		}
	}

	private factLeaf(m: FactMeasure): FactLeaf {
		return { fact: m.fact, source: this.facts(m.fact), ...(m.where ? { where: m.where } : {}) };
	}

	private event(m: Extract<Measure, { event: EventId }>): { event: EventId; column: string } {
		const column = this.facts(m.fact).events[m.event];
		if (!column) throw new Error(`fact ${m.fact} has no event ${m.event}`);
		return { event: m.event, column };
	}

	private flow(m: Extract<Measure, { event: EventId }>, aggregates: AggregateSpec[]): FlowLeaf {
		const leaf = { ...this.factLeaf(m), ...this.event(m) };
		const planned = (a: AggregateSpec): PlannedAggregate => {
			const conditions = a.conditions ?? [];
			const all = [...conditions, m.where];
			const bound = boundValues([a.arg, ...all], this.deadlines);
			const definition: AggregateDefinition | HistogramDefinition =
				a.fn === 'quantile'
					? { of: 'histogram', fact: m.fact, event: m.event, value: canonicalSql(a.arg!), conditions: canonicalConditions(all), bound }
					: {
							of: 'aggregate',
							fact: m.fact,
							event: m.event,
							fn: a.fn,
							arg: a.arg ? canonicalSql(a.arg) : null,
							conditions: canonicalConditions(all),
							bound
						};
			return { ...a, conditions, definition, key: definitionKey(definition) };
		};
		const recordKey = leaf.source.recordKey;
		// Beside each count, the sum of the keys of the records (or, for distinct values, of the values) it counts.
		const keys = aggregates.flatMap((a): AggregateSpec[] => {
			const name = keyName(a.name);
			if (a.fn === 'count_distinct') return [{ name, fn: 'sum_distinct', arg: recordKeySql(a.arg!), conditions: a.conditions }];
			if (a.fn !== 'count' || !recordKey) return [];
			const key = recordKeySql(recordKey);
			return [{ name, fn: 'key_sum', arg: a.arg ? `CASE WHEN (${a.arg}) IS NOT NULL THEN ${key} END` : key, conditions: a.conditions }];
		});
		return { kind: 'flow', ...leaf, aggregates: [...aggregates, ...keys].map(planned), rows: planned({ name: '_rows', fn: 'count' }) };
	}

	private stock(m: Extract<Measure, { kind: 'stock' }>): StockLeaf {
		const since = m.since ?? 'filed_date';
		const definition: StockDefinition = {
			of: 'stock',
			fact: m.fact,
			since: canonicalSql(since),
			conditions: canonicalConditions([m.where]),
			bound: boundValues([since, m.where], this.deadlines)
		};
		return { kind: 'stock', ...this.factLeaf(m), at: m.at, since, definition, key: definitionKey(definition) };
	}
}

/** Every leaf of a plan, in the order the formula reads them. */
export function leaves(node: PlanNode): Leaf[] {
	switch (node.kind) {
		case 'ratio':
			return [...leaves(node.num), ...leaves(node.den)];
		case 'per_capita':
			return [...leaves(node.of), node.population];
		default:
			return [node.leaf];
	}
}
