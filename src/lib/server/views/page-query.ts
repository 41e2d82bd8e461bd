/** The view state of a page request, or the error page with a message naming the parameter. */
import { error } from '@sveltejs/kit';
import { parseQuery, type ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { queryErrorMessage } from '../api/errors';
import { personalDataErrors } from '../metrics/run';

/** `extra`: the page's own parameters, which it checks itself. */
export function pageQuery(url: URL, access: Access, extra: readonly string[] = []): ViewQuery {
	const parsed = parseQuery(url.searchParams, extra);
	if (!parsed.ok) error(400, parsed.errors.map(queryErrorMessage).join(' '));
	const forbidden = personalDataErrors(parsed.value, access);
	if (forbidden.length) error(403, forbidden.map(queryErrorMessage).join(' '));
	return parsed.value;
}
