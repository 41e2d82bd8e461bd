/** What the typed copy of an "other" dataset tells about each column; computed once per copy. */
import type { ColumnFacts } from '../../domain/explore/model';
import { quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import type { OtherDataset } from './dataset';
import { typedColumn } from './typed';

const COLUMNS_PER_QUERY = 40;
const cache = new Map<string, ColumnFacts[]>();

/** Forgets the facts of a typed copy that is rebuilt or dropped. */
export function forgetFacts(typed: string): void {
	for (const key of cache.keys()) if (key.startsWith(`${typed}:`)) cache.delete(key);
}

export async function columnFacts(q: Queryable, other: OtherDataset): Promise<ColumnFacts[]> {
	const key = `${other.typed}:${other.columns.map((c) => c.type).join(',')}`;
	const known = cache.get(key);
	if (known) return known;
	const out: ColumnFacts[] = [];
	for (let start = 0; start < other.columns.length; start += COLUMNS_PER_QUERY) {
		const columns = other.columns.slice(start, start + COLUMNS_PER_QUERY);
		const parts = columns.flatMap((c) => {
			const v = typedColumn(c.position);
			const i = c.position;
			const numeric = c.type === 'number' || c.type === 'percent';
			const dated = c.type === 'date' || c.type === 'period';
			return [
				`count(DISTINCT ${v}) AS d${i}`,
				numeric ? `count(*) FILTER (WHERE ${v} <> floor(${v})) = 0 AS w${i}` : `false AS w${i}`,
				dated
					? `count(*) FILTER (WHERE day(${v}) <> 1 OR month(${v}) NOT IN (1, 4, 7, 10)) = 0 AND count(DISTINCT month(${v})) > 1 AS q${i}`
					: `false AS q${i}`,
				dated ? `count(*) FILTER (WHERE day(${v}) <> 1 OR month(${v}) <> 1) = 0 AS y${i}` : `false AS y${i}`
			];
		});
		if (!parts.length) break;
		const [row] = await q.query<Record<string, number | boolean>>(`SELECT ${parts.join(', ')} FROM ${quoteIdent(other.typed)}`);
		for (const c of columns) {
			out.push({
				position: c.position,
				distinct: Number(row[`d${c.position}`]),
				whole: row[`w${c.position}`] === true,
				quarterly: row[`q${c.position}`] === true,
				yearly: row[`y${c.position}`] === true
			});
		}
	}
	cache.set(key, out);
	return out;
}
