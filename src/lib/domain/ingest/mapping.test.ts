import { describe, expect, it } from 'vitest';
import { detectKind, suggestMapping } from './mapping';

describe('column mapping', () => {
	it('maps Russian, Kazakh and English headers of case records and detects the kind', () => {
		const guess = detectKind([
			'ID производства',
			'Номер дела',
			'Саты',
			'Court',
			'Облыс',
			'Вид дела',
			'Категория',
			'Дата поступления',
			'Дата решения',
			'Результат',
			'Примечание'
		]);
		expect(guess.kind).toBe('cases');
		expect(guess.mapping).toEqual([
			'case_id',
			'case_number',
			'instance',
			'court_id',
			'region',
			'case_type',
			'category',
			'filed_date',
			'decided_date',
			'outcome',
			null
		]);
		expect(guess.missing).toEqual([]);
	});

	it('detects fraud and court statistics from their own fields', () => {
		expect(detectKind(['ID факта', 'Дата регистрации', 'Регион', 'Схема', 'Канал', 'Ущерб', 'Статья УК', 'Статус']).kind).toBe('fraud');
		expect(
			detectKind([
				'Начало периода',
				'Конец периода',
				'Регион',
				'Инстанция',
				'Вид судопроизводства',
				'Остаток на начало',
				'Поступило',
				'Окончено',
				'Остаток на конец'
			]).kind
		).toBe('court_stats');
	});

	it('proposes a kind with what is missing, and "other" for unrelated columns', () => {
		const partial = detectKind(['Номер дела', 'Регион', 'Дата поступления', 'Инстанция', 'Вид дела', 'Категория']);
		expect(partial.kind).toBe('cases');
		expect(partial.missing.map((f) => f.name)).toEqual(['case_id', 'court_id']);
		expect(detectKind(['a', 'b', 'c']).kind).toBe('other');
	});

	it('gives each field to one column only', () => {
		expect(suggestMapping(['Регион', 'Region'], 'cases')).toEqual(['region', null]);
	});
});
