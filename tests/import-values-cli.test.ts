/**
 * `npm run import` on files whose headers and values are Russian spreadsheet variants: read
 * without hints where they are variants, otherwise each header and value it could not place
 * printed with the flag that fixes it; --values and --profile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './support/cli';
import { tempDatabasePath } from './support/fixture-db';

const database = tempDatabasePath('cli-values');
const dir = path.dirname(database);

function importCli(args: string[], content: string) {
	const file = path.join(dir, 'выгрузка.csv');
	fs.writeFileSync(file, content);
	return runScript('scripts/import.ts', [...args, '--create', file], { DATABASE_PATH: database, UPLOADS_DIR: path.join(dir, 'uploads') });
}

const HEADER = 'Номер КУИ;Дата регистрации;Область;Способ мошенничества;Канал связи;Сумма ущерба, тг;Статья УК;Статус;Возраст потерпевшего';
const row = (id: string, channel: string, status: string, age = '18-29') =>
	`${id};05.03.2024;Жамбылская обл.;Другое;${channel};1 000,50;190;${status};${age}`;
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('npm run import with Russian variants of headers and values', () => {
	it('imports common variants without hints, saying how it read them', () => {
		const run = importCli(['--lang', 'ru'], file(row('K1', 'Звонок', 'Зарегистрирован'), row('K2', 'смс', 'в суде', '60+')));
		expect(run.err).toContain('Готово');
		expect(run.status).toBe(0);
		expect(run.out).toContain('Загружено: Интернет-мошенничество');
		expect(run.out).toContain('загружено 2, отклонено 0');
		expect(run.out).toContain('Канал связи: «Звонок» (1) прочитано как «Телефонный звонок» (phone_call)');
		expect(run.out).toContain('Статус: «Зарегистрирован» (1) прочитано как «Зарегистрировано» (registered)');
		expect(run.out).toContain('Возраст потерпевшего: «60+» (1) прочитано как «60 и старше» (60_plus)');
	});

	it('prints each value it could not place with the --values flag that fixes it, and the flag works', () => {
		const content = file(
			row('L1', 'Телеграмм-канал', 'registered'),
			row('L2', 'Телеграмм-канал', 'registered'),
			row('L3', 'sms', 'Передано')
		);
		const run = importCli(['--lang', 'en'], content);
		expect(run.status).toBe(1);
		expect(run.out).toContain(
			'Канал связи: “Телеграмм-канал” (2) not recognised; it looks like “Messenger”: --values "channel:Телеграмм-канал=messenger"'
		);
		expect(run.out).toContain('Статус: “Передано” (1) not recognised; --values "status:Передано=CODE"');

		const fixed = importCli(
			['--lang', 'en', '--values', 'channel:Телеграмм-канал=messenger', '--values', 'status:Передано=in_court'],
			content
		);
		expect(fixed.status).toBe(0);
		expect(fixed.out).toContain('loaded 3, rejected 0');
	});

	it('names the headers it could not place with the --map flag for each, and saves and reuses a profile', () => {
		const header = 'Номер КУИ;Дата регитсрации;Область;Способ;Канал;Ущерб;Статья;Статус;Примечание';
		const content = `${header}\nM1;05.03.2024;KZ-75;other;Мессенджер;10;190;registered;—\n`;
		const refused = importCli(['--lang', 'en', '--kind', 'fraud'], content);
		expect(refused.status).toBe(1);
		expect(refused.err).toContain('Required fields are not mapped: Registered.');
		expect(refused.err).toContain('“Дата регитсрации” looks like “Registered”: --map "Дата регитсрации=registered_date"');
		expect(refused.err).toContain('“Примечание”: --map "Примечание=FIELD"');

		const saved = importCli(
			['--lang', 'en', '--kind', 'fraud', '--map', 'Дата регитсрации=registered_date', '--profile', 'КУИ области'],
			content
		);
		expect(saved.status).toBe(0);
		expect(saved.out).toContain('Profile “КУИ области” applied.');
		expect(saved.out).toContain('Column “Примечание” is not loaded');

		// The next file of the same layout needs no flag: the profile is found by its headers.
		const next = importCli(['--lang', 'en'], `${header}\nM2;06.03.2024;KZ-75;other;sms;10;190;registered;\n`);
		expect(next.status).toBe(0);
		expect(next.out).toContain('Profile “КУИ области” applied.');
		expect(next.out).toContain('loaded 1, rejected 0');
	});

	it('refuses a --values flag of another shape or a code the field does not have', () => {
		expect(importCli(['--lang', 'en', '--values', 'channel=messenger'], file(row('N1', 'sms', 'registered'))).err).toContain(
			'--values: "channel=messenger" is not field:text=code.'
		);
		const wrong = importCli(['--lang', 'en', '--values', 'channel:Телеграм=telegram'], file(row('N1', 'sms', 'registered')));
		expect(wrong.status).toBe(1);
		expect(wrong.err).toContain('--values channel:телеграм=telegram');
	});
});
