/**
 * Indicators defined as data: the JSON an analyst writes (a file for `npm run indicators`, the
 * definition editor), its shape checked with valibot. Each problem is reported with the path of
 * the field it is in ("measure.ratio.numerator.column"), never as a stack trace.
 */
import * as v from 'valibot';
import type { L10n } from '../l10n';

export const DEFINED_AGGREGATES = ['count', 'sum', 'avg', 'median', 'min', 'max', 'count_distinct'] as const;
export type DefinedAggregate = (typeof DEFINED_AGGREGATES)[number];

export const FILTER_OPS = ['eq', 'ne', 'in', 'not_in', 'gt', 'ge', 'lt', 'le'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const DEFINED_UNITS = ['count', 'percent', 'ratio', 'kzt', 'days', 'per100k'] as const;
export const BETTER = ['higher', 'lower', 'neutral'] as const;

export type FilterValue = string | number | boolean;

export interface DefinedFilter {
	column: string;
	op: FilterOp;
	value: FilterValue | FilterValue[];
}

export interface AggregateMeasure {
	agg: DefinedAggregate;
	/** The column aggregated; rows are counted when absent (count only). */
	column?: string;
	filters?: DefinedFilter[];
}

export interface RatioMeasure {
	ratio: { numerator: AggregateMeasure; denominator: AggregateMeasure };
	/** The ratio is multiplied by it: 100 for a percentage. */
	scale?: number;
}

export type DefinedMeasure = AggregateMeasure | RatioMeasure;

export type DefinedTime = { column: string } | { year: string; month?: string; day?: string };

export interface IndicatorDefinition {
	id: string;
	/** The dataset's number, or its name. */
	dataset: number | string;
	name: L10n;
	definition?: L10n;
	measure: DefinedMeasure;
	time: DefinedTime;
	dimensions?: string[];
	unit?: (typeof DEFINED_UNITS)[number];
	better?: (typeof BETTER)[number];
	target?: number;
	/** Past `warn` the figure is watched, past `bad` it raises an alert (in the direction of `better`). */
	thresholds?: { warn: number; bad: number };
	/** Shown as a tile on the overview. */
	overview?: boolean;
}

export const isRatio = (measure: DefinedMeasure): measure is RatioMeasure => 'ratio' in measure;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const columnName = text(1000);
const l10n = v.strictObject({ ru: text(300), kk: text(300), en: text(300) });
const longL10n = v.strictObject({ ru: text(2000), kk: text(2000), en: text(2000) });
const finite = v.pipe(v.number(), v.finite());
const scalar = v.union([v.pipe(v.string(), v.maxLength(1000)), finite, v.boolean()]);

const filter = v.strictObject({
	column: columnName,
	op: v.picklist(FILTER_OPS),
	value: v.union([scalar, v.pipe(v.array(scalar), v.minLength(1), v.maxLength(1000))])
});

const aggregate = v.strictObject({
	agg: v.picklist(DEFINED_AGGREGATES),
	column: v.optional(columnName),
	filters: v.optional(v.pipe(v.array(filter), v.maxLength(20)))
});

const ratio = v.strictObject({
	ratio: v.strictObject({ numerator: aggregate, denominator: aggregate }),
	scale: v.optional(
		v.pipe(
			finite,
			v.check((n) => n !== 0)
		)
	)
});

// The branch is chosen by its key, so that a problem is reported inside it rather than as "no branch fits".
const measure = v.lazy((input: unknown) => (typeof input === 'object' && input !== null && 'ratio' in input ? ratio : aggregate));

const time = v.lazy((input: unknown) =>
	typeof input === 'object' && input !== null && 'column' in input
		? v.strictObject({ column: columnName })
		: v.strictObject({ year: columnName, month: v.optional(columnName), day: v.optional(columnName) })
);

export const DEFINITION_ID = /^[a-z][a-z0-9_]{2,63}$/;

const definition = v.strictObject({
	id: v.pipe(v.string(), v.regex(DEFINITION_ID)),
	dataset: v.union([v.pipe(v.number(), v.integer(), v.minValue(1)), text(200)]),
	name: l10n,
	definition: v.optional(longL10n),
	measure,
	time,
	dimensions: v.optional(v.pipe(v.array(columnName), v.maxLength(20))),
	unit: v.optional(v.picklist(DEFINED_UNITS)),
	better: v.optional(v.picklist(BETTER)),
	target: v.optional(finite),
	thresholds: v.optional(v.strictObject({ warn: finite, bad: finite })),
	overview: v.optional(v.boolean())
});

/** One problem of a definition: where (a dotted path) and what, as a code with its details. */
export interface DefinitionProblem {
	path: string;
	code: string;
	params: Record<string, string>;
}

export type Parsed = { ok: true; definition: IndicatorDefinition } | { ok: false; problems: DefinitionProblem[] };

/** The definition if its JSON has the shape; otherwise every problem with its path. */
export function parseDefinition(input: unknown): Parsed {
	const result = v.safeParse(definition, input);
	if (result.success) return { ok: true, definition: result.output as IndicatorDefinition };
	return {
		ok: false,
		problems: result.issues.map((issue) => ({
			path: v.getDotPath(issue) ?? '',
			code:
				issue.type === 'strict_object' && issue.expected === 'never'
					? 'unknown_key'
					: issue.received === 'undefined'
						? 'missing'
						: 'invalid',
			params: { expected: issue.expected ?? '', received: issue.received }
		}))
	};
}
