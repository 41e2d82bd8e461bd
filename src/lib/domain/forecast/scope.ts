/** Which indicators can be forecast: counts, which add up over months (not rates, shares or durations). */
import type { Indicator } from '../catalog';

export function forecastable(indicator: Indicator): boolean {
	return indicator.unit === 'count';
}
