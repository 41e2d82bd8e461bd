/** Numbers and dates in Russian, Kazakh and English conventions (NBSP and narrow NBSP normalised to spaces). */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '$lib/i18n/intl';
import {
	comparisonText,
	formatApart,
	formatPercent,
	figureText,
	formatChange,
	formatPeriod,
	formatDate,
	formatMonth,
	formatNumber,
	formatShare,
	formatTick,
	formatValue
} from './format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers', () => {
	it('group thousands and mark decimals as each language does', () => {
		expect(plain(formatNumber(1234567.891, 'ru', 2))).toBe('1 234 567,89');
		expect(plain(formatNumber(1234567.891, 'kk', 2))).toBe('1 234 567,89');
		expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
	});

	it('write units: percent, days, tenge, ratios; no data is said in words', () => {
		expect(plain(formatValue(98.14, 'percent', 'ru'))).toBe('98,1 %');
		expect(formatValue(98.14, 'percent', 'kk')).toBe('98,1%');
		expect(formatValue(98.14, 'percent', 'en')).toBe('98.1%');
		expect(plain(formatValue(49, 'days', 'ru'))).toBe('49 дн.');
		expect(formatValue(49, 'days', 'kk')).toBe('49 күн');
		expect(formatValue(49, 'days', 'en')).toBe('49 days');
		expect(plain(formatValue(45_500_000_000, 'kzt', 'ru'))).toBe('45,5 млрд ₸');
		expect(plain(formatValue(45_500_000_000, 'kzt', 'kk'))).toBe('45,5 млрд ₸');
		expect(plain(formatValue(45_500_000_000, 'kzt', 'en'))).toBe('45.5bn ₸');
		expect(formatValue(1.234, 'ratio', 'en')).toBe('1.23');
		expect(formatValue(null, 'count', 'ru')).toBe('нет данных');
		expect(formatValue(Number.NaN, 'count', 'kk')).toBe('деректер жоқ');
		expect(formatValue(undefined, 'count', 'en')).toBe('no data');
	});

	it('shorten axis ticks: thousands as "тыс.", "мың", "k"', () => {
		expect(plain(formatTick(4500, 'count', 'ru'))).toBe('4,5 тыс.');
		expect(plain(formatTick(4500, 'count', 'kk'))).toBe('4,5 мың');
		expect(formatTick(4500, 'count', 'en')).toBe('4.5k');
		expect(formatTick(50, 'percent', 'kk')).toBe('50%');
		expect(plain(formatShare(0.01, 'ru'))).toBe('1 %');
	});

	it('write changes of rates in percentage points and of counts and amounts in percent, with their sign', () => {
		expect(plain(formatChange(1.2, 'points', 'ru'))).toBe('+1,2 п.п.');
		expect(plain(formatChange(-0.04, 'points', 'kk'))).toBe('0,0 п.т.');
		expect(formatChange(1.25, 'points', 'en')).toBe('+1.3 pp');
		expect(plain(formatChange(8.6, 'percent', 'ru'))).toBe('+8,6 %');
		expect(formatChange(-5.64, 'percent', 'en')).toBe('-5.6%');
		expect(formatChange(12, 'percent', 'kk')).toBe('+12,0%');
	});

	it('say against which period a change is, or why there is none', () => {
		const year = { from: '2024-01-01', to: '2024-12-31' };
		const last12 = { from: '2024-10-01', to: '2025-09-30' };
		expect(plain(comparisonText({ comparable: true, change: 1.2, scale: 'points' }, year, 'ru'))).toBe('+1,2 п.п. к 2024');
		expect(comparisonText({ comparable: true, change: -3, scale: 'percent' }, last12, 'en')).toBe('-3.0% vs Oct 2024 – Sept 2025');
		expect(plain(comparisonText({ comparable: true, change: 2, scale: 'percent' }, { from: '2024-04-01', to: '2024-06-30' }, 'kk'))).toBe(
			'2024 ж. 2-тоқсан салыстырғанда +2,0%'
		);
		expect(comparisonText({ comparable: false, reason: 'before_data', dataFrom: '2019-01-01' }, year, 'en')).toBe(
			'nothing to compare: the data starts in Jan 2019'
		);
		expect(comparisonText({ comparable: false, reason: 'incomplete', dataFrom: '2019-01-01' }, year, 'ru')).toContain('неполные');
		expect(comparisonText({ comparable: false, reason: 'small_base', min: 30 }, year, 'kk')).toContain('30');
		expect(comparisonText({ comparable: false, reason: 'no_data' }, year, 'en')).toBe('nothing to compare: no data for 2024');
		expect(comparisonText({ comparable: false, reason: 'provisional' }, year, 'en')).toContain('provisional');
	});

	it('name periods shortly: a year, a quarter, a month, a range of months, or days', () => {
		expect(formatPeriod({ from: '2025-01-01', to: '2025-12-31' }, 'en')).toBe('2025');
		expect(formatPeriod({ from: '2025-07-01', to: '2025-09-30' }, 'ru')).toBe('3 кв. 2025');
		expect(formatPeriod({ from: '2025-02-01', to: '2025-02-28' }, 'en')).toBe('Feb 2025');
		expect(formatPeriod({ from: '2025-02-15', to: '2025-04-30' }, 'en')).toBe('15 February 2025 – 30 April 2025');
	});

	it('write a figure of a table or CSV with what qualifies it, or why there is none', () => {
		expect(figureText({ value: null, missing: 'form_periods' }, 'count', 'en', 5)).toBe(
			"no data: the period does not line up with the reporting forms' periods"
		);
		expect(figureText({ value: null }, 'count', 'en', 5)).toBe('no data');
		expect(figureText({ value: 0 }, 'count', 'en', 5)).toBe('0');
		expect(figureText({ value: null, suppressed: true }, 'count', 'en', 5)).toBe('<5');
		expect(figureText({ value: 6.5, provisional: true, partial: true }, 'percent', 'en', 5)).toBe('6.5% (provisional, partial period)');
	});
});

describe('dates', () => {
	it('write the month in words in each language’s order', () => {
		expect(formatDate('2026-09-30', 'ru')).toBe('30 сентября 2026 г.');
		expect(formatDate('2026-09-30', 'kk')).toBe('2026 ж. 30 қыркүйек');
		expect(formatDate('2026-09-30', 'en')).toBe('30 September 2026');
		expect(formatDate('2025-01-01', 'kk')).toBe('2025 ж. 1 қаңтар');
	});

	it('name months on chart axes', () => {
		expect(formatMonth('2026-09-01', 'ru')).toBe('сент. 2026 г.');
		expect(formatMonth('2026-09-01', 'kk')).toBe('2026 ж. қыр.');
		expect(formatMonth('2026-12-01', 'kk')).toBe('2026 ж. жел.');
		expect(formatMonth('2026-09-01', 'en')).toBe('Sept 2026');
	});

	it('write a moment as short date and time in UTC', () => {
		const at = new Date('2026-12-01T13:05:00Z');
		expect(formatDateTime(at, 'ru')).toBe('01.12.2026, 13:05');
		expect(formatDateTime(at, 'kk')).toBe('01.12.2026, 13:05');
		expect(formatDateTime(at, 'en')).toBe('01/12/2026, 13:05');
	});

	it('never rounds a figure onto a class bound it has not reached', () => {
		// 99.96 % against a 100 % target, coloured "watch", does not read "100,0 %".
		expect(formatApart(99.96, 'percent', 'en', [95, 100])).toBe('99.96%');
		expect(formatApart(100, 'percent', 'en', [95, 100])).toBe('100.0%');
		expect(formatApart(97.7, 'percent', 'en', [95, 100])).toBe('97.7%');
		expect(formatApart(59.6, 'days', 'en', [60, 90])).toBe('59.6 days');
		expect(formatApart(null, 'percent', 'en', [100])).toBe('no data');
	});

	it('writes a share above 0 that rounds to 0 as below the smallest step', () => {
		expect(formatPercent(0.009, 'en')).toBe('<0.1%');
		expect(formatPercent(0, 'en')).toBe('0.0%');
		expect(formatPercent(0.05, 'en')).toBe('0.1%');
	});
});
