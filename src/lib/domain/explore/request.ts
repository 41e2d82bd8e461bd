/**
 * What a dashboard request asks, as URL parameters: one parser and one serializer, shared by the
 * page that builds the request and the API that answers it. Everything is checked against the
 * dataset's model: positions of its columns, its time options, aggregates its measures allow.
 */
import { DEFAULT_TOP, GRAINS, type Aggregate, type Grain } from './index';
import type { DashboardModel } from './model';

/** The key of an empty cell in filters and leaderboards (cells are trimmed: a value is never ''). */
export const EMPTY_KEY = '';
const MAX_TOP = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DashboardRequest {
	time: string | null;
	grain: Grain;
	measure: string;
	aggregate: Aggregate;
	from: string | null;
	to: string | null;
	/** Column position → kept keys. */
	filters: Record<number, string[]>;
	top: number;
	/** A dimension listed in full. */
	all: number | null;
	/** Breakdowns asked for beyond the default dimensions. */
	by: number[];
}

export function defaultRequest(model: DashboardModel): DashboardRequest {
	const time = model.times[0] ?? null;
	const measure = model.measures.find((m) => m.column !== null) ?? model.measures[0];
	return {
		time: time?.id ?? null,
		grain: time?.grain ?? 'month',
		measure: measure.id,
		aggregate: measure.aggregate,
		from: null,
		to: null,
		filters: {},
		top: DEFAULT_TOP,
		all: null,
		by: []
	};
}

export function serializeRequest(r: DashboardRequest): URLSearchParams {
	const out = new URLSearchParams({ time: r.time ?? '', grain: r.grain, measure: r.measure, agg: r.aggregate });
	if (r.from) out.set('from', r.from);
	if (r.to) out.set('to', r.to);
	for (const [position, keys] of Object.entries(r.filters)) for (const key of keys) out.append('f', `${position}:${key}`);
	if (r.top !== DEFAULT_TOP) out.set('top', String(r.top));
	if (r.all !== null) out.set('all', String(r.all));
	if (r.by.length) out.set('by', r.by.join(','));
	return out;
}

export type ParseResult = { ok: true; request: DashboardRequest } | { ok: false; parameter: string };

/** The request from URL parameters, or the name of the first parameter that does not fit the model. */
export function parseRequest(params: URLSearchParams, model: DashboardModel): ParseResult {
	const base = defaultRequest(model);
	const fail = (parameter: string): ParseResult => ({ ok: false, parameter });
	const position = (raw: string) => (/^\d+$/.test(raw) && model.groupable.includes(Number(raw)) ? Number(raw) : null);

	const timeId = params.get('time') ?? base.time ?? '';
	const time = timeId === '' ? null : model.times.find((t) => t.id === timeId);
	if (time === undefined) return fail('time');
	const grain = (params.get('grain') ?? time?.grain ?? base.grain) as Grain;
	if (!GRAINS.includes(grain) || (time && !time.grains.includes(grain))) return fail('grain');

	const measure = model.measures.find((m) => m.id === (params.get('measure') ?? base.measure));
	if (!measure) return fail('measure');
	const aggregate = (params.get('agg') ?? measure.aggregate) as Aggregate;
	if (!measure.aggregates.includes(aggregate)) return fail('agg');

	const from = params.get('from');
	const to = params.get('to');
	if ((from !== null && !ISO_DATE.test(from)) || (from !== null && !time)) return fail('from');
	if ((to !== null && !ISO_DATE.test(to)) || (to !== null && !time)) return fail('to');

	const filters: Record<number, string[]> = {};
	for (const raw of params.getAll('f')) {
		const split = raw.indexOf(':');
		const column = position(raw.slice(0, Math.max(split, 0)));
		if (column === null || raw.length > 1000) return fail('f');
		(filters[column] ??= []).push(raw.slice(split + 1));
	}
	const top = params.has('top') ? Number(params.get('top')) : DEFAULT_TOP;
	if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) return fail('top');
	const all = params.get('all');
	const allColumn = all === null || all === '' ? null : position(all);
	if (allColumn === null && all) return fail('all');
	const by: number[] = [];
	for (const raw of (params.get('by') ?? '').split(',').filter(Boolean)) {
		const column = position(raw);
		if (column === null) return fail('by');
		if (!by.includes(column)) by.push(column);
	}
	return {
		ok: true,
		request: { time: time?.id ?? null, grain, measure: measure.id, aggregate, from, to, filters, top, all: allColumn, by }
	};
}
