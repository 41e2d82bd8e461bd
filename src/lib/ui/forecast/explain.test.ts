/** How a forecast explains the 2025-07-01 cassation reform: post-reform data only, an intervention term, or no break. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastResponse } from '$lib/domain/forecast/response';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { explainForecast } from './explain';

beforeAll(() => overwriteGetLocale(() => 'en'));
afterAll(() => overwriteGetLocale(() => 'ru'));

const forecast = (over: Partial<ForecastResponse>): ForecastResponse => ({
	indicator: 'incoming',
	name: 'Incoming',
	source: 'cases',
	asOf: '2026-03-31',
	method: 'ets',
	transform: null,
	horizon: 12,
	backtest: { origins: 12, points: 78, mase: 0.8, msis: 4, hits80: 60, hits95: 75, coverage80: 0.77, coverage95: 0.96, baselineMase: 1 },
	breakMode: 'none',
	reform: null,
	reformShare: null,
	territory: null,
	outliers: [],
	partial: null,
	runIn: 0,
	unavailable: null,
	history: [],
	rows: [],
	...over
});

const breakSentence = (f: ForecastResponse) => explainForecast(f, 'en').find((s) => s.includes('cassation reform'));

describe('the reform in plain words', () => {
	it('says when only the months since the reform are used', () => {
		const f = forecast({ breakMode: 'post_only', reform: { date: '2025-07-01', share: 0.4 } });
		expect(breakSentence(f)).toBe('The cassation reform of 1 July 2025 changed this series: only the months since the reform are used.');
	});

	it('says when the level shift is estimated as an intervention term, with the reformed instances’ share', () => {
		const f = forecast({ breakMode: 'intervention', reform: { date: '2025-07-01', share: 0.4 } });
		expect(breakSentence(f)).toMatch(
			/^The cassation reform of 1 July 2025 changed this series \(cassation and supervisory instances are 40 ?% of it\)\. The model does not extrapolate across it: the level shift at the reform is estimated as an intervention term/
		);
	});

	it('says when the reformed instances are too small a share to break the series, and nothing without a forecast', () => {
		const f = forecast({ reformShare: 0.012 });
		expect(breakSentence(f)).toMatch(
			/^The cassation reform of 1 July 2025 does not break this series: cassation and supervisory instances are 1\.2 ?% of it \(it is taken into account from 5 ?%\)\.$/
		);
		expect(breakSentence({ ...f, method: null, backtest: null })).toBeUndefined();
	});
});
