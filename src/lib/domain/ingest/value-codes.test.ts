import { describe, expect, it } from 'vitest';
import { CASE_FIELDS, COURT_STATS_FIELDS, FRAUD_FIELDS } from '../schema';
import { matchHeaders, detectKind, suggestMapping } from './mapping';
import { checkValueCodes, parseValueFlag, placeValue, valueFlag, valuesToConfirm } from './value-codes';

const field = (name: string) => [...CASE_FIELDS, ...FRAUD_FIELDS].find((f) => f.name === name)!;
const code = (name: string, text: string) => placeValue(field(name), text);

describe('cell values of Russian spreadsheets', () => {
	it('reads grammatical forms, word order and abbreviations of labels as variants', () => {
		const variants: [string, string, string][] = [
			['instance', '1 инстанция', 'first'],
			['instance', 'первой инстанции', 'first'],
			['instance', 'Апелляционная', 'appeal'],
			['instance', 'апелл.', 'appeal'],
			['instance', 'Кассационная инстанция', 'cassation'],
			['instance', 'надзорная', 'supervisory'],
			['case_type', 'Гражданское', 'civil'],
			['case_type', 'гражданские дела', 'civil'],
			['case_type', 'гр.', 'civil'],
			['case_type', 'Уголовное дело', 'criminal'],
			['case_type', 'Адм. правонарушения', 'admin_offense'],
			['case_type', 'Административное', 'administrative'],
			['case_type', 'Қылмыстық істер', 'criminal'],
			['outcome', 'Удовлетворен', 'granted'],
			['outcome', 'Частично удовл.', 'partially_granted'],
			['outcome', 'Отказано в удовлетворении', 'denied'],
			['outcome', 'Оставлен без рассмотрения', 'left_without_consideration'],
			['outcome', 'Прекращено производство', 'terminated'],
			['outcome', 'Без изменения', 'upheld'],
			['outcome', 'Оставить без изменения', 'upheld'],
			['outcome', 'Отмена', 'reversed'],
			['outcome', 'Изменен', 'modified'],
			['outcome', 'Возвращен прокурору', 'returned_to_prosecutor'],
			['outcome', 'Обвинит. приговор', 'convicted'],
			['e_filed', 'Есть', 'true'],
			['e_filed', 'отсутствует', 'false'],
			['e_filed', 'Не имеется', 'false'],
			['hearing_format', 'ВКС', 'video'],
			['hearing_format', 'письменно', 'written'],
			['channel', 'Звонок', 'phone_call']
		];
		for (const [name, text, expected] of variants)
			expect([text, code(name, text)]).toEqual([text, { code: expected, how: 'variant', suggestion: null }]);
	});

	it('keeps values apart that differ by a word', () => {
		expect(code('outcome', 'Возвращено').code).toBe('returned');
		expect(code('outcome', 'Возвращено прокур.').code).toBe('returned_to_prosecutor');
		expect(code('outcome', 'Удовлетворено').code).toBe('granted');
		expect(code('outcome', 'Удовлетворено частично').code).toBe('partially_granted');
		expect(code('outcome', 'Изменено').code).toBe('modified');
		expect(code('outcome', 'Без изменений').code).toBe('upheld');
	});

	it('only suggests what merely looks like a code, and places nothing it cannot tell', () => {
		expect(code('instance', 'Апеляция')).toEqual({ code: null, how: null, suggestion: 'appeal' });
		expect(code('region', 'Карагандинкая')).toEqual({ code: null, how: null, suggestion: 'KZ-35' });
		expect(code('outcome', 'Прочее')).toEqual({ code: null, how: null, suggestion: null });
		// "Административные" alone is the administrative procedure, never administrative offences.
		expect(code('case_type', 'Административные').code).toBe('administrative');
	});

	it('puts the user\u2019s code first, whatever the text', () => {
		expect(placeValue(field('outcome'), 'ОБ-1', { 'об-1': 'granted' })).toEqual({ code: 'granted', how: 'given', suggestion: null });
		expect(placeValue(field('region'), 'Атлантида', { атлантида: 'KZ-75' }).code).toBe('KZ-75');
	});

	it('lists the distinct values of a preview to confirm, with counts, texts differing in case as one', () => {
		const columns = ['Инстанция', 'Результат'];
		const rows = [
			['1 инстанция', 'Удовлетворен'],
			['1 Инстанция', 'удовлетврено'],
			['first', 'Удовлетворен'],
			['Апеляция', 'Отказ']
		];
		const values = valuesToConfirm(rows, columns, ['instance', 'outcome'], 'cases');
		expect(values.map((v) => [v.column, v.text, v.count, v.code, v.how, v.suggestion])).toEqual([
			['Инстанция', '1 инстанция', 2, 'first', 'variant', null],
			['Инстанция', 'Апеляция', 1, null, null, 'appeal'],
			['Результат', 'Удовлетворен', 2, 'granted', 'variant', null],
			['Результат', 'удовлетврено', 1, 'granted', 'variant', null],
			['Результат', 'Отказ', 1, 'denied', 'variant', null]
		]);
	});

	it('reads and writes --values flags and checks codes against the kind', () => {
		expect(parseValueFlag('outcome:Удовл. полностью=granted')).toEqual({ field: 'outcome', text: 'Удовл. полностью', code: 'granted' });
		expect(parseValueFlag('outcome=granted')).toBeNull();
		expect(valueFlag('outcome', 'a "b"', 'granted')).toBe('--values "outcome:a \\"b\\"=granted"');
		expect(checkValueCodes({ outcome: { x: 'granted' }, e_filed: { есть: 'true' }, region: { y: 'KZ-31' } }, 'cases')).toBe(true);
		expect(checkValueCodes({ outcome: { x: 'grant' } }, 'cases')).toBe(false);
		expect(checkValueCodes({ category: { x: 'civil' } }, 'cases')).toBe(false);
		expect(checkValueCodes({ outcome: { x: 'granted' } }, 'court_stats')).toBe(false);
	});
});

describe('headers of Russian spreadsheets', () => {
	it('finds variants of known names, a word more or less, in another order or abbreviated', () => {
		const columns = [
			'Дата поступления дела',
			'Статья УК РК',
			'Результат рассмотрения дела',
			'Цена иска, тенге',
			'Подано в электронном виде'
		];
		expect(matchHeaders(columns, 'cases')).toEqual([
			{ field: 'filed_date', how: 'variant' },
			{ field: 'article', how: 'variant' },
			{ field: 'outcome', how: 'variant' },
			{ field: 'claim_amount_kzt', how: 'variant' },
			{ field: 'e_filed', how: 'variant' }
		]);
		expect(matchHeaders(['Дата рег.'], 'cases')).toEqual([{ field: 'filed_date', how: 'variant' }]);
	});

	it('never guesses between two fields: "Дата" or "Сумма" alone stay unplaced', () => {
		expect(suggestMapping(['Дата', 'Сумма', 'Примечание'], 'cases')).toEqual([null, null, null]);
	});

	it('only suggests a misspelt header, for the user to confirm', () => {
		expect(matchHeaders(['Резльтат'], 'cases')).toEqual([{ field: 'outcome', how: 'suggested' }]);
		expect(suggestMapping(['Резльтат'], 'cases')).toEqual([null]);
	});

	it('detects the kind of a file with Russian variants of the headers', () => {
		const stats = [
			'Период с',
			'Период по',
			'Область',
			'Инстанция',
			'Вид дел',
			'Остаток на начало',
			'Поступило',
			'Окончено',
			'Остаток на конец'
		];
		expect(detectKind(stats)).toMatchObject({ kind: 'court_stats', missing: [] });
		expect(detectKind(stats).mapping).toEqual(
			COURT_STATS_FIELDS.filter((f) => f.name !== 'court_id' && f.name !== 'category').map((f) => f.name)
		);
	});
});
