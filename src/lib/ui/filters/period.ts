/** The periods a filter bar offers, as choices of one select, and how each reads. */
import type { Locale } from '$lib/domain/l10n';
import type { PeriodSpec } from '$lib/domain/period';
import * as m from '$lib/paraglide/messages';
import { formatDate } from '../format';

/** `last12`, `y2025`, `q2025-3` or `range`: the value of the period select. */
export type PeriodChoice = string;

export function choiceOf(period: PeriodSpec | undefined): PeriodChoice {
	if (!period || period.kind === 'last12') return 'last12';
	if (period.kind === 'year') return `y${period.year}`;
	if (period.kind === 'quarter') return `q${period.year}-${period.quarter}`;
	return 'range';
}

/** The period of a choice; `range` has no period of its own (its dates are entered). */
export function periodOf(choice: PeriodChoice): PeriodSpec | undefined {
	if (choice === 'last12') return { kind: 'last12' };
	const year = /^y(\d{4})$/.exec(choice);
	if (year) return { kind: 'year', year: Number(year[1]) };
	const quarter = /^q(\d{4})-([1-4])$/.exec(choice);
	if (quarter) return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) as 1 | 2 | 3 | 4 };
	return undefined;
}

/** Years and quarters from `firstYear` to the as-of date, latest first. */
export function periodChoices(asOf: string, firstYear: number) {
	const lastYear = Number(asOf.slice(0, 4));
	const lastQuarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
	const years: number[] = [];
	for (let y = lastYear; y >= firstYear; y--) years.push(y);
	const quarters = years.flatMap((y) => [4, 3, 2, 1].filter((q) => y < lastYear || q <= lastQuarter).map((q) => ({ year: y, quarter: q })));
	return { years, quarters };
}

/**
 * A chosen year or quarter the select does not list (one before `firstYear`, whose data are
 * incomplete, reached by a link or a typed address): offered too, so that the select never reads
 * blank, with its note. Null when the choice is listed (or is no year or quarter).
 */
export function unlistedChoice(choice: PeriodChoice, choices: ReturnType<typeof periodChoices>, firstYear: number, locale: Locale) {
	const period = periodOf(choice);
	if (period?.kind !== 'year' && period?.kind !== 'quarter') return null;
	const listed =
		period.kind === 'year'
			? choices.years.includes(period.year)
			: choices.quarters.some((q) => q.year === period.year && q.quarter === period.quarter);
	if (listed) return null;
	const text = periodText(period, locale);
	return { value: choice, text: period.year < firstYear ? m.period_incomplete_choice({ period: text }, { locale }) : text };
}

export function periodText(period: PeriodSpec | undefined, locale: Locale): string {
	if (!period || period.kind === 'last12') return m.ov_period_last12({}, { locale });
	if (period.kind === 'year') return String(period.year);
	if (period.kind === 'quarter') return m.ov_period_quarter({ year: period.year, quarter: period.quarter }, { locale });
	return `${formatDate(period.from, locale)} – ${formatDate(period.to, locale)}`;
}
