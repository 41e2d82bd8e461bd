/**
 * Real files' values and headers through the whole pipeline on a real DuckDB file: Russian
 * variants read without hints, values left out named with counts and suggestions, the user's
 * codes, and profiles saved and applied again to the next file of the same layout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { profileByName } from './profiles';
import { openTestDatabase, type TestDatabase } from './test-db';

let t: TestDatabase;
beforeEach(async () => {
	t = await openTestDatabase();
});
afterEach(() => t.close());

const HEADER =
	'ID;Номер дела;Инстанция;Наименование суда;Область;Вид дела;Категория дела;Дата поступления дела;Дата рассмотрения;Результат рассмотрения дела;Подано в электронном виде';
const line = (id: string, instance: string, type: string, outcome: string, efiled: string, region = 'Жамбылская обл.') =>
	`${id};3101-24-00-2/${id};${instance};KZ31-D01;${region};${type};civil.loan;05.03.2024;20.04.2024;${outcome};${efiled}`;
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

const VARIANTS = file(
	line('V1', '1 инстанция', 'Гражданское', 'Удовлетворен', 'Есть'),
	line('V2', 'Первая', 'гражданские дела', 'Частично удовл.', 'нет'),
	line('V3', '1 инстанция', 'Гр.', 'Отказано в удовлетворении', 'отсутствует'),
	line('V4', 'первой инстанции', 'Гражданское', 'Удовлетворен', 'Есть')
);

const loaded = () =>
	t.db.query<{ case_id: string; instance: string; case_type: string; outcome: string; e_filed: boolean }>(
		`SELECT case_id, instance, case_type, outcome, e_filed FROM cases ORDER BY case_id`
	);

describe('values and headers of a Russian spreadsheet', () => {
	it('imports common variants without hints and says how it read them', async () => {
		const outcome = await t.importBytes(VARIANTS);
		expect(outcome).toMatchObject({ status: 'committed', kind: 'cases', rowsLoaded: 4, rowsRejected: 0 });
		expect(await loaded()).toEqual([
			{ case_id: 'V1', instance: 'first', case_type: 'civil', outcome: 'granted', e_filed: true },
			{ case_id: 'V2', instance: 'first', case_type: 'civil', outcome: 'partially_granted', e_filed: false },
			{ case_id: 'V3', instance: 'first', case_type: 'civil', outcome: 'denied', e_filed: false },
			{ case_id: 'V4', instance: 'first', case_type: 'civil', outcome: 'granted', e_filed: true }
		]);
		expect(outcome.headers.filter((h) => h.how === 'variant').map((h) => [h.column, h.field])).toEqual([
			['Дата поступления дела', 'filed_date'],
			['Результат рассмотрения дела', 'outcome'],
			['Подано в электронном виде', 'e_filed']
		]);
		expect(outcome.values.find((v) => v.text === 'Удовлетворен')).toMatchObject({
			field: 'outcome',
			count: 2,
			code: 'granted',
			how: 'variant'
		});
		expect(outcome.values.find((v) => v.text === '1 инстанция')).toMatchObject({ column: 'Инстанция', count: 2, code: 'first' });
	});

	it('rejects values it cannot place, naming each with its count and the code it looks like', async () => {
		const content = file(
			line('W1', 'Апеляция', 'Гражданское', 'Удовлетворен', 'да'),
			line('W2', 'Апеляция', 'Гражданское', 'Удовлетворен', 'да'),
			line('W3', 'первая', 'Гражданское', 'Прочее', 'да', 'Карагандинкая')
		);
		const outcome = await t.importBytes(content, {}, 1);
		expect(outcome).toMatchObject({ status: 'refused', rowsLoaded: 0, rowsRejected: 3 });
		const unplaced = outcome.values.filter((v) => v.code === null).map((v) => [v.column, v.text, v.count, v.suggestion]);
		expect(unplaced).toEqual([
			['Инстанция', 'Апеляция', 2, 'appeal'],
			['Результат рассмотрения дела', 'Прочее', 1, null],
			['Область', 'Карагандинкая', 1, 'KZ-35']
		]);
		expect(outcome.reasons).toEqual({ bad_enum: 3, bad_region: 1 });
	});

	it('places values by the user\u2019s codes, saves them as a profile and applies it to the next file of that layout', async () => {
		const content = file(
			line('P1', 'Апеляция', 'Гражданское', 'ОБ-1', 'да'),
			line('P2', 'первая', 'Гражданское', 'Удовлетворен', 'да', 'Карагандинкая')
		);
		const values = { instance: { апеляция: 'appeal' }, outcome: { 'об-1': 'granted' }, region: { карагандинкая: 'KZ-35' } };
		const first = await t.importBytes(content, { values, profile: 'Областной суд, выгрузка' });
		expect(first).toMatchObject({ status: 'committed', rowsLoaded: 2, profile: 'Областной суд, выгрузка' });
		const saved = await profileByName(t.db, 'Областной суд, выгрузка');
		expect(saved).toMatchObject({ kind: 'cases', values, updatedBy: 'test' });

		// The next file of the same headers: the profile is found by its layout and applied.
		const next = file(line('P3', 'Апеляция', 'Гражданское', 'ОБ-1', 'да', 'Карагандинкая'));
		const second = await t.importBytes(next);
		expect(second).toMatchObject({ status: 'committed', rowsLoaded: 1, profile: 'Областной суд, выгрузка' });
		const [p3] = await t.db.query<{ instance: string; outcome: string; region: string }>(
			`SELECT instance, outcome, region FROM cases WHERE case_id = 'P3'`
		);
		expect(p3).toEqual({ instance: 'appeal', outcome: 'granted', region: 'KZ-35' });
	});

	it('refuses codes a field does not have', async () => {
		await expect(t.importBytes(VARIANTS, { values: { outcome: { x: 'won' } } })).rejects.toMatchObject({
			code: 'bad_options',
			params: { detail: '--values outcome:x=won' }
		});
	});

	it('names the columns it could not place when a required field is missing, with the field each looks like', async () => {
		const content = 'ID факта;Дата регитсрации;Регион;Схема;Канал;Ущерб;Статья;Статус\nF1;05.03.2024;KZ-75;other;sms;10;190;registered\n';
		const error = await t.importBytes(content, { kind: 'fraud' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).params.fields).toBe('registered_date');
		expect(JSON.parse(String((error as ImportError).params.unplaced))).toEqual([
			{ column: 'Дата регитсрации', suggestion: 'registered_date' }
		]);
	});
});
