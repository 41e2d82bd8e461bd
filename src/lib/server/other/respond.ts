/**
 * The API of an "other" dataset's dashboard: its figures for a request, and a change of how a
 * column is read (type, codes of region values), after which the typed copy is rebuilt.
 */
import { json } from '@sveltejs/kit';
import { parseColumnSetting } from '../../domain/explore/column-setting';
import { dashboardModel, type DashboardModel } from '../../domain/explore/model';
import { parseRequest } from '../../domain/explore/request';
import type { Locale } from '../../domain/l10n';
import { errorResponse } from '../api/imports';
import type { Database } from '../db/database';
import { bumpDataRevision } from '../db/revision';
import { dashboard } from './dashboard';
import { describeOther, ensureTyped, openOther, type OtherDataset } from './dataset';
import { columnFacts, forgetFacts } from './facts';
import { mergeSetting, saveColumnSetting } from './settings';

/** The dataset with its typed copy and its model, or null when there is no such "other" dataset. */
export async function openDashboard(db: Database, id: string): Promise<{ other: OtherDataset; model: DashboardModel } | null> {
	const other = /^\d+$/.test(id) ? await openOther(db, Number(id)) : null;
	if (!other) return null;
	return { other, model: dashboardModel(other.columns, await columnFacts(db, other)) };
}

export async function dashboardResponse(db: Database, id: string, url: URL, locale: Locale): Promise<Response> {
	const opened = await openDashboard(db, id);
	if (!opened) return errorResponse('unknown_dataset', { id }, locale);
	const parsed = parseRequest(url.searchParams, opened.model);
	if (!parsed.ok) return errorResponse('bad_options', { detail: parsed.parameter }, locale);
	const all = url.searchParams.get('measures') === 'all';
	return json({ request: parsed.request, data: await dashboard(db, opened.other, opened.model, parsed.request, all) });
}

export async function columnSettingResponse(db: Database, id: string, body: unknown, actor: string, locale: Locale): Promise<Response> {
	const other = /^\d+$/.test(id) ? await describeOther(db, Number(id)) : null;
	if (!other) return errorResponse('unknown_dataset', { id }, locale);
	const change = parseColumnSetting(body);
	if ('fault' in change) return errorResponse('bad_options', { detail: change.fault }, locale);
	const { column } = change;
	if (!other.columns.some((c) => c.name === column)) return errorResponse('bad_options', { detail: 'column' }, locale);
	const setting = mergeSetting(change, other.settings.get(column));
	await db.transaction((tx) => saveColumnSetting(tx, other.datasetId, column, setting, actor));
	const changed = await describeOther(db, other.datasetId);
	forgetFacts(other.typed);
	await ensureTyped(db, changed!, true);
	bumpDataRevision();
	return json({ column, ...setting });
}
