/** Writes the statements that read records rather than figures: a page of the rows behind a figure, and whether any exists. */
import type { Deadlines } from '../../../domain/deadlines';
import type { Filters } from '../../../domain/query';
import { Binder } from '../../db/binder';
import { FACTS } from '../facts';
import type { PlanNode } from '../plan';
import { SqlContext, filterClauses, usedParams } from './context';
import type { CompiledQuery } from './compiled';

/** A page of the records behind a figure, sorted by a whitelisted column of the fact. */
export interface RecordsInput {
	from: string;
	to: string;
	filters: Filters;
	deadlines: Deadlines;
	sort: string;
	descending: boolean;
	limit: number;
	offset: number;
}

/** The rows a row-level plan (a flow or a stock) counts in the period, one page of them, with the total. */
export function writeRecords(plan: PlanNode, r: RecordsInput): CompiledQuery {
	if (!('leaf' in plan) || plan.leaf.kind === 'form' || plan.leaf.kind === 'judges') throw new Error(`${plan.kind} has no records`);
	const leaf = plan.leaf;
	const columns = leaf.source.records;
	if (!columns?.includes(r.sort)) throw new Error(`cannot sort ${leaf.fact} records by ${r.sort}`);
	const sql = new SqlContext(r.deadlines, r.filters);
	const from = sql.p.named('from', r.from, 'DATE');
	const to = sql.p.named('to', r.to, 'DATE');
	let conditions: (string | undefined)[];
	if (leaf.kind === 'flow') {
		// A share's records are its base: the rows it is a share of.
		const base = leaf.aggregates.find((a) => a.name === 'base');
		conditions = [
			`${leaf.column} BETWEEN ${from} AND ${to}`,
			sql.fragment(leaf.where),
			...(base?.conditions ?? []).map((c) => sql.fragment(c))
		];
	} else {
		const since = leaf.kind === 'stock' ? sql.fragment(leaf.since) : 'filed_date';
		const at = leaf.kind === 'stock' && leaf.at === 'start' ? `${from} - 1` : to;
		conditions = [`${since} <= ${at}`, `decided_date IS NULL OR decided_date > ${at}`, sql.fragment(leaf.where)];
	}
	const order = `${r.sort} ${r.descending ? 'DESC' : 'ASC'} NULLS LAST, ${columns[0]}`;
	const text = `SELECT ${columns.join(', ')}, count(*) OVER () AS total FROM ${leaf.source.relation} t ${sql.where(conditions)}
		ORDER BY ${order} LIMIT ${sql.p.bind(r.limit, 'INTEGER')} OFFSET ${sql.p.bind(r.offset, 'INTEGER')}`;
	return {
		sql: text,
		params: usedParams(text, sql.p.values),
		routes: [{ what: `${leaf.fact} records`, source: 'rows', from: leaf.fact, reason: 'records are read from the rows' }]
	};
}

/** Whether any case record touches the period under the filters (for choosing a source). */
export function writeExists(period: { from: string; to: string }, filters: Filters): CompiledQuery {
	const p = new Binder();
	const clauses = [
		`filed_date <= ${p.bind(period.to, 'DATE')}`,
		`(decided_date IS NULL OR decided_date >= ${p.bind(period.from, 'DATE')})`,
		...filterClauses(p, filters)
	];
	return {
		sql: `SELECT EXISTS (SELECT 1 FROM ${FACTS.cases.relation} WHERE ${clauses.join(' AND ')}) AS found`,
		params: p.values,
		routes: [{ what: 'cases exist', source: 'rows', from: 'cases', reason: 'an existence test reads the rows' }]
	};
}
