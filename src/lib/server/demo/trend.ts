/**
 * Quantities that change over the years without steps: values at dated anchors, linearly
 * interpolated in between and held beyond the ends. A yearly table becomes anchors in mid-year
 * fitted so that each year's average stays its figure, so January brings no jump; a real break
 * (the lockdown, a service launched) is two anchors a day apart.
 */
import { dayOf } from './calendar';

export class Trend {
	private readonly days: number[];
	private readonly values: number[];

	constructor(points: readonly (readonly [iso: string, value: number])[]) {
		if (points.length === 0) throw new Error('A trend needs an anchor');
		this.days = points.map(([iso]) => dayOf(iso));
		this.values = points.map(([, v]) => v);
		for (let i = 1; i < this.days.length; i++) {
			if (this.days[i] <= this.days[i - 1]) throw new Error(`Trend anchors out of order at ${points[i][0]}`);
		}
	}

	/** Yearly figures (annual averages) as a smooth path with the same annual averages. */
	static yearly(table: Readonly<Record<number, number>>): Trend {
		const years = Object.keys(table)
			.map(Number)
			.sort((a, b) => a - b);
		const anchors = years.map((y) => table[y]);
		const build = () => new Trend(years.map((y, i) => [`${y}-07-02`, anchors[i]] as const));
		// Each year's average leans on its neighbours' anchors: a few corrections settle it.
		for (let round = 0; round < 30; round++) {
			const trend = build();
			years.forEach((y, i) => (anchors[i] += table[y] - trend.yearAverage(y)));
		}
		return build();
	}

	at(day: number): number {
		const { days, values } = this;
		if (day <= days[0]) return values[0];
		const last = days.length - 1;
		if (day >= days[last]) return values[last];
		let lo = 0;
		let hi = last;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (days[mid] <= day) lo = mid;
			else hi = mid;
		}
		return values[lo] + ((values[hi] - values[lo]) * (day - days[lo])) / (days[hi] - days[lo]);
	}

	/** Average over the days of a calendar year. */
	yearAverage(year: number): number {
		const from = dayOf(`${year}-01-01`);
		const to = dayOf(`${year + 1}-01-01`);
		let sum = 0;
		for (let d = from; d < to; d++) sum += this.at(d);
		return sum / (to - from);
	}
}
