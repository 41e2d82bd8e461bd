/**
 * The figures of an "other" dataset's automatic dashboard, from its typed copy: a headline per
 * measure (the whole range, the latest period and the one before), the time series of the chosen
 * measure, and a leaderboard per dimension, top N of M with the rest as "Other". Total rows are
 * left out of every figure. Columns are typed columns named by code from the dataset's own
 * positions; every value is bound.
 */
import { listValue } from '@duckdb/node-api';
import type { Aggregate, OtherColumn } from '../../domain/explore';
import { MAX_LISTED } from '../../domain/explore';
import type { DashboardData, Headline, Leaderboard, PeriodValue } from '../../domain/explore/figures';
import type { DashboardModel, MeasureOption, TimeSpec } from '../../domain/explore/model';
import { EMPTY_KEY, type DashboardRequest } from '../../domain/explore/request';
import { suggestRegion } from '../../domain/explore/region-suggest';
import { normalizeRegion } from '../../domain/regions';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';
import type { OtherDataset } from './dataset';
import { typedColumn } from './typed';

/** Headline tiles computed unless all are asked for. */
export const HEADLINES_SHOWN = 12;

const col = (position: number) => quoteIdent(typedColumn(position));

/** The date a row is counted by: a date or period column, or year (+ month, + day) columns. */
export function timeSql(spec: TimeSpec): string {
	if (spec.kind === 'column') return col(spec.column);
	if (spec.month === null) return `make_date(${col(spec.year)}, 1, 1)`;
	const day = spec.day === null ? '1' : `coalesce(${col(spec.day)}, 1)`;
	return `try(make_date(${col(spec.year)}, ${col(spec.month)}, ${day}))`;
}

function aggregateSql(measure: MeasureOption, aggregate: Aggregate): string {
	if (measure.column === null || aggregate === 'count') return 'CAST(count(*) AS DOUBLE)';
	return `CAST(${aggregate}(${col(measure.column)}) AS DOUBLE)`;
}

/** The key a leaderboard and a filter use for a column's value. */
const keySql = (position: number) => `coalesce(CAST(${col(position)} AS VARCHAR), '')`;

interface Context {
	other: OtherDataset;
	model: DashboardModel;
	request: DashboardRequest;
}

/** Rows the figures count: no total rows, the filters, the time range. */
function whereSql(ctx: Context, p: Binder): string {
	const parts = ['NOT is_total'];
	for (const [position, keys] of Object.entries(ctx.request.filters)) {
		parts.push(`list_contains(${p.bind(listValue(keys))}, ${keySql(Number(position))})`);
	}
	const time = ctx.model.times.find((t) => t.id === ctx.request.time);
	if (time && ctx.request.from) parts.push(`${timeSql(time.spec)} >= ${p.bind(ctx.request.from, 'DATE')}`);
	if (time && ctx.request.to) parts.push(`${timeSql(time.spec)} <= ${p.bind(ctx.request.to, 'DATE')}`);
	return parts.join(' AND ');
}

async function headlines(q: Queryable, ctx: Context, measures: MeasureOption[]): Promise<Headline[]> {
	const p = new Binder();
	const time = ctx.model.times.find((t) => t.id === ctx.request.time);
	const aggregates = measures.map((m, i) => `${aggregateSql(m, m.aggregate)} AS m${i}`);
	const period = time ? `CAST(date_trunc(${p.bind(ctx.request.grain)}, ${timeSql(time.spec)}) AS VARCHAR)` : 'NULL';
	const rows = await q.query<Record<string, number | string | null>>(
		`SELECT ${period} AS period, GROUPING(period) AS whole, ${aggregates.join(', ')}
		FROM ${quoteIdent(ctx.other.typed)} WHERE ${whereSql(ctx, p)}
		GROUP BY GROUPING SETS ((period), ()) ORDER BY whole DESC, period`,
		p.values
	);
	const whole = rows.find((r) => Number(r.whole) === 1);
	const periods = time ? rows.filter((r) => Number(r.whole) === 0 && r.period !== null) : [];
	return measures.map((m, i) => ({
		measure: m.id,
		aggregate: m.aggregate,
		total: (whole?.[`m${i}`] as number | null) ?? null,
		series: periods.map((r) => ({ period: String(r.period).slice(0, 10), value: r[`m${i}`] as number | null }))
	}));
}

async function series(q: Queryable, ctx: Context, measure: MeasureOption): Promise<PeriodValue[]> {
	const time = ctx.model.times.find((t) => t.id === ctx.request.time);
	if (!time) return [];
	const p = new Binder();
	const period = `date_trunc(${p.bind(ctx.request.grain)}, ${timeSql(time.spec)})`;
	const rows = await q.query<{ period: string; value: number | null }>(
		`SELECT CAST(${period} AS VARCHAR) AS period, ${aggregateSql(measure, ctx.request.aggregate)} AS value
		FROM ${quoteIdent(ctx.other.typed)} WHERE ${whereSql(ctx, p)} AND ${period} IS NOT NULL GROUP BY 1 ORDER BY 1`,
		p.values
	);
	return rows.map((r) => ({ period: r.period.slice(0, 10), value: r.value }));
}

/** The Other group's value from the listed groups' figures where the aggregate allows, else null (recomputed). */
function otherSql(aggregate: Aggregate): string | null {
	switch (aggregate) {
		case 'count':
		case 'sum':
			return 'sum(value)';
		case 'min':
			return 'min(value)';
		case 'max':
			return 'max(value)';
		case 'avg':
			return 'sum(value * filled) / nullif(sum(filled), 0)';
		case 'median':
			return null;
	}
}

async function leaderboards(q: Queryable, ctx: Context, measure: MeasureOption, columns: number[]): Promise<Leaderboard[]> {
	if (!columns.length) return [];
	const p = new Binder();
	const { request } = ctx;
	const dim = `CASE ${columns.map((c) => `WHEN GROUPING(${col(c)}) = 0 THEN ${c}`).join(' ')} END`;
	const key = `CASE ${columns.map((c) => `WHEN GROUPING(${col(c)}) = 0 THEN ${keySql(c)}`).join(' ')} END`;
	const filled = measure.column === null ? 'count(*)' : `count(${col(measure.column)})`;
	// A region column is listed whole (20 regions and the unrecognised): the map draws from it, and a
	// region summed into "Other" would be drawn as having no data.
	const regions = columns.filter((c) => ctx.other.columns.find((x) => x.position === c)?.type === 'region');
	const full = request.all === null ? regions : [...regions, request.all];
	const limit = full.length ? `CASE WHEN dim IN (${full.join(', ')}) THEN ${MAX_LISTED} ELSE ${request.top} END` : String(request.top);
	const other = otherSql(request.aggregate);
	const rows = await q.query<{ dim: number; key: string | null; value: number | null; n: number; groups: number; rest: number }>(
		`WITH g AS (
			SELECT ${dim} AS dim, ${key} AS key, ${aggregateSql(measure, request.aggregate)} AS value, count(*) AS n, ${filled} AS filled
			FROM ${quoteIdent(ctx.other.typed)} WHERE ${whereSql(ctx, p)}
			GROUP BY GROUPING SETS (${columns.map((c) => `(${col(c)})`).join(', ')})
		), r AS (
			SELECT *, row_number() OVER (PARTITION BY dim ORDER BY value DESC NULLS LAST, key) AS rank, count(*) OVER (PARTITION BY dim) AS groups
			FROM g
		)
		SELECT dim, key, value, n, groups, 0 AS rest FROM r WHERE rank <= ${limit}
		UNION ALL
		SELECT dim, NULL, ${other ?? 'NULL'}, sum(n), any_value(groups), 1 FROM r WHERE rank > ${limit} GROUP BY dim
		ORDER BY dim, rest, value DESC NULLS LAST, key`,
		p.values
	);
	const boards = columns.map((column): Leaderboard => ({ column, groups: 0, other: null, rows: [] }));
	for (const r of rows) {
		const board = boards.find((b) => b.column === Number(r.dim))!;
		board.groups = Number(r.groups);
		if (Number(r.rest) === 1) board.other = { groups: board.groups - board.rows.length, value: r.value, rows: Number(r.n) };
		else board.rows.push({ key: r.key ?? EMPTY_KEY, value: r.value, rows: Number(r.n) });
	}
	if (other === null) for (const board of boards) if (board.other) board.other.value = await otherMedian(q, ctx, measure, board);
	return boards;
}

/** A median of the groups not listed, over their rows. */
async function otherMedian(q: Queryable, ctx: Context, measure: MeasureOption, board: Leaderboard): Promise<number | null> {
	const p = new Binder();
	const listed = p.bind(listValue(board.rows.map((r) => r.key)));
	const [row] = await q.query<{ value: number | null }>(
		`SELECT ${aggregateSql(measure, 'median')} AS value FROM ${quoteIdent(ctx.other.typed)}
		WHERE ${whereSql(ctx, p)} AND NOT list_contains(${listed}, ${keySql(board.column)})`,
		p.values
	);
	return row.value;
}

async function totalRows(q: Queryable, other: OtherDataset): Promise<{ rows: number; labels: string[] }> {
	const [{ n }] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(other.typed)} WHERE is_total`);
	if (!n) return { rows: 0, labels: [] };
	const labels = other.columns.filter((c) => c.type === 'text' || c.type === 'region');
	const texts = await q.query<{ v: string }>(
		`SELECT DISTINCT ${labels.map((c) => textSql(`s.${quoteIdent(columnName(c.position))}`)).join(" || ' · ' || ")} AS v
		FROM ${quoteIdent(other.table)} s SEMI JOIN ${quoteIdent(other.typed)} t ON t.row_id = s.rowid AND t.is_total LIMIT 20`
	);
	return { rows: Number(n), labels: texts.map((t) => t.v).filter(Boolean) };
}

export async function dashboard(
	q: Queryable,
	other: OtherDataset,
	model: DashboardModel,
	request: DashboardRequest,
	allMeasures: boolean
): Promise<DashboardData> {
	const ctx: Context = { other, model, request };
	const measure = model.measures.find((m) => m.id === request.measure)!;
	const shown = allMeasures ? model.measures : model.measures.slice(0, HEADLINES_SHOWN);
	const columns = [...new Set([...model.dimensions, ...request.by, ...(request.all === null ? [] : [request.all])])];
	const heads = await headlines(q, ctx, shown);
	const totals = await totalRows(q, other);
	return {
		rows: heads[0]?.measure === 'rows' ? (heads[0].total ?? 0) : 0,
		totalRows: totals.rows,
		totalLabels: totals.labels,
		headlines: heads,
		measures: model.measures.length,
		series: await series(q, ctx, measure),
		leaderboards: await leaderboards(q, ctx, measure, columns)
	};
}

/** Values of region columns that name no known region (total rows aside), with their row counts. */
export interface Unrecognised {
	column: number;
	values: { value: string; rows: number; suggestion: string | null }[];
}

export async function unrecognisedRegions(q: Queryable, other: OtherDataset): Promise<Unrecognised[]> {
	const out = [];
	for (const c of other.columns.filter((x: OtherColumn) => x.type === 'region')) {
		const text = textSql(`s.${quoteIdent(columnName(c.position))}`);
		// One pass gives both the values read as no region (code NULL) and the regions the column names,
		// which decide an ambiguous name ("Алматы" beside "Алматинская область" is the city).
		const rows = await q.query<{ value: string; code: string | null; rows: number }>(
			`SELECT ${text} AS value, t.${quoteIdent(typedColumn(c.position))} AS code, count(*) AS rows FROM ${quoteIdent(other.table)} s
			JOIN ${quoteIdent(other.typed)} t ON t.row_id = s.rowid
			WHERE ${text} IS NOT NULL AND NOT t.is_total GROUP BY 1, 2 ORDER BY 3 DESC, 1`
		);
		const named = new Set(rows.flatMap((r) => (r.code === null ? [] : [r.code])));
		const codes = other.settings.get(c.name)?.valueCodes ?? {};
		// Values the user marked as naming no region are not asked about again.
		const values = rows
			.filter((r) => r.code === null && !(r.value in codes) && !normalizeRegion(r.value).ok)
			.map((r) => ({ value: r.value, rows: Number(r.rows), suggestion: suggestRegion(r.value, named) }));
		out.push({ column: c.position, values });
	}
	return out;
}
