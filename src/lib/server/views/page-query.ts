/** The view state of a page request, or the error page with a message naming the parameter. */
import { error } from '@sveltejs/kit';
import type { Dimension } from '../../domain/catalog';
import { parseQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { queryErrorMessage } from '../api/errors';
import type { Queryable } from '../db/database';
import { boundPeriod, type BoundedQuery } from '../limits/period';
import type { DataRange } from '../metrics/as-of';
import { personalDataErrors } from '../metrics/run';

/**
 * `extra`: the page's own parameters, which it checks itself. The period is held to the data's
 * dates. A page of an indicator defined as data names its `dimensions` and the `range` of its data.
 */
export async function pageQuery(
	db: Queryable,
	url: URL,
	access: Access,
	extra: readonly string[] = [],
	scope: { dimensions?: readonly Dimension[]; range?: DataRange } = {}
): Promise<BoundedQuery> {
	const parsed = parseQuery(url.searchParams, extra, scope.dimensions);
	if (!parsed.ok) error(400, parsed.errors.map(queryErrorMessage).join(' '));
	const forbidden = personalDataErrors(parsed.value, access);
	if (forbidden.length) error(403, forbidden.map(queryErrorMessage).join(' '));
	const bounded = await boundPeriod(db, parsed.value, access, scope.range);
	if (!bounded.ok) error(400, bounded.errors.map(queryErrorMessage).join(' '));
	return bounded.value;
}
