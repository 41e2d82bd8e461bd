/**
 * The definition editor's form and the definition JSON it stands for, both ways: the form holds
 * text as typed; the JSON is what `npm run indicators` takes (domain/definitions/shape.ts).
 */
import type { DatasetColumn } from '$lib/domain/definitions/check';
import type { AggregateMeasure, DefinedFilter, FilterValue, IndicatorDefinition } from '$lib/domain/definitions/shape';
import { isRatio } from '$lib/domain/definitions/shape';
import type { L10n } from '$lib/domain/l10n';

export interface FilterForm {
	column: string;
	op: string;
	value: string;
}

export interface SideForm {
	agg: string;
	/** '' counts rows. */
	column: string;
	filters: FilterForm[];
}

export interface DefinitionForm {
	dataset: number | null;
	id: string;
	name: L10n;
	definition: L10n;
	ratio: boolean;
	main: SideForm;
	numerator: SideForm;
	denominator: SideForm;
	scale: string;
	timeMode: 'column' | 'parts';
	timeColumn: string;
	year: string;
	month: string;
	day: string;
	dimensions: string[];
	unit: string;
	better: string;
	target: string;
	warn: string;
	bad: string;
	/** A tile on the overview. */
	overview: boolean;
}

const side = (): SideForm => ({ agg: 'count', column: '', filters: [] });
const empty = (): L10n => ({ ru: '', kk: '', en: '' });

export function emptyForm(dataset: number | null): DefinitionForm {
	return {
		dataset,
		id: '',
		name: empty(),
		definition: empty(),
		ratio: false,
		main: side(),
		numerator: side(),
		denominator: side(),
		scale: '100',
		timeMode: 'column',
		timeColumn: '',
		year: '',
		month: '',
		day: '',
		dimensions: [],
		unit: 'count',
		better: 'neutral',
		target: '',
		warn: '',
		bad: '',
		overview: false
	};
}

const NUMERIC = new Set(['number', 'percent', 'year', 'month', 'day']);

/** A typed filter value: a number for numeric columns when it reads as one, yes/no for yes/no columns. */
function valueOf(text: string, column: DatasetColumn | undefined): FilterValue {
	const t = text.trim();
	if (column?.type === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
	if (column && NUMERIC.has(column.type) && t !== '' && Number.isFinite(Number(t))) return Number(t);
	return t;
}

function sideJson(s: SideForm, columns: readonly DatasetColumn[]): AggregateMeasure {
	const filters: DefinedFilter[] = s.filters.map((f) => {
		const column = columns.find((c) => c.name === f.column);
		const list = f.op === 'in' || f.op === 'not_in';
		return {
			column: f.column,
			op: f.op as DefinedFilter['op'],
			value: list ? f.value.split(';').map((v) => valueOf(v, column)) : valueOf(f.value, column)
		};
	});
	return {
		agg: s.agg as AggregateMeasure['agg'],
		...(s.column ? { column: s.column } : {}),
		...(filters.length ? { filters } : {})
	};
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));
const filled = (l: L10n) => (l.ru || l.kk || l.en ? l : undefined);

/** The JSON of the form; empty optional parts left out, numbers as typed (the server checks them). */
export function formToDefinition(form: DefinitionForm, columns: readonly DatasetColumn[]): Record<string, unknown> {
	const measure = form.ratio
		? {
				ratio: { numerator: sideJson(form.numerator, columns), denominator: sideJson(form.denominator, columns) },
				scale: number(form.scale)
			}
		: sideJson(form.main, columns);
	const time =
		form.timeMode === 'column'
			? { column: form.timeColumn }
			: { year: form.year, ...(form.month ? { month: form.month } : {}), ...(form.day ? { day: form.day } : {}) };
	const warn = number(form.warn);
	const bad = number(form.bad);
	const out: Record<string, unknown> = {
		id: form.id.trim(),
		dataset: form.dataset,
		name: form.name,
		definition: filled(form.definition),
		measure,
		time,
		dimensions: form.dimensions.length ? form.dimensions : undefined,
		unit: form.unit,
		better: form.better,
		target: number(form.target),
		thresholds: warn !== undefined || bad !== undefined ? { warn, bad } : undefined,
		overview: form.overview || undefined
	};
	return JSON.parse(JSON.stringify(out));
}

function sideForm(m: AggregateMeasure): SideForm {
	return {
		agg: m.agg,
		column: m.column ?? '',
		filters: (m.filters ?? []).map((f) => ({
			column: f.column,
			op: f.op,
			value: Array.isArray(f.value) ? f.value.join(';') : String(f.value)
		}))
	};
}

/** The form of a saved definition, for editing it. */
export function definitionToForm(d: IndicatorDefinition & { datasetId: number }): DefinitionForm {
	const form = emptyForm(d.datasetId);
	const text = (n: number | undefined) => (n === undefined ? '' : String(n));
	return {
		...form,
		id: d.id,
		name: { ...d.name },
		definition: d.definition ? { ...d.definition } : form.definition,
		ratio: isRatio(d.measure),
		main: isRatio(d.measure) ? form.main : sideForm(d.measure),
		numerator: isRatio(d.measure) ? sideForm(d.measure.ratio.numerator) : form.numerator,
		denominator: isRatio(d.measure) ? sideForm(d.measure.ratio.denominator) : form.denominator,
		scale: isRatio(d.measure) ? text(d.measure.scale ?? 1) : form.scale,
		timeMode: 'column' in d.time ? 'column' : 'parts',
		timeColumn: 'column' in d.time ? d.time.column : '',
		year: 'year' in d.time ? d.time.year : '',
		month: 'year' in d.time ? (d.time.month ?? '') : '',
		day: 'year' in d.time ? (d.time.day ?? '') : '',
		dimensions: [...(d.dimensions ?? [])],
		unit: d.unit ?? 'count',
		better: d.better ?? 'neutral',
		target: text(d.target),
		warn: text(d.thresholds?.warn),
		bad: text(d.thresholds?.bad),
		overview: d.overview ?? false
	};
}
