/**
 * Fair comparison of courts or judges: each unit's rate is standardised indirectly by category
 * (expected from its own case mix) and placed on a funnel plot with 95% and 99.8% limits.
 * The counts per unit × category come from catalog indicators (numerator and denominator), so
 * no rate is defined twice.
 */
import { indicatorById } from '../../domain/catalog';
import type { PracticeRate, PracticeUnit } from '../../domain/practice/params';
import type { FunnelUnitPoint, FunnelView } from '../../domain/practice/view-model';
import type { Filters, Parsed } from '../../domain/query';
import type { Access } from '../../domain/roles';
import { funnelCurve, funnelPoint } from '../../domain/stats/funnel';
import { categoryRates, standardise, type CategoryCounts } from '../../domain/stats/standardise';
import type { Period } from '../../domain/period';
import type { Queryable } from '../db/database';
import { runIndicator } from '../metrics/run';

/** The catalog indicator each rate is read from. */
export const FUNNEL_RATES: Record<PracticeRate, { indicator: string; complement: boolean }> = {
	reversal: { indicator: 'reversal_rate', complement: false },
	grant: { indicator: 'grant_rate', complement: false },
	// Beyond the time standard is what is left of the share decided within it.
	beyond_standard: { indicator: 'within_standard_share', complement: true }
};

export async function funnelView(
	db: Queryable,
	access: Access,
	input: { rate: PracticeRate; unit: PracticeUnit; period: Period; filters: Filters }
): Promise<Parsed<FunnelView>> {
	const spec = FUNNEL_RATES[input.rate];
	const result = await runIndicator(
		db,
		indicatorById(spec.indicator)!,
		{ period: { kind: 'range', ...input.period }, by: [input.unit, 'category'], filters: input.filters, source: 'cases' },
		access
	);
	if (!result.ok) return result;
	const counts = new Map<string, CategoryCounts[]>();
	for (const row of result.value.rows) {
		const n = row.denominator ?? 0;
		if (!n || row.numerator === null || row[input.unit] === '') continue;
		const hits = spec.complement ? n - row.numerator : row.numerator;
		const list = counts.get(String(row[input.unit])) ?? [];
		list.push({ category: String(row.category), n, hits });
		counts.set(String(row[input.unit]), list);
	}
	const all = [...counts.values()].flat();
	const rates = categoryRates(all);
	const total = all.reduce((s, r) => s + r.n, 0);
	const p = total ? all.reduce((s, r) => s + r.hits, 0) / total : null;
	const points: FunnelUnitPoint[] = [];
	if (p !== null) {
		for (const [unit, rows] of counts) {
			const s = standardise(rows, rates);
			const point = funnelPoint(s, p);
			if (point)
				points.push({ unit, n: s.n, observed: s.observed, expected: s.expected, rate: point.rate * 100, z: point.z, flag: point.flag });
		}
	}
	points.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.unit.localeCompare(b.unit));
	const sizes = points.map((x) => x.n);
	const curve =
		p !== null && p > 0 && p < 1 && sizes.length
			? funnelCurve(p, Math.min(...sizes), Math.max(...sizes)).map((c) => ({
					n: c.n,
					lo95: c.lo95 * 100,
					hi95: c.hi95 * 100,
					lo998: c.lo998 * 100,
					hi998: c.hi998 * 100
				}))
			: [];
	return { ok: true, value: { rate: input.rate, unit: input.unit, national: p === null ? null : p * 100, points, curve } };
}
