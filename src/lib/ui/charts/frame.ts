/**
 * The period a page's charts show, for the caption of their exports: set once by the page
 * (its view resolves the period), read by every chart on it. A chart outside such a page says
 * no period.
 */
import { getContext, setContext } from 'svelte';
import type { Locale } from '$lib/domain/l10n';
import { formatDate } from '../format';

export interface ShownPeriod {
	from: string;
	to: string;
}

const KEY = Symbol('chart-period');

/** "1 October 2025 – 30 September 2026", as print headers and exported charts state it. */
export const periodText = (period: ShownPeriod, locale: Locale) => `${formatDate(period.from, locale)} – ${formatDate(period.to, locale)}`;

export function setChartPeriod(period: () => ShownPeriod | null): void {
	setContext(KEY, period);
}

export function chartPeriod(): () => ShownPeriod | null {
	return getContext<(() => ShownPeriod | null) | undefined>(KEY) ?? (() => null);
}
