/**
 * One plain-language line per group of key indicators, written from the figures only: what moved
 * most on a year earlier, which figure misses its target, and where (the unit at the next level
 * of the drill-down furthest from the target, or highest when there is none). Nothing is said
 * that the figures do not show: a part without figures is left out.
 */
import { indicatorById, indicatorStatus, indicatorTarget, type DimensionId, type Indicator } from '$lib/domain/catalog';
import { tr, type Locale } from '$lib/domain/l10n';
import { valueLabel } from '$lib/domain/labels';
import { SUMMARY_MIN_RECORDS, type OverviewGroup } from '$lib/domain/overview';
import type { Filters } from '$lib/domain/query';
import * as m from '$lib/paraglide/messages';
import type { KpiFigure } from '$lib/server/metrics/kpis';
import type { ResultRow } from '$lib/server/metrics/run';
import { formatChange, formatNumber, formatValue } from '../format';
import { targetText } from '../targets';

export interface LeadBreakdown {
	indicator: string;
	dimension: DimensionId;
	rows: readonly ResultRow[];
}

/** A change this small (relative, %) or, for percentages, this many points, counts as no change. */
const STEADY_RELATIVE = 0.5;
const STEADY_POINTS = 0.1;

/** An indicator's name inside a sentence: "clearance rate" (an initialism such as "CEPEJ" keeps its capitals). */
function name(indicator: Indicator, locale: Locale): string {
	const text = tr(indicator.name, locale);
	return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}

interface Part {
	indicator: string;
	text: string;
}

function moved(kpis: readonly KpiFigure[], locale: Locale): (Part & { change: string | null; value: string }) | null {
	// Only changes the figures allow (both sides shown, neither provisional nor on too few records),
	// ranked by their relative size so that counts and rates compete on one scale.
	const candidates = kpis
		.map((k) => ({
			k,
			indicator: indicatorById(k.id)!,
			change: k.comparison.comparable && k.previous ? ((k.value! - k.previous) / Math.abs(k.previous)) * 100 : null
		}))
		.filter((c) => c.change !== null);
	if (!candidates.length) return null;
	const top = candidates.reduce((a, b) => (Math.abs(b.change!) > Math.abs(a.change!) ? b : a));
	const value = formatValue(top.k.value, top.indicator.unit, locale);
	// A rate moves in percentage points, not in percent of itself.
	const points = top.indicator.unit === 'percent' ? top.k.value! - top.k.previous! : null;
	const steady = points !== null ? Math.abs(points) < STEADY_POINTS : Math.abs(top.change!) < STEADY_RELATIVE;
	const id = top.indicator.id;
	if (steady)
		return { indicator: id, value, change: null, text: m.ov_sum_steady({ name: name(top.indicator, locale), value }, { locale }) };
	const change =
		points !== null
			? m.ov_sum_points({ change: (points > 0 ? '+' : '−') + formatNumber(Math.abs(points), locale, 1) }, { locale })
			: formatChange(top.change!, 'percent', locale);
	return { indicator: id, value, change, text: m.ov_sum_moved({ name: name(top.indicator, locale), value, change }, { locale }) };
}

function offTarget(kpis: readonly KpiFigure[], filters: Filters, locale: Locale): (Part & { target: string | null }) | null {
	const judged = kpis.filter((k) => k.hiddenBelow === null && indicatorTarget(indicatorById(k.id)!, filters));
	if (!judged.length) return null;
	const rank = { alert: 0, watch: 1, ok: 2, none: 3 } as const;
	const worst = judged
		.map((k) => ({ k, indicator: indicatorById(k.id)!, status: indicatorStatus(indicatorById(k.id)!, k.value, filters) }))
		.sort((a, b) => rank[a.status] - rank[b.status])[0];
	if (worst.status === 'none') return null;
	if (worst.status === 'ok') return { indicator: '', target: null, text: m.ov_sum_on_target({}, { locale }) };
	const target = targetText(worst.indicator, locale, filters)!;
	const value = formatValue(worst.k.value, worst.indicator.unit, locale);
	return {
		indicator: worst.indicator.id,
		target,
		text: m.ov_sum_off_target({ name: name(worst.indicator, locale), value, target }, { locale })
	};
}

function where(lead: LeadBreakdown | undefined, filters: Filters, locale: Locale): string | null {
	if (!lead) return null;
	const indicator = indicatorById(lead.indicator)!;
	const rows = lead.rows.filter((r) => r.value !== null && !r.suppressed && (r.n ?? 0) >= SUMMARY_MIN_RECORDS);
	if (rows.length < 2) return null;
	const target = indicatorTarget(indicator, filters);
	// Furthest on the wrong side of the target; without a target, the highest.
	const worst = rows.reduce((a, b) => ((target ? !target.atMost : false) ? (b.value! < a.value! ? b : a) : b.value! > a.value! ? b : a));
	const unit = valueLabel(lead.dimension, String(worst[lead.dimension]), locale);
	const value = formatValue(worst.value, indicator.unit, locale);
	// The lead indicator is named: it need not be the figure the clauses before spoke of.
	const leadName = name(indicator, locale);
	if (!target) return m.ov_sum_where_most({ name: leadName, unit, value }, { locale });
	// A unit within the target is not "furthest from" it.
	if (indicatorStatus(indicator, worst.value, filters) === 'ok') return null;
	return m.ov_sum_where_worst({ name: leadName, unit, value }, { locale });
}

/** The group's line for a view; `filters` choose the targets that hold (some differ by case type). */
export function groupSummary(
	group: OverviewGroup,
	kpis: readonly KpiFigure[],
	lead: LeadBreakdown | undefined,
	filters: Filters,
	locale: Locale
): string {
	const own = kpis.filter((k) => (group.kpis as readonly string[]).includes(k.id));
	const change = moved(own, locale);
	const off = offTarget(own, filters, locale);
	// The figure that moved most is the one off its target: one clause says both.
	const both =
		change && off?.target && change.indicator === off.indicator
			? m.ov_sum_moved_off(
					{
						name: name(indicatorById(off.indicator)!, locale),
						value: change.value,
						target: off.target,
						change: change.change ?? m.ov_sum_unchanged({}, { locale })
					},
					{ locale }
				)
			: null;
	const parts = (both ? [both] : [change?.text ?? null, off?.text ?? null])
		.concat(where(lead, filters, locale))
		.filter((p): p is string => p !== null);
	const text = parts.length ? parts.join('; ') : m.ov_sum_no_data({}, { locale });
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
