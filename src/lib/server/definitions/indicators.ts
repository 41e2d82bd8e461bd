/**
 * Indicators defined as data, compiled into the metrics layer: each definition in force becomes a
 * catalog Indicator whose measure reads its dataset — a canonical fact (cases, fraud incidents,
 * forms) or an uploaded dataset's typed copy described as a fact at run time — with the
 * dataset's columns as its dimensions. Columns reach SQL only from the dataset's whitelist
 * (canonical field names, typed column codes); every value a filter compares with is a bound
 * parameter (valueSlot). Built once per data revision (saving a definition bumps it) and
 * registered with the metrics layer (metrics/defined.ts).
 */
import {
	DIMENSIONS,
	INDICATORS,
	type Dimension,
	type DimensionId,
	type EventId,
	type FactId,
	type FactRef,
	type Grain,
	type Indicator,
	type Measure,
	type Unit
} from '../../domain/catalog';
import { CANONICAL_TIMES, FIELD_COLUMN_TYPE } from '../../domain/definitions/check';
import { isRatio, type AggregateMeasure, type DefinedFilter, type DefinedMeasure, type FilterValue } from '../../domain/definitions/shape';
import type { ColumnType } from '../../domain/explore';
import type { ColumnFacts, TimeSpec } from '../../domain/explore/model';
import { LOCALES, type L10n } from '../../domain/l10n';
import { bucketEnd } from '../../domain/period';
import { normalizeRegion } from '../../domain/regions';
import { CANONICAL_TABLES, type CanonicalKind } from '../../domain/schema';
import * as m from '../../paraglide/messages.js';
import { quoteIdent } from '../db/binder';
import type { Database, Queryable } from '../db/database';
import { dataRevision } from '../db/revision';
import { definedIndicators, indicatorOf, registerDefined, type RuntimeFact } from '../metrics/defined';
import { andSql, valueSlot } from '../metrics/sql/context';
import { timeSql } from '../other/dashboard';
import { describeOther, ensureTyped, type OtherDataset } from '../other/dataset';
import { columnFacts } from '../other/facts';
import { typedColumn } from '../other/typed';
import { currentDefinitions, type SavedDefinition, type StoredDefinition } from './store';

type DefinedTime = SavedDefinition['time'];

/** Parameters pages and the API own: a dataset's column is never named like them. */
const RESERVED = new Set(['period', 'from', 'to', 'grain', 'by', 'source', 'format', 'horizon', 'indicator', 'focus', 'page', 'sort']);

/** A column as a definition reads it: its SQL (whitelisted code), its type and its dimension. */
interface Column {
	sql: string;
	type: ColumnType;
	dimension: Dimension;
}

/** A dataset definitions read: its columns by name, and the fact and event a definition's time counts rows by. */
interface Source {
	columns: ReadonlyMap<string, Column>;
	time(time: DefinedTime): Promise<{ fact: FactRef; event: EventId } | null>;
	/** The facts described at run time so far. */
	facts: Map<FactRef, RuntimeFact>;
}

/** A definition names a column its dataset no longer has (a new version with other headers). */
class Stale extends Error {}

const sameText = (text: string): L10n => ({ ru: text, kk: text, en: text });

/** URL-safe ids of a dataset's columns: unique, never a parameter's name. */
export function columnIds(names: readonly string[]): string[] {
	const used = new Set<string>();
	return names.map((name, i) => {
		const slug =
			name
				.normalize('NFKC')
				.toLowerCase()
				.replace(/[^\p{L}\p{N}]+/gu, '_')
				.replace(/^_+|_+$/g, '')
				.slice(0, 40) || 'column';
		const id = used.has(slug) || RESERVED.has(slug) || /^\d/.test(slug) ? `${slug}_${i + 1}` : slug;
		used.add(id);
		return id;
	});
}

async function canonicalSource(q: Queryable, kind: CanonicalKind): Promise<Source> {
	const { fields, table } = CANONICAL_TABLES[kind];
	const fact = kind as FactId;
	const [counts] = await q.query<Record<string, number>>(
		`SELECT ${fields.map((f, i) => `approx_count_distinct(${f.name}) AS d${i}`).join(', ')} FROM ${table}`
	);
	const columns = new Map(
		fields.map((f, i): [string, Column] => {
			// A field the catalog has a dimension of is that dimension (its names, values, map).
			const dimension = DIMENSIONS.find((d) => d.column === f.name && d.facts.includes(fact)) ?? {
				id: f.name as DimensionId,
				label: f.label,
				column: f.name,
				facts: [fact],
				values: { kind: 'text' as const, distinct: Number(counts[`d${i}`]) }
			};
			return [f.name, { sql: f.name, type: FIELD_COLUMN_TYPE[f.type], dimension }];
		})
	);
	return {
		columns,
		facts: new Map(),
		time: async (time) => {
			const event = 'column' in time ? CANONICAL_TIMES[kind][time.column] : undefined;
			return event ? { fact, event } : null;
		}
	};
}

/** The grain a time's values come in (a date: none), so that the data's last period counts whole. */
function timeGrain(spec: TimeSpec, type: ColumnType | undefined, facts: ColumnFacts | undefined): Grain | null {
	if (spec.kind === 'parts') return spec.month === null ? 'year' : spec.day === null ? 'month' : null;
	if (type === 'date') return null;
	return facts?.yearly ? 'year' : facts?.quarterly ? 'quarter' : 'month';
}

/**
 * What identifies a row of a dataset of another kind, for the disclosure control's record keys
 * (metrics/plan.ts): the dataset and the row's cells. A row is the unit such a file counts in
 * and has no identifier of its own; its content stays the same when a later version keeps it.
 */
const rowContent = (other: OtherDataset) =>
	`row(${Number(other.datasetId)}, ${other.columns.map((c) => typedColumn(c.position)).join(', ')})`;

async function otherSource(q: Queryable, other: OtherDataset): Promise<Source> {
	const facts = new Map<FactRef, RuntimeFact>();
	// Every fact of the dataset (one per time its definitions count by) has all its columns.
	const factIds: FactRef[] = [];
	const known = new Map((await columnFacts(q, other)).map((f) => [f.position, f]));
	const ids = columnIds(other.columns.map((c) => c.name));
	const region = other.columns.find((c) => c.type === 'region');
	const byName = new Map(other.columns.map((c) => [c.name, c]));
	const columns = new Map(
		other.columns.map((c, i): [string, Column] => {
			// The first region column is the region dimension: region names and the map.
			const dimension: Dimension = {
				id: (c === region ? 'region' : ids[i]) as DimensionId,
				label: sameText(c.name),
				column: typedColumn(c.position),
				facts: factIds,
				values: c === region ? { kind: 'region' } : { kind: 'text', distinct: known.get(c.position)?.distinct ?? 0 }
			};
			return [c.name, { sql: typedColumn(c.position), type: c.type, dimension }];
		})
	);
	const position = (name: string | undefined) => {
		if (name === undefined) return null;
		const c = byName.get(name);
		if (!c) throw new Stale(name);
		return c.position;
	};
	return {
		columns,
		facts,
		time: async (time) => {
			const spec: TimeSpec =
				'column' in time
					? { kind: 'column', column: position(time.column)! }
					: { kind: 'parts', year: position(time.year)!, month: position(time.month), day: position(time.day) };
			const fact: FactRef = `dataset:${other.datasetId}:${spec.kind === 'column' ? spec.column : [spec.year, spec.month, spec.day].join('-')}`;
			if (!facts.has(fact)) {
				const relation = `(SELECT *, ${timeSql(spec)} AS time_date FROM ${quoteIdent(other.typed)} WHERE NOT is_total)`;
				const [range] = await q.query<{ first: string | null; last: string | null }>(
					`SELECT CAST(min(time_date) AS VARCHAR) AS first, CAST(max(time_date) AS VARCHAR) AS last FROM ${relation} t`
				);
				const type = spec.kind === 'column' ? other.columns.find((c) => c.position === spec.column)?.type : undefined;
				const grain = timeGrain(spec, type, spec.kind === 'column' ? known.get(spec.column) : undefined);
				// A period's figure covers the whole period (a month, a quarter, a year).
				const last = range.last && grain ? bucketEnd(range.last, grain) : range.last;
				facts.set(fact, { fact: { relation, events: { time: 'time_date' }, recordKey: rowContent(other) }, first: range.first, last });
				factIds.push(fact);
			}
			return { fact, event: 'time' };
		}
	};
}

/** A value a filter compares a column with, bound, as the column's type (a region by its code). */
function valueSql(value: FilterValue, type: ColumnType): string {
	switch (type) {
		case 'region': {
			const match = normalizeRegion(String(value));
			return valueSlot(match.ok ? match.code : String(value));
		}
		case 'text':
			return valueSlot(String(value));
		case 'date':
		case 'period':
			return `TRY_CAST(${valueSlot(value)} AS DATE)`;
		case 'boolean':
			return `TRY_CAST(${valueSlot(value)} AS BOOLEAN)`;
		default:
			return `TRY_CAST(${valueSlot(value)} AS DOUBLE)`;
	}
}

const COMPARE = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

/** A filter as a condition; "not equal" and "not in" keep the rows without a value. */
function conditionSql(filter: DefinedFilter, column: Column): string {
	const values = (Array.isArray(filter.value) ? filter.value : [filter.value]).map((v) => valueSql(v, column.type));
	switch (filter.op) {
		case 'ne':
			return `${column.sql} IS DISTINCT FROM ${values[0]}`;
		case 'in':
			return `${column.sql} IN (${values.join(', ')})`;
		case 'not_in':
			return `NOT coalesce(${column.sql} IN (${values.join(', ')}), false)`;
		default:
			return `${column.sql} ${COMPARE[filter.op]} ${values[0]}`;
	}
}

function aggregateMeasure(a: AggregateMeasure, at: { fact: FactRef; event: EventId }, column: (name: string) => Column): Measure {
	const where = andSql((a.filters ?? []).map((f) => conditionSql(f, column(f.column))));
	const base = { fact: at.fact, event: at.event, ...(where ? { where } : {}) };
	const expr = a.column === undefined ? undefined : column(a.column).sql;
	const filled = { ...base, where: andSql([where, `${expr} IS NOT NULL`]) };
	switch (a.agg) {
		case 'count':
			return { kind: 'count', ...(expr ? filled : base) };
		case 'sum':
			return { kind: 'sum', ...base, expr: expr! };
		case 'avg':
			// The mean is the sum over the values counted: a rate of its own parts.
			return { kind: 'ratio', num: { kind: 'sum', ...base, expr: expr! }, den: { kind: 'count', ...filled }, scale: 1 };
		case 'median':
			return { kind: 'quantile', ...base, expr: expr!, q: 0.5 };
		default:
			return { kind: a.agg, ...base, expr: expr! };
	}
}

/** The formula in words every language reads alike: aggregates of the dataset's columns. */
function formulaText(measure: DefinedMeasure): string {
	const filterText = (f: DefinedFilter) =>
		`${f.column} ${{ eq: '=', ne: '≠', in: '∈', not_in: '∉', gt: '>', ge: '≥', lt: '<', le: '≤' }[f.op]} ${Array.isArray(f.value) ? `{${f.value.join(', ')}}` : f.value}`;
	const one = (a: AggregateMeasure) =>
		`${a.agg}(${a.column ?? '*'})${a.filters?.length ? ` [${a.filters.map(filterText).join('; ')}]` : ''}`;
	if (!isRatio(measure)) return one(measure);
	return `${one(measure.ratio.numerator)} ÷ ${one(measure.ratio.denominator)}${measure.scale && measure.scale !== 1 ? ` × ${measure.scale}` : ''}`;
}

function defaultUnit(measure: DefinedMeasure): Unit {
	if (isRatio(measure)) return measure.scale === 100 ? 'percent' : 'ratio';
	return measure.agg === 'count' || measure.agg === 'count_distinct' || measure.agg === 'sum' ? 'count' : 'ratio';
}

async function compileDefinition(stored: StoredDefinition, source: Source): Promise<Indicator> {
	const d = stored.definition;
	const column = (name: string) => {
		const c = source.columns.get(name);
		if (!c) throw new Stale(name);
		return c;
	};
	const at = await source.time(d.time);
	if (!at) throw new Stale(JSON.stringify(d.time));
	const measure: Measure = isRatio(d.measure)
		? {
				kind: 'ratio',
				num: aggregateMeasure(d.measure.ratio.numerator, at, column),
				den: aggregateMeasure(d.measure.ratio.denominator, at, column),
				scale: d.measure.scale ?? 1
			}
		: aggregateMeasure(d.measure, at, column);
	const note = Object.fromEntries(
		LOCALES.map((locale) => [
			locale,
			m.def_source_note({ version: stored.version, author: stored.author, date: stored.createdAt.slice(0, 10) }, { locale })
		])
	) as unknown as L10n;
	return {
		id: d.id,
		group: 'defined',
		name: d.name,
		definition: d.definition ?? d.name,
		formula: sameText(formulaText(d.measure)),
		unit: d.unit ?? defaultUnit(d.measure),
		better: d.better === 'higher' ? 'up' : d.better === 'lower' ? 'down' : 'neutral',
		...(d.thresholds ? { thresholds: { ...d.thresholds, ...(d.target === undefined ? {} : { target: d.target }) } } : {}),
		source: 'definition',
		sourceNote: note,
		measure,
		defined: {
			dataset: d.datasetId,
			version: stored.version,
			dimensions: (d.dimensions ?? []).map((name) => column(name).dimension),
			overview: d.overview ?? false
		}
	};
}

async function openSource(db: Database, datasetId: number, kind: string): Promise<Source | null> {
	if (kind !== 'other') return kind in CANONICAL_TABLES ? canonicalSource(db, kind as CanonicalKind) : null;
	const other = await describeOther(db, datasetId);
	if (!other) return null;
	try {
		await ensureTyped(db, other);
	} catch (error) {
		// A read replica cannot build a typed copy the writer has not: its indicators wait for it.
		console.warn(`Dataset ${datasetId}: no typed copy to compute its defined indicators (${(error as Error).message}).`);
		return null;
	}
	return otherSource(db, other);
}

async function build(db: Database): Promise<{ indicators: Indicator[]; facts: Map<FactRef, RuntimeFact> }> {
	const definitions = await currentDefinitions(db);
	const kinds = new Map(
		(await db.query<{ dataset_id: number; kind: string }>(`SELECT dataset_id, kind FROM datasets WHERE current_version > 0`)).map((r) => [
			r.dataset_id,
			r.kind
		])
	);
	const sources = new Map<number, Source | null>();
	const indicators: Indicator[] = [];
	for (const stored of definitions) {
		const id = stored.definition.datasetId;
		if (!sources.has(id)) sources.set(id, kinds.has(id) ? await openSource(db, id, kinds.get(id)!) : null);
		const source = sources.get(id);
		try {
			if (!source) throw new Stale(`dataset ${id}`);
			indicators.push(await compileDefinition(stored, source));
		} catch (error) {
			if (!(error instanceof Stale)) throw error;
			// Left out until updated: its dataset's current version lacks what it reads.
			console.warn(`Indicator ${stored.id} (version ${stored.version}) is not computed: its dataset has no ${error.message}.`);
		}
	}
	const facts = new Map([...sources.values()].flatMap((s) => (s ? [...s.facts] : [])));
	return { indicators, facts };
}

let current: { revision: number; built: Promise<void> } | null = null;

/** Compiles and registers the definitions in force unless done for this data revision. */
export function loadDefined(db: Database): Promise<void> {
	const revision = dataRevision();
	if (current?.revision !== revision) {
		const built = build(db).then(registerDefined);
		current = { revision, built };
		built.catch(() => {
			if (current?.built === built) current = null;
		});
	}
	return current.built;
}

/** The catalog's indicators and the defined ones in force. */
export async function indicatorsInForce(db: Database): Promise<Indicator[]> {
	await loadDefined(db);
	return [...INDICATORS, ...definedIndicators()];
}

/** An indicator of the catalog, or one defined as data in force. */
export async function findIndicator(db: Database, id: string): Promise<Indicator | undefined> {
	await loadDefined(db);
	return indicatorOf(id);
}
