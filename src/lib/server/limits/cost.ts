/**
 * What a breakdown will cost, known before it runs: the number of result rows is the number of
 * time buckets times the number of groups, and the groups are bounded by the dimensions'
 * cardinalities (directories for regions, courts and categories; the data's distinct judges and
 * articles; enumerations). Requests beyond the cap are refused with the parameter to change.
 */
import { dimensionById, type Dimension, type DimensionId, type Grain } from '../../domain/catalog';
import { CATEGORIES } from '../../domain/categories';
import { courtById, COURTS } from '../../domain/courts';
import { buckets, type Period } from '../../domain/period';
import type { Filters, QueryError } from '../../domain/query';
import { REGION_CODES } from '../../domain/regions';
import { settings } from '../config';
import type { Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { admitExpensive } from './admission';

export interface CostInput extends Period {
	grain?: Grain;
	by: readonly DimensionId[];
	filters: Filters;
	/** The dimensions `by` names when not the catalog's (an indicator defined as data). */
	dimensions?: readonly Dimension[];
}

export interface Cost {
	buckets: number;
	groups: number;
	/** At most this many result rows. */
	rows: number;
}

/** Dimensions whose values each belong to one value of another: a pair of them has as many groups as the finer. */
const PARENT: Partial<Record<DimensionId, DimensionId>> = { court: 'region', judge: 'court', category: 'case_type' };

function isAncestor(a: DimensionId, b: DimensionId): boolean {
	for (let up = PARENT[b]; up; up = PARENT[up]) if (up === a) return true;
	return false;
}

interface DataCounts {
	/** Distinct judges per court. */
	judges: Map<string, number>;
	articles: number;
}

/** Judges per court and distinct articles in the data, read once per data revision. */
const counted = new WeakMap<Queryable, { revision: number; counts: DataCounts }>();

async function dataCounts(db: Queryable): Promise<DataCounts> {
	const revision = dataRevision();
	const hit = counted.get(db);
	if (hit?.revision === revision) return hit.counts;
	const [judges, [articles]] = await Promise.all([
		db.query<{ court: string; n: number }>(`SELECT court_id AS court, approx_count_distinct(judge_id) AS n FROM cases GROUP BY 1`),
		db.query<{ n: number }>(
			`SELECT approx_count_distinct(article) AS n FROM (SELECT article FROM cases UNION ALL SELECT article FROM fraud)`
		)
	]);
	const counts = { judges: new Map(judges.map((r) => [r.court, Number(r.n)])), articles: Number(articles.n) };
	counted.set(db, { revision, counts });
	return counts;
}

function cardinality(dimension: Dimension, filters: Filters, data: DataCounts | null): number {
	const id = dimension.id;
	const chosen = filters[id];
	if (chosen?.length) return chosen.length;
	const values = dimension.values;
	if (values.kind === 'text') return values.distinct;
	const inRegions = (region: string) => !filters.region?.length || filters.region.includes(region);
	switch (id) {
		case 'region':
			return REGION_CODES.length;
		case 'court':
			return COURTS.filter((c) => inRegions(c.region)).length;
		case 'category':
			return CATEGORIES.filter((c) => !filters.case_type?.length || filters.case_type.includes(c.caseType)).length;
		case 'judge': {
			// The judges of the chosen courts, or of the courts in the chosen regions.
			let sum = 0;
			for (const [court, n] of data!.judges) {
				const region = courtById(court)?.region;
				if (filters.court?.length ? filters.court.includes(court) : !region || inRegions(region)) sum += n;
			}
			return sum;
		}
		case 'article':
			return data!.articles;
		default:
			return values.kind === 'enum' ? values.values.length : 1;
	}
}

export async function estimateCost(db: Queryable, input: CostInput): Promise<Cost> {
	const dims = input.by.map((id) => input.dimensions?.find((d) => d.id === id) ?? dimensionById(id)!);
	const data = dims.some((d) => d.values.kind === 'code') ? await dataCounts(db) : null;
	const cards = dims.map((d) => Math.max(1, cardinality(d, input.filters, data)));
	const [a, b] = input.by;
	// A dataset's columns (kind text) nest in no known way.
	const nested = b !== undefined && dims.every((d) => d.values.kind !== 'text') && (isAncestor(a, b) || isAncestor(b, a));
	const groups = nested ? Math.max(...cards) : cards.reduce((x, y) => x * y, 1);
	const count = input.grain ? buckets(input, input.grain).length : 1;
	return { buckets: count, groups, rows: count * groups };
}

/** A refusal naming the parameter to change: the breakdown when it alone is too large, else the grain. */
export function costErrors(cost: Cost): QueryError[] {
	const max = settings().maxResultRows;
	if (cost.rows <= max) return [];
	return [{ param: cost.groups > max ? 'by' : 'grain', code: 'too_large', value: String(cost.rows), allowed: [String(max)] }];
}

/**
 * The budget of one breakdown, checked before it runs: refused beyond the row cap; above the
 * cheap size, it waits for an expensive-query slot (admission.ts).
 */
export async function spend(db: Queryable, input: CostInput): Promise<QueryError[]> {
	const cost = await estimateCost(db, input);
	const errors = costErrors(cost);
	if (!errors.length && cost.rows > settings().cheapResultRows) await admitExpensive();
	return errors;
}
