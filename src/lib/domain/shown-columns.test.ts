import { describe, expect, it } from 'vitest';
import { parseShownColumns, serializeShownColumns, toggleShownColumn } from './shown-columns';

const ALL = ['case_number', 'court_id', 'outcome', 'filed_date'];

describe('shown columns in the URL', () => {
	it('shows every column without the parameter, and always the first one', () => {
		expect(parseShownColumns(null, ALL)).toEqual({ ok: true, value: ALL });
		expect(parseShownColumns('filed_date,court_id', ALL)).toEqual({ ok: true, value: ['case_number', 'court_id', 'filed_date'] });
	});

	it('names the parameter and the column it does not know', () => {
		expect(parseShownColumns('court_id,judge_id', ALL)).toEqual({
			ok: false,
			errors: [{ param: 'cols', code: 'bad_value', value: 'judge_id', allowed: ALL }]
		});
	});

	it('writes one URL per choice, none for all, and reads back what it wrote', () => {
		expect(serializeShownColumns(ALL, ALL)).toBe('');
		for (const shown of [['case_number'], ['case_number', 'outcome'], ['case_number', 'court_id', 'filed_date']]) {
			const text = serializeShownColumns(shown, ALL);
			expect(parseShownColumns(text, ALL)).toEqual({ ok: true, value: shown });
		}
	});

	it('hides a shown column and shows a hidden one, keeping the list order', () => {
		expect(toggleShownColumn(ALL, 'outcome', ALL)).toEqual(['case_number', 'court_id', 'filed_date']);
		expect(toggleShownColumn(['case_number', 'filed_date'], 'court_id', ALL)).toEqual(['case_number', 'court_id', 'filed_date']);
	});
});
