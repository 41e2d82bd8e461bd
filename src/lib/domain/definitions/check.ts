/**
 * A definition checked against the dataset it reads: every column it names exists, measures
 * aggregate numbers, time is a date or period column or year (+ month, + day) columns,
 * dimensions are columns one groups by, filters compare like with like, and the thresholds lie
 * in the direction of `better`. Problems name the field they are in.
 */
import type { EventId } from '../catalog';
import { MEASURE_TYPES, type ColumnType } from '../explore';
import type { CanonicalKind, FieldType } from '../schema';
import { isRatio, type AggregateMeasure, type IndicatorDefinition } from './shape';
import type { DefinitionProblem } from './shape';

/** The column type a canonical table's field is checked and compiled as. */
export const FIELD_COLUMN_TYPE: Record<FieldType, ColumnType> = {
	string: 'text',
	enum: 'text',
	region: 'region',
	date: 'date',
	boolean: 'boolean',
	decimal: 'number',
	integer: 'number'
};

export interface DatasetColumn {
	name: string;
	type: ColumnType;
}

/**
 * The date columns a canonical dataset's rows are counted by, each the date of one of the
 * catalog's events (so that a defined count reads what the catalog's does).
 */
export const CANONICAL_TIMES: Record<CanonicalKind, Record<string, EventId>> = {
	cases: { filed_date: 'filed', decided_date: 'decided' },
	fraud: { registered_date: 'registered' },
	court_stats: { period_end: 'reported' }
};

const GROUPABLE: ReadonlySet<ColumnType> = new Set(['text', 'region', 'boolean', 'year', 'month', 'period']);
const ORDERED: ReadonlySet<ColumnType> = new Set(['number', 'percent', 'date', 'period', 'year', 'month', 'day']);

/** `times`: the date columns the dataset may be counted by, when not any (a canonical dataset's). */
export function checkAgainstColumns(
	definition: IndicatorDefinition,
	columns: readonly DatasetColumn[],
	builtIn: ReadonlySet<string>,
	times?: readonly string[]
): DefinitionProblem[] {
	const problems: DefinitionProblem[] = [];
	const byName = new Map(columns.map((c) => [c.name, c]));
	const problem = (path: string, code: string, params: Record<string, string> = {}) => problems.push({ path, code, params });
	const column = (path: string, name: string, allowed?: ReadonlySet<ColumnType>) => {
		const found = byName.get(name);
		if (!found) problem(path, 'no_column', { column: name });
		else if (allowed && !allowed.has(found.type))
			problem(path, 'column_type', { column: name, type: found.type, allowed: [...allowed].join(', ') });
		return found;
	};

	if (builtIn.has(definition.id)) problem('id', 'built_in', { id: definition.id });

	const aggregate = (path: string, m: AggregateMeasure) => {
		if (m.column === undefined) {
			if (m.agg !== 'count') problem(`${path}.column`, 'missing');
		} else column(`${path}.column`, m.column, m.agg === 'count' || m.agg === 'count_distinct' ? undefined : MEASURE_TYPES);
		m.filters?.forEach((f, i) => {
			const at = `${path}.filters.${i}`;
			const found = column(`${at}.column`, f.column);
			const list = Array.isArray(f.value);
			if ((f.op === 'in' || f.op === 'not_in') !== list) problem(`${at}.value`, list ? 'filter_scalar' : 'filter_list', { op: f.op });
			if (found && ['gt', 'ge', 'lt', 'le'].includes(f.op) && !ORDERED.has(found.type))
				problem(`${at}.op`, 'filter_order', { column: f.column, type: found.type });
		});
	};
	if (isRatio(definition.measure)) {
		aggregate('measure.ratio.numerator', definition.measure.ratio.numerator);
		aggregate('measure.ratio.denominator', definition.measure.ratio.denominator);
	} else aggregate('measure', definition.measure);

	const time = definition.time;
	if ('column' in time) {
		if (column('time.column', time.column, new Set(['date', 'period'])) && times && !times.includes(time.column))
			problem('time.column', 'time_column', { column: time.column, allowed: times.join(', ') });
	} else if (times) problem('time', 'time_column', { column: time.year, allowed: times.join(', ') });
	else {
		column('time.year', time.year, new Set(['year', 'number']));
		if (time.month !== undefined) column('time.month', time.month, new Set(['month', 'number']));
		if (time.day !== undefined) {
			if (time.month === undefined) problem('time.day', 'day_without_month');
			column('time.day', time.day, new Set(['day', 'number']));
		}
	}

	const seen = new Set<string>();
	definition.dimensions?.forEach((name, i) => {
		if (seen.has(name)) problem(`dimensions.${i}`, 'duplicate', { column: name });
		seen.add(name);
		column(`dimensions.${i}`, name, GROUPABLE);
	});

	const t = definition.thresholds;
	// The catalog keeps a target beside the thresholds it is read with (catalog/types.ts Thresholds).
	if (definition.target !== undefined && !t) problem('target', 'target_needs_thresholds');
	if (t) {
		if (!definition.better || definition.better === 'neutral') problem('better', 'thresholds_need_better');
		else if (definition.better === 'higher' ? t.bad > t.warn : t.bad < t.warn)
			problem('thresholds.bad', 'thresholds_order', { better: definition.better });
	}
	return problems;
}
