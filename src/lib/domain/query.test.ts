import { describe, expect, it } from 'vitest';
import { carriedState, isQueryParam, parseQuery, searchWith, serializeQuery, toggleFilter, withFilter, type ViewQuery } from './query';

const parse = (s: string) => parseQuery(new URLSearchParams(s));

describe('view state in URLs', () => {
	const states: ViewQuery[] = [
		{ by: [], filters: {} },
		{ period: { kind: 'year', year: 2024 }, by: ['region'], filters: { case_type: ['civil'] } },
		{ period: { kind: 'quarter', year: 2025, quarter: 3 }, grain: 'month', by: ['court', 'category'], filters: {} },
		{ period: { kind: 'last12' }, by: [], filters: { region: ['KZ-75', 'KZ-71'], instance: ['cassation'] }, source: 'court_stats' },
		{
			period: { kind: 'range', from: '2024-02-29', to: '2025-01-31' },
			grain: 'year',
			by: [],
			filters: { court: ['KZ75-D01'], judge: ['J-00AB12'], scheme: ['fake_police'] }
		}
	];

	it('parses what it serializes, and serializes what it parses, unchanged', () => {
		for (const state of states) {
			const params = serializeQuery(state);
			expect(parse(params.toString())).toEqual({ ok: true, value: state });
			expect(serializeQuery((parse(params.toString()) as { value: ViewQuery }).value).toString()).toBe(params.toString());
		}
	});

	it('writes parameters in one canonical order and leaves defaults out', () => {
		expect(serializeQuery({ by: [], filters: {} }).toString()).toBe('');
		expect(serializeQuery(states[3]).toString()).toBe('period=last12&source=court_stats&region=KZ-75%2CKZ-71&instance=cassation');
	});

	it('names the parameter of every error', () => {
		const cases: [string, string, string][] = [
			['from=2024-02-30&to=2024-03-01', 'from', 'bad_date'],
			['from=2024-01-01', 'to', 'missing_bound'],
			['to=2024-01-01', 'from', 'missing_bound'],
			['from=2024-13-01&to=2024-12-31', 'from', 'bad_date'],
			['from=2025-01-01&to=2024-01-01', 'to', 'bad_range'],
			['period=2024-Q5', 'period', 'bad_period'],
			['period=last12&to=2024-01-01', 'to', 'period_conflict'],
			['grain=day', 'grain', 'bad_grain'],
			['by=region,region', 'by', 'too_many'],
			['by=region,court,category', 'by', 'too_many'],
			['by=colour', 'by', 'bad_by'],
			['region=KZ-99', 'region', 'bad_value'],
			['instance=first,final', 'instance', 'bad_value'],
			["court=x'%3B--", 'court', 'bad_value'],
			['source=excel', 'source', 'bad_source'],
			['colour=red', 'colour', 'unknown_param'],
			['region=KZ-75&region=KZ-71', 'region', 'repeated_param'],
			[`category=${'a'.repeat(3000)}`, 'category', 'too_many']
		];
		for (const [input, param, code] of cases) {
			const result = parse(input);
			expect(result.ok, input).toBe(false);
			if (!result.ok) expect(result.errors[0], input).toMatchObject({ param, code });
		}
	});

	it('leaves a page’s own parameters to the page', () => {
		expect(parseQuery(new URLSearchParams('page=2&period=2024'), ['page'])).toMatchObject({ ok: true });
		expect(parse('page=2')).toMatchObject({ ok: false });
	});
});

describe('changing view state', () => {
	const base: ViewQuery = { period: { kind: 'year', year: 2025 }, grain: 'month', by: ['court'], filters: { region: ['KZ-75'] } };

	it('toggles a filter value on and off, dropping the filter when it is empty', () => {
		const added = toggleFilter(base, 'region', 'KZ-71');
		expect(added.filters.region).toEqual(['KZ-75', 'KZ-71']);
		expect(toggleFilter(added, 'region', 'KZ-71')).toEqual(base);
		expect(toggleFilter(base, 'region', 'KZ-75').filters).toEqual({});
		expect(withFilter(base, 'instance', ['appeal']).filters).toEqual({ region: ['KZ-75'], instance: ['appeal'] });
	});

	it('carries the period and filters between pages, not breakdowns or grain', () => {
		expect(carriedState(base)).toEqual({ period: { kind: 'year', year: 2025 }, by: [], filters: { region: ['KZ-75'] } });
	});

	it('rewrites the query of a URL and keeps the page’s own parameters', () => {
		const url = new URL('http://x/indicators/incoming?period=2024&region=KZ-10&tab=table&by=court');
		expect(searchWith(url, withFilter(base, 'region', []))).toBe('?period=2025&grain=month&by=court&tab=table');
		expect(searchWith(new URL('http://x/'), { by: [], filters: {} })).toBe('');
		expect(isQueryParam('region')).toBe(true);
		expect(isQueryParam('tab')).toBe(false);
	});
});
