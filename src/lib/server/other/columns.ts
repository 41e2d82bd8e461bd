/**
 * Column types of an "other" dataset, recognised from all of its values: a column is a date,
 * period ("2024-01", "2024-Q1", "янв 2024"), number or percent ("4%"), yes/no column when every
 * non-empty cell reads as one; a number column whose header names a year, month or day and whose
 * values fit is that part of a date; a region column when most of its distinct values (total
 * rows aside) name a region.
 */
import { listValue } from '@duckdb/node-api';
import type { ColumnType } from '../../domain/explore';
import { isTotalLabel, MONTH_PREFIXES, timePartOfHeader, TOTAL_LABELS, TOTAL_PREFIXES } from '../../domain/explore/words';
import { numberPattern, THOUSANDS_SPACES, type DecimalSeparator } from '../../domain/ingest/values';
import { normalizeRegion } from '../../domain/regions';
import { Binder, quoteIdent } from '../db/binder';
import type { Queryable } from '../db/database';
import { booleanSql, dateSql, textSql } from '../ingest/convert';
import { columnName } from '../ingest/stage';

/** Region columns hold few distinct values; more than this and the column is text. */
const MAX_REGION_VALUES = 200;
const REGION_SHARE = 0.8;

/** A number as a spreadsheet writes it ("2,527", "1 234,5", "4%", "-0.5") as DOUBLE, or NULL. */
export function numberSql(text: string, decimal: DecimalSeparator, p: Binder): string {
	const compact = `regexp_replace(regexp_replace(${text}, ${p.bind(`[${THOUSANDS_SPACES}]`)}, '', 'g'), '%$', '')`;
	const group = decimal === ',' ? '.' : ',';
	const plain = `replace(replace(${compact}, ${p.bind(group)}, ''), ',', '.')`;
	// Digits with at most a leading minus (the common case) are cast without the regular expressions.
	const digits = `ltrim(${text}, '-0123456789') = '' AND NOT contains(substr(${text}, 2), '-')`;
	return `CASE WHEN ${digits} THEN TRY_CAST(${text} AS DOUBLE)
		WHEN regexp_full_match(${compact}, ${p.bind(numberPattern(decimal, false))}) THEN TRY_CAST(${plain} AS DOUBLE) END`;
}

/** The month of a month name ("Январь", "қаңтар", "Jan."), as in domain/explore/words.ts. */
function monthNameSql(word: string, p: Binder): string {
	const prefixes = p.bind(listValue(Object.keys(MONTH_PREFIXES)));
	const months = p.bind(listValue(Object.values(MONTH_PREFIXES)));
	const w = `rtrim(lower(${word}), '.')`;
	return `CASE WHEN regexp_full_match(${w}, '\\p{L}{3,10}') THEN ${months}[list_position(${prefixes}, left(${w}, 3))] END`;
}

/**
 * The first day of the period a text names: "2024-01", "01.2024", "2024-Q1", "1 кв. 2024",
 * "янв 2024", "2024 январь"; NULL otherwise.
 */
export function periodSql(text: string, p: Binder): string {
	const t = `lower(${text})`;
	const part = (pattern: string, group: number) => `regexp_extract(${t}, ${p.bind(pattern)}, ${group})`;
	const int = (pattern: string, group: number) => `TRY_CAST(${part(pattern, group)} AS INTEGER)`;
	const month = (y: string, m: string) => `try(make_date(${y}, ${m}, 1))`;
	const quarter = (y: string, q: string) => `try(make_date(${y}, ${q} * 3 - 2, 1))`;
	const yearMonth = '^(\\d{4})[-./ ](\\d{1,2})$';
	const monthYear = '^(\\d{1,2})[-./ ](\\d{4})$';
	const yearQuarter = '^(\\d{4})\\s*[-/ ]?\\s*(?:q|кв|к)\\.?\\s*([1-4])$';
	const quarterYear = '^(?:q|кв|к)\\.?\\s*([1-4])\\s*[-/ ]?\\s*(\\d{4})$';
	const numberedQuarter = '^([1-4])\\s*(?:-?й\\s*)?(?:q|кв\\.?|квартал|тоқсан|quarter)\\s*(\\d{4})(?:\\s*(?:г|года|год|ж)\\.?)?$';
	const nameYear = '^(\\p{L}+)\\.?[\\s-]+(\\d{4})(?:\\s*(?:г|года|год|ж|жыл)\\.?)?$';
	const yearName = '^(\\d{4})[\\s-]+(\\p{L}+)\\.?$';
	return `coalesce(
		${month(int(yearMonth, 1), int(yearMonth, 2))},
		${month(int(monthYear, 2), int(monthYear, 1))},
		${quarter(int(yearQuarter, 1), int(yearQuarter, 2))},
		${quarter(int(quarterYear, 2), int(quarterYear, 1))},
		${quarter(int(numberedQuarter, 2), int(numberedQuarter, 1))},
		${month(int(nameYear, 2), monthNameSql(part(nameYear, 1), p))},
		${month(int(yearName, 1), monthNameSql(part(yearName, 2), p))}
	)`;
}

/** Whether a cell's text labels a total row, as `isTotalLabel` in domain/explore/words.ts. */
export function totalLabelSql(text: string, p: Binder): string {
	const key = `trim(regexp_replace(replace(lower(${text}), 'ё', 'е'), '[^\\p{L}\\p{N}]+', ' ', 'g'))`;
	const prefixes = TOTAL_PREFIXES.map((x) => x.trim()).join('|');
	return `coalesce(list_contains(${p.bind(listValue([...TOTAL_LABELS]))}, ${key}) OR regexp_matches(${key}, ${p.bind(`^(${prefixes}) `)}), false)`;
}

/** A whole number within [min, max], or NULL. */
const wholeSql = (value: string, min: number, max: number) =>
	`CASE WHEN ${value} = floor(${value}) AND ${value} BETWEEN ${min} AND ${max} THEN CAST(${value} AS INTEGER) END`;

/** The typed value of a stored cell for a column of this type. */
export function valueSql(type: ColumnType, position: number, decimal: DecimalSeparator, p: Binder): string {
	const text = textSql(quoteIdent(columnName(position)));
	switch (type) {
		case 'date':
			return dateSql(text, p);
		case 'period':
			return periodSql(text, p);
		case 'number':
		case 'percent':
			return numberSql(text, decimal, p);
		case 'year':
			return wholeSql(numberSql(text, decimal, p), 1000, 9999);
		case 'month':
			return `coalesce(${wholeSql(numberSql(text, decimal, p), 1, 12)}, ${monthNameSql(text, p)})`;
		case 'day':
			return wholeSql(numberSql(text, decimal, p), 1, 31);
		case 'boolean':
			return booleanSql(text, p);
		case 'region':
		case 'text':
			return text;
	}
}

/** "01.2024", "2024.01": a month of a year written with the decimal point reads as a number too. */
const DOTTED_PERIOD = '(0?[1-9]|1[0-2])\\.(19|20)\\d\\d|(19|20)\\d\\d\\.(0?[1-9]|1[0-2])';

/** Columns counted per statement: DuckDB plans a statement of thousands of aggregates slowly. */
const COLUMNS_PER_QUERY = 40;

type Counts = Record<string, number | null>;

/**
 * Per column of `positions`: non-empty cells, cells labelling a total, cells readable as each
 * type, distinct values, number range. Periods and month names (costly patterns) are counted
 * only with `texts`, for the columns that are neither numbers nor dates (or are numbers that
 * all read as "01.2024").
 */
async function countValues(q: Queryable, table: string, positions: number[], decimal: DecimalSeparator, texts: boolean): Promise<Counts> {
	const p = new Binder();
	const counts = positions.flatMap((i) => {
		const text = textSql(quoteIdent(columnName(i)));
		if (texts)
			return [`count(${valueSql('period', i, decimal, p)}) AS period${i}`, `count(${valueSql('month', i, decimal, p)}) AS month${i}`];
		const number = valueSql('number', i, decimal, p);
		return [
			`count(${text}) AS n${i}`,
			`count(*) FILTER (WHERE ${totalLabelSql(text, p)}) AS total${i}`,
			`count(${valueSql('date', i, decimal, p)}) AS date${i}`,
			`count(${number}) AS number${i}`,
			`count(*) FILTER (WHERE ${text} LIKE '%\\%' ESCAPE '\\') AS percent${i}`,
			`count(*) FILTER (WHERE regexp_full_match(${text}, ${p.bind(DOTTED_PERIOD)})) AS dotted${i}`,
			`count(*) FILTER (WHERE ${number} <> floor(${number})) AS fraction${i}`,
			`min(${number}) AS min${i}`,
			`max(${number}) AS max${i}`,
			`count(${valueSql('boolean', i, decimal, p)}) AS boolean${i}`,
			`approx_count_distinct(${text}) AS distinct${i}`
		];
	});
	const [row] = await q.query<Counts>(`SELECT ${counts.join(', ')} FROM ${quoteIdent(table)}`, p.values);
	return row;
}

async function countAll(q: Queryable, table: string, positions: number[], decimal: DecimalSeparator, texts: boolean): Promise<Counts> {
	const row: Counts = {};
	for (let start = 0; start < positions.length; start += COLUMNS_PER_QUERY) {
		Object.assign(row, await countValues(q, table, positions.slice(start, start + COLUMNS_PER_QUERY), decimal, texts));
	}
	return row;
}

/** The date part a whole-number column holds, when its header names one and its values fit. */
function timePart(header: string, min: number, max: number): ColumnType | null {
	const part = timePartOfHeader(header);
	if (part === 'year' && min >= 1900 && max <= 2100) return 'year';
	if (part === 'month' && min >= 1 && max <= 12) return 'month';
	if (part === 'day' && min >= 1 && max <= 31) return 'day';
	return null;
}

export async function inferColumnTypes(
	q: Queryable,
	table: string,
	headers: readonly string[],
	decimal: DecimalSeparator
): Promise<ColumnType[]> {
	const positions = headers.map((_, i) => i);
	const row = await countAll(q, table, positions, decimal, false);
	// Cells labelling a total row ("Итого" in a period column) do not decide the type.
	const filled = (i: number) => row[`n${i}`]! - row[`total${i}`]!;
	const isFull = (type: string, i: number) => filled(i) > 0 && row[`${type}${i}`] === filled(i);
	const texts = positions.filter((i) => filled(i) > 0 && !isFull('date', i) && (!isFull('number', i) || isFull('dotted', i)));
	Object.assign(row, await countAll(q, table, texts, decimal, true));
	const types: ColumnType[] = [];
	for (const i of positions) {
		const n = filled(i);
		const full = (type: string) => isFull(type, i);
		if (full('date')) types.push('date');
		else if (full('period')) types.push('period');
		else if (full('number') && row[`percent${i}`]! > 0) types.push('percent');
		else if (full('number')) types.push((row[`fraction${i}`] === 0 && timePart(headers[i], row[`min${i}`]!, row[`max${i}`]!)) || 'number');
		else if (full('month')) types.push('month');
		else if (full('boolean')) types.push('boolean');
		else if (n > 0 && row[`distinct${i}`]! <= MAX_REGION_VALUES && (await regionShare(q, table, i)) >= REGION_SHARE) types.push('region');
		else types.push('text');
	}
	return types;
}

/** Share of a column's distinct values (total rows aside) that name a region. */
async function regionShare(q: Queryable, table: string, position: number): Promise<number> {
	const text = textSql(quoteIdent(columnName(position)));
	const values = (
		await q.query<{ v: string }>(
			`SELECT DISTINCT ${text} AS v FROM ${quoteIdent(table)} WHERE ${text} IS NOT NULL LIMIT ${MAX_REGION_VALUES + 1}`
		)
	).filter(({ v }) => !isTotalLabel(v));
	return values.filter(({ v }) => normalizeRegion(v).ok).length / Math.max(values.length, 1);
}
