import { describe, expect, it } from 'vitest';
import * as m from '../paraglide/messages.js';
import { actorText, auditSentence, type AuditEntry } from './audit-texts';
import { counted } from './plural';

const entry = (action: string, params: object | null, dataset: Partial<AuditEntry> = {}): AuditEntry => ({
	action,
	version: 3,
	params: params && JSON.stringify(params),
	dataset_name: 'Дела 2025',
	dataset_kind: 'cases',
	dataset_demo: false,
	...dataset
});

describe('counts with their nouns', () => {
	it('take the form Intl.PluralRules gives for the number', () => {
		const ru = [1, 3, 5, 11, 21, 684, 1000].map((n) => counted(m.count_records, n, 'ru'));
		expect(ru).toEqual(['1 запись', '3 записи', '5 записей', '11 записей', '21 запись', '684 записи', '1\u00a0000 записей']);
		expect([1, 2].map((n) => counted(m.count_records, n, 'en'))).toEqual(['1 record', '2 records']);
		expect(counted(m.count_records, 684, 'kk')).toBe('684 жазба');
	});
});

describe('the change log as sentences', () => {
	it("writes imports, rollbacks and column settings in the reader's language, with the dataset's name", () => {
		const imported = entry('import_append', { file: 'a.csv', loaded: 684, rejected: 1 });
		expect(auditSentence(imported, 'ru')).toBe(
			'Набор «Дела 2025»: версия 3 добавлена из файла «a.csv»; загружено: 684 записи, отклонено: 1 запись.'
		);
		expect(auditSentence(imported, 'en')).toBe(
			'Dataset “Дела 2025”: version 3 appended from the file “a.csv”; loaded: 684 records, rejected: 1 record.'
		);
		expect(auditSentence(entry('import_refused', { file: 'b.csv', read: 10, rejected: 5 }, { dataset_name: null }), 'ru')).toBe(
			'Файл «b.csv» не загружен: прочитано: 10 записей, отклонено: 5 записей — больше допустимого. Данные не изменены.'
		);
		expect(auditSentence(entry('rollback', { from: 4 }), 'ru')).toBe(
			'Набор «Дела 2025» возвращён к версии 3 (до этого действовала версия 4).'
		);
		expect(auditSentence(entry('column_setting', { column: 'Облыс', type: 'region' }), 'en')).toBe(
			'Dataset “Дела 2025”: the column “Облыс” is read as region.'
		);
		// Demo datasets are named by the program, so in the reader's language.
		expect(auditSentence(entry('import_replace', { file: 'c.csv', loaded: 2, rejected: 0 }, { dataset_demo: true }), 'en')).toContain(
			'Dataset “Demo:'
		);
	});

	it("writes account changes with the login and the role's name, never codes", () => {
		expect(auditSentence(entry('user_create', { login: 'joe', role: 'judge' }), 'ru')).toBe('Создана учётная запись joe с ролью «Судья».');
		expect(auditSentence(entry('user_update', { login: 'joe', role: 'analyst', password: true }), 'en')).toBe(
			'Account joe: role changed to “Analyst”; new password set.'
		);
		expect(auditSentence(entry('user_update', { login: 'joe', disabled: true }), 'ru')).toBe('Учётная запись joe: вход запрещён.');
		expect(auditSentence(entry('user_update', { login: 'joe' }), 'ru')).toBe('Учётная запись joe сохранена без изменений.');
		expect(auditSentence(entry('user_delete', { login: 'joe' }), 'kk')).toBe('joe тіркелгісі жойылды.');
		// Entries written before the log held facts name the account by its number.
		expect(auditSentence(entry('user_delete', { user: 7 }), 'ru')).toBe('Удалена учётная запись № 7.');
		expect(auditSentence(entry('wall_settings', { panels: 5, seconds: 21 }), 'ru')).toBe(
			'Экран ситуационного центра: выбрано 5 панелей, по 21 секунда на панель.'
		);
	});
});

describe('who did it', () => {
	it('names the start-up load and command-line tools in words, an account by its login', () => {
		expect(actorText('system', 'kk')).toBe('жүйе (іске қосу кезіндегі жүктеу)');
		expect(actorText('cli:ops', 'ru')).toBe('командная строка (ops)');
		expect(actorText('admin.test', 'en')).toBe('admin.test');
	});
});
