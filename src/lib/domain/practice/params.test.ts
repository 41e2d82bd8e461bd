import { describe, expect, it } from 'vitest';
import { parsePractice, serializePractice } from './params';

const parse = (s: string) => parsePractice(new URLSearchParams(s));

describe('practice view state', () => {
	it('reads filters, period and the page’s own parameters, and writes them back', () => {
		const parsed = parse(
			'category=civil.loan&region=KZ-75&period=2024&rate=grant&unit=judge&case=7501-23-00-2/1&amount=1%20000%20000&page=3'
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value).toMatchObject({ rate: 'grant', unit: 'judge', caseNumber: '7501-23-00-2/1', amount: 1_000_000, page: 3 });
		expect(parsed.value.query.filters).toEqual({ region: ['KZ-75'], category: ['civil.loan'] });
		const again = parsePractice(serializePractice(parsed.value));
		expect(again).toEqual(parsed);
	});

	it('has defaults and omits them', () => {
		const parsed = parse('');
		expect(parsed).toEqual({ ok: true, value: { query: { by: [], filters: {} }, rate: 'reversal', unit: 'court', page: 1 } });
		if (parsed.ok) expect(serializePractice(parsed.value).toString()).toBe('');
	});

	it('names each faulty parameter', () => {
		const bad = parse('rate=speed&amount=-5&page=0&case=%3Cscript%3E');
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.errors.map((e) => e.param)).toEqual(['rate', 'case', 'amount', 'page']);
		expect(parse('colour=red')).toMatchObject({ ok: false, errors: [{ param: 'colour', code: 'unknown_param' }] });
		expect(parse('region=KZ-99')).toMatchObject({ ok: false, errors: [{ param: 'region', code: 'bad_value' }] });
	});
});
