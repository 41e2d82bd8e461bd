/**
 * The published fraud figures (domain/fraud.ts) as reference marks of a monthly chart: a period
 * total cannot be compared with months, so each mark sits at the period's monthly average and
 * its label gives both the total and that average (where that does not fit, the period and the
 * average only). Demo data generated below the national
 * volume is compared with the figures at its own scale, and the label says so.
 */
import type { Unit } from '$lib/domain/catalog';
import { FRAUD_REFERENCES, monthlyAverage, type FraudReference } from '$lib/domain/fraud';
import { tr, type Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';
import type { ReferenceMark } from '../charts/LineChartSvg.svelte';
import { shareLabel, volumeShare } from '../demo-scale';
import { formatValue } from '../format';

type Figure = 'incidents' | 'damageKzt';
const UNIT: Record<Figure, Unit> = { incidents: 'count', damageKzt: 'kzt' };

function total(figure: NonNullable<FraudReference[Figure]>, unit: Unit, locale: Locale): string {
	const value = formatValue(figure.value, unit, locale);
	return figure.atLeast ? m.fraud_more_than({ value }, { locale }) : value;
}

/** `demoScale`: the scale of demo fraud data (10 = national), null for real data. */
export function referenceMarks(figure: Figure, locale: Locale, demoScale: number | null = null): ReferenceMark[] {
	const unit = UNIT[figure];
	const share = demoScale === null ? 1 : volumeShare(demoScale);
	return FRAUD_REFERENCES.flatMap((r) => {
		const published = r[figure];
		if (!published) return [];
		const monthly = monthlyAverage(r, published.value) * share;
		const totalText = total(published, unit, locale) + (share === 1 ? '' : ` × ${shareLabel(demoScale!, locale)}`);
		const label = m.fraud_reference_label(
			{ period: tr(r.period, locale), total: totalText, monthly: formatValue(monthly, unit, locale) },
			{ locale }
		);
		const short = m.fraud_reference_short({ period: tr(r.period, locale), monthly: formatValue(monthly, unit, locale) }, { locale });
		return [{ id: `${figure}-${r.id}`, from: r.from, to: r.to, y: monthly, label, short }];
	});
}

/** The figures in words with their source, for the list under the charts. */
export function referenceItems(locale: Locale): { id: string; text: string }[] {
	return FRAUD_REFERENCES.map((r) => {
		const figures = [
			r.incidents && m.fraud_reference_incidents({ value: total(r.incidents, 'count', locale), n: r.incidents.value }, { locale }),
			r.damageKzt && m.fraud_reference_damage({ value: total(r.damageKzt, 'kzt', locale) }, { locale })
		].filter(Boolean);
		return {
			id: r.id,
			text: m.fraud_reference_item({ period: tr(r.period, locale), figures: figures.join(', '), source: tr(r.source, locale) }, { locale })
		};
	});
}
