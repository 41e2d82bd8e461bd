/** Catalog indicators as the practice explorer reads them: always from case records. */
import { indicatorById } from '../../domain/catalog';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { runIndicator, type ResultRow } from '../metrics/run';

/**
 * Rows of an indicator for a query the explorer built itself (so an error is a bug). Case
 * records are the source: outcomes and categories exist only there, not in aggregate forms.
 */
export async function caseIndicator(db: Queryable, access: Access, id: string, query: ViewQuery): Promise<ResultRow[]> {
	const result = await runIndicator(db, indicatorById(id)!, { ...query, source: 'cases' }, access);
	if (!result.ok) throw new Error(`practice query for ${id} is invalid: ${JSON.stringify(result.errors)}`);
	return result.value.rows;
}
