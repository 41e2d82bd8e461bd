/**
 * The quick chart of an "other" dataset: a count, sum, average or median, grouped by a column
 * (a region column by normalised region) and/or by the periods of a date column. Columns are
 * chosen by position among the dataset's own columns; every value is bound.
 */
import { GRAINS, MAX_GROUPS, MEASURES, type ChartSpec, type OtherColumn } from '../../domain/explore';
import type { DecimalSeparator } from '../../domain/ingest/values';
import type { Locale } from '../../domain/l10n';
import { normalizeRegion, regionByCode } from '../../domain/regions';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';
import { valueSql } from './columns';

export interface ChartRow {
	group: string | null;
	label: string | null;
	period: string | null;
	value: number | null;
}

/** The spec from query parameters, checked against the dataset's columns; null when invalid. */
export function parseChartSpec(params: URLSearchParams, columns: readonly OtherColumn[]): ChartSpec | null {
	const position = (name: string, types?: string[]) => {
		const raw = params.get(name);
		if (raw === null || raw === '') return null;
		const column = columns.find((c) => String(c.position) === raw);
		return column && (!types || types.includes(column.type)) ? column.position : undefined;
	};
	const measure = params.get('measure') ?? 'count';
	const grain = params.get('grain') ?? 'month';
	const dimension = position('dimension');
	const value = position('value', ['number']);
	const time = position('time', ['date']);
	if (!(MEASURES as readonly string[]).includes(measure) || !(GRAINS as readonly string[]).includes(grain)) return null;
	if (dimension === undefined || value === undefined || time === undefined) return null;
	if (measure !== 'count' && value === null) return null;
	return { dimension, value, time, measure: measure as ChartSpec['measure'], grain: grain as ChartSpec['grain'] };
}

/** Distinct texts of a region column → region codes, as a VALUES list of bound pairs. */
async function regionCodes(q: Queryable, table: string, text: string, p: Binder): Promise<string> {
	const values = await q.query<{ v: string }>(`SELECT DISTINCT ${text} AS v FROM ${quoteIdent(table)} WHERE ${text} IS NOT NULL`);
	const pairs = values.map(({ v }) => {
		const match = normalizeRegion(v);
		return `(${p.bind(v)}, ${p.bind(match.ok ? match.code : null)})`;
	});
	return pairs.length ? `(VALUES ${pairs.join(', ')}) AS r(raw, code)` : `(SELECT NULL AS raw, NULL AS code) AS r`;
}

export async function chartRows(
	q: Queryable,
	table: string,
	columns: readonly OtherColumn[],
	spec: ChartSpec,
	decimal: DecimalSeparator,
	locale: Locale
): Promise<ChartRow[]> {
	const p = new Binder();
	const byPosition = new Map(columns.map((c) => [c.position, c]));
	const dimension = spec.dimension === null ? null : byPosition.get(spec.dimension)!;
	const isRegion = dimension?.type === 'region';
	const dimText = dimension && textSql(`t.${quoteIdent(columnName(dimension.position))}`);
	const join = isRegion
		? `LEFT JOIN ${await regionCodes(q, table, textSql(quoteIdent(columnName(dimension!.position))), p)} ON r.raw = ${dimText}`
		: '';
	const group = dimension ? (isRegion ? 'r.code' : dimText!) : 'NULL';
	const period = spec.time === null ? 'NULL' : `CAST(date_trunc('${spec.grain}', ${valueSql('date', spec.time, decimal, p)}) AS VARCHAR)`;
	const value = spec.value === null ? null : valueSql('number', spec.value, decimal, p);
	const aggregate = spec.measure === 'count' ? 'count(*)' : `${spec.measure}(${value})`;
	const where = spec.time === null ? '' : `WHERE ${valueSql('date', spec.time, decimal, p)} IS NOT NULL`;
	const rows = await q.query<{ grp: string | null; period: string | null; value: number | null }>(
		`WITH totals AS (
			SELECT ${group} AS grp, ${period} AS period, CAST(${aggregate} AS DOUBLE) AS value
			FROM ${quoteIdent(table)} t ${join} ${where} GROUP BY ALL
		), kept AS (
			SELECT grp FROM totals GROUP BY grp ORDER BY sum(value) DESC NULLS LAST, grp LIMIT ${MAX_GROUPS}
		)
		SELECT t.grp, t.period, t.value FROM totals t SEMI JOIN kept k ON k.grp IS NOT DISTINCT FROM t.grp ORDER BY t.period, t.value DESC`,
		p.values
	);
	return rows.map((r) => ({
		group: r.grp,
		label: isRegion && r.grp ? (regionByCode(r.grp)?.name[locale] ?? r.grp) : r.grp,
		period: r.period ? r.period.slice(0, 10) : null,
		value: r.value
	}));
}
