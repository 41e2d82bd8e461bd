import { json } from '@sveltejs/kit';
import { errorResponse } from '$lib/server/api/imports';
import { database } from '$lib/server/db/instance';
import { chartRows, parseChartSpec } from '$lib/server/other/chart';
import { openOther } from '$lib/server/other/dataset';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

// Analysts and above: hooks.server.ts enforces route-access.ts.
export const GET: RequestHandler = async ({ params, url }) => {
	const locale = currentLocale();
	const db = await database();
	const other = Number.isInteger(Number(params.id)) ? await openOther(db, Number(params.id)) : null;
	if (!other) return errorResponse('unknown_dataset', { id: params.id }, locale);
	const spec = parseChartSpec(url.searchParams, other.columns);
	if (!spec) return errorResponse('bad_options', { detail: url.search }, locale);
	return json({ spec, rows: await chartRows(db, other.table, other.columns, spec, other.decimal, locale) });
};
