/**
 * Key indicators of a view: each one's value for the period, for the same period a year earlier
 * and for every month of the period. Run one by one that is three queries per indicator; here
 * the indicators that share filters are compiled into one batch (compileBatch) — one statement
 * with one scan per fact and event — and only what a batch cannot hold runs through runIndicator.
 * The figures are those runIndicator gives for the same queries.
 */
import { measureFacts, type Dimension, type DimensionId, type Indicator } from '../../domain/catalog';
import { compareWithYearEarlier, type Comparison } from '../../domain/comparison';
import { buckets, previousYear, resolvePeriod, type Period } from '../../domain/period';
import type { ViewQuery } from '../../domain/query';
import type { Access } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { dataAsOf } from './as-of';
import { completeFrom } from './complete';
import { rollupColumns } from './rollups';
import { batchable, compileBatch } from './compile';
import { deadlines } from './deadlines';
import { protect, publicFilterErrors } from '../disclosure/protect';
import { dataCoverage } from './coverage';
import { indicatorOf } from './defined';
import { chooseSource, fit, markFigure, personalDataErrors, runIndicator, type MissingReason, type ResultRow } from './run';

export interface MonthFigure {
	period: string;
	partial: boolean;
	value: number | null;
	/** The month's figure is provisional (indicator.maturesIn). */
	provisional?: boolean;
	/** Why the month's figure is "no data". */
	missing?: MissingReason;
}

export interface KpiFigure {
	id: string;
	value: number | null;
	/** Set when the value is "no data", with the reason. */
	missing: MissingReason | null;
	provisional?: boolean;
	/** Set when the value is hidden from this viewer: it rests on fewer records than this (or, with `hidden`, is one record's value). */
	hiddenBelow: number | null;
	/** Set when the hidden value is one record's value (a minimum, a maximum), however many records there are. */
	hidden?: 'one_record';
	previous: number | null;
	/** The change on the year-earlier period, or why there is none to show. */
	comparison: Comparison;
	/** That year-earlier period, to name it beside the change. */
	previousPeriod: Period;
	/** Filters of the query that this indicator cannot take: its figure is for all their values. */
	ignored: DimensionId[];
	/** First day of complete data, set when the period starts before it: the figure counts only part of the period's cases. */
	incomplete?: string;
	spark: (number | null)[];
	months: MonthFigure[];
}

interface Figures {
	current: ResultRow;
	previous: ResultRow | undefined;
	months: ResultRow[];
}

const EMPTY: ResultRow = { value: null, numerator: null, denominator: null, n: null };

interface Context {
	period: Period;
	monthBuckets: ReturnType<typeof buckets>;
	access: Access;
}

function figure(
	indicator: Indicator,
	f: Figures,
	context: Context,
	extra: Pick<KpiFigure, 'ignored'> & { dataFrom: string | null }
): KpiFigure {
	const months = context.monthBuckets.map((b, i) => ({
		period: b.period,
		partial: b.partial,
		value: f.months[i]?.value ?? null,
		...(f.months[i]?.provisional ? { provisional: true } : {}),
		...(f.months[i]?.missing ? { missing: f.months[i].missing } : {})
	}));
	const side = (row: ResultRow) => ({
		value: row.value,
		n: row.n,
		suppressed: Boolean(row.suppressed),
		provisional: Boolean(row.provisional)
	});
	return {
		id: indicator.id,
		value: f.current.value,
		missing: f.current.missing ?? null,
		...(f.current.provisional ? { provisional: true } : {}),
		hiddenBelow: f.current.suppressed ? context.access.minCount : null,
		...(f.current.hidden ? { hidden: f.current.hidden } : {}),
		...(extra.dataFrom !== null && context.period.from < extra.dataFrom ? { incomplete: extra.dataFrom } : {}),
		previous: f.previous?.value ?? null,
		comparison: compareWithYearEarlier({
			unit: indicator.unit,
			current: side(f.current),
			previous: f.previous && side(f.previous),
			previousPeriod: previousYear(context.period),
			dataFrom: extra.dataFrom
		}),
		previousPeriod: previousYear(context.period),
		ignored: extra.ignored,
		spark: months.map((m) => m.value),
		months
	};
}

/** One indicator the slow way: three runIndicator queries. */
async function oneByOne(db: Queryable, indicator: Indicator, query: ViewQuery, period: Period, access: Access): Promise<Figures> {
	const run = async (q: ViewQuery) => {
		const result = await runIndicator(db, indicator, q, access);
		if (!result.ok) throw new Error(`key indicator ${indicator.id}: ${JSON.stringify(result.errors)}`);
		return result.value.rows;
	};
	const range = (p: Period): ViewQuery['period'] => ({ kind: 'range', ...p });
	const [current, previous, months] = await Promise.all([
		run({ ...query, period: range(period) }),
		run({ ...query, period: range(previousYear(period)) }),
		run({ ...query, period: range(period), grain: 'month' })
	]);
	return { current: current[0] ?? EMPTY, previous: previous[0], months };
}

/** Indicators that read case records in both periods (or have no other source) can be batched. */
async function readsCases(db: Queryable, indicator: Indicator, query: ViewQuery, period: Period): Promise<boolean> {
	if (!indicator.formMeasure || query.source === 'cases') return true;
	if (query.source === 'court_stats') return false;
	const [now, before] = await Promise.all([
		chooseSource(db, indicator, query, period),
		chooseSource(db, indicator, query, previousYear(period))
	]);
	return now === 'cases' && before === 'cases';
}

export async function kpiFigures(db: Queryable, ids: readonly string[], query: ViewQuery, access: Access): Promise<KpiFigure[]> {
	if (personalDataErrors(query, access).length) throw new Error('key indicators filtered by judge need a role that may see judges');
	if (publicFilterErrors(query, access).length) throw new Error('the public filters key indicators by one value of a dimension at a time');
	const asOf = await dataAsOf(db);
	const period = resolvePeriod(query.period ?? { kind: 'last12' }, asOf);
	const monthBuckets = buckets(period, 'month', asOf);
	const indicators = ids.map((id) => indicatorOf(id)!);
	const [cases, columns, coverage] = await Promise.all([
		Promise.all(indicators.map((ind) => readsCases(db, ind, query, period))),
		rollupColumns(db),
		dataCoverage(db)
	]);
	const slotPeriods = [period, previousYear(period), ...monthBuckets];

	// Batches by the filters that apply (fraud ignores court filters, for instance), and by the
	// dataset of indicators defined as data (whose filters name its columns).
	const batches = new Map<string, { filters: ViewQuery['filters']; members: Indicator[]; dimensions?: Dimension[] }>();
	const slow: Indicator[] = [];
	indicators.forEach((indicator, i) => {
		if (!cases[i] || !batchable(indicator.measure)) return void slow.push(indicator);
		const { filters } = fit(indicator, query, 'cases');
		const key = JSON.stringify([filters, indicator.defined?.dataset ?? null]);
		if (!batches.has(key)) batches.set(key, { filters, members: [], ...(indicator.defined ? { dimensions: [] } : {}) });
		const batch = batches.get(key)!;
		batch.members.push(indicator);
		batch.dimensions?.push(...(indicator.defined?.dimensions ?? []));
	});

	const results = new Map<string, Figures>();
	await Promise.all([
		...[...batches.values()].map(async ({ filters, members, dimensions }) => {
			const compiled = compileBatch({
				measures: members.map((m) => m.measure),
				current: period,
				previous: previousYear(period),
				filters,
				deadlines: deadlines(),
				rollup: { columns, asOf },
				dimensions
			});
			const rows = await db.query<Record<string, number | null>>(compiled.sql, compiled.params);
			await Promise.all(
				members.map(async (member, i) => {
					const slot = rows.map((r): ResultRow => ({
						value: r[`v${i}`],
						numerator: r[`num${i}`],
						denominator: r[`den${i}`],
						n: r[`n${i}`],
						numerator_key: r[`numk${i}`],
						denominator_key: r[`denk${i}`],
						n_key: r[`nk${i}`]
					}));
					slot.forEach((row, s) => markFigure(row, member, member.measure, slotPeriods[s], coverage));
					await protect(db, slot, access, member.measure, false);
					results.set(member.id, { current: slot[0], previous: slot[1], months: slot.slice(2) });
				})
			);
		}),
		...slow.map(async (indicator) => results.set(indicator.id, await oneByOne(db, indicator, query, period, access)))
	]);
	const context = { period, monthBuckets, access };
	const from = await Promise.all(indicators.map((indicator) => completeFrom(db, measureFacts(indicator.measure))));
	return indicators.map((indicator, i) =>
		figure(indicator, results.get(indicator.id)!, context, {
			ignored: fit(indicator, query, cases[i] ? 'cases' : 'court_stats').ignored,
			dataFrom: from[i]
		})
	);
}
