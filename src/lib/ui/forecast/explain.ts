/** The forecast's method and backtest in plain words, for the explorer and the planning page. */
import { REFORM_BREAK } from '$lib/domain/forecast/breaks';
import type { MethodId, TransformId } from '$lib/domain/forecast/methods';
import type { ForecastResponse } from '$lib/domain/forecast/response';
import type { Locale } from '$lib/domain/l10n';
import * as m from '$lib/paraglide/messages';
import { formatDate, formatMonth, formatNumber, formatShare } from '../format';

const METHOD: Record<MethodId, () => string> = {
	snaive: m.fc_method_snaive,
	ets: m.fc_method_ets,
	regression: m.fc_method_regression
};

export function methodName(method: MethodId, transform: TransformId | null): string {
	const name = METHOD[method]();
	return transform === 'log' ? m.fc_transform_log({ method: name }) : name;
}

/** Sentences explaining a forecast, in order: method, accuracy, coverage, breaks, left-out months. */
export function explainForecast(f: ForecastResponse, locale: Locale): string[] {
	const out: string[] = [];
	const bt = f.backtest;
	if (f.method && bt) {
		out.push(m.fc_method({ method: methodName(f.method, f.transform), origins: bt.origins, points: bt.points }));
		if (bt.mase !== null) {
			const mase = formatNumber(bt.mase, locale, 2);
			const pct = formatNumber(Math.abs(1 - bt.mase) * 100, locale);
			out.push(bt.mase <= 1 ? m.fc_mase_better({ mase, pct }) : m.fc_mase_worse({ mase, pct }));
		}
		if (bt.baselineMase !== null && f.method !== 'snaive') out.push(m.fc_baseline({ mase: formatNumber(bt.baselineMase, locale, 2) }));
		out.push(m.fc_coverage({ hits80: bt.hits80, hits95: bt.hits95, points: bt.points }));
	}
	if (f.reform) {
		const date = formatDate(f.reform.date, locale);
		out.push(
			f.breakMode === 'post_only'
				? m.fc_break_post_only({ date })
				: m.fc_break_intervention({ date, share: formatShare(f.reform.share, locale) })
		);
	} else if (f.reformShare !== null && f.method) {
		const [date, share, min] = [REFORM_BREAK.date, f.reformShare, REFORM_BREAK.materialShare];
		out.push(m.fc_break_none({ date: formatDate(date, locale), share: formatShare(share, locale, 1), min: formatShare(min, locale) }));
	}
	if (f.territory) out.push(m.fc_territory({ date: formatDate(f.territory.date, locale), month: formatMonth(f.territory.since, locale) }));
	if (f.outliers.length) out.push(m.fc_outliers({ months: f.outliers.map((p) => formatMonth(p, locale)).join(', ') }));
	if (f.partial) out.push(m.fc_partial_note({ month: formatMonth(f.partial.period, locale), date: formatDate(f.asOf, locale) }));
	if (f.runIn > 0) out.push(m.fc_run_in({ months: f.runIn }));
	return out;
}
