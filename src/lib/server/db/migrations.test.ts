import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database';
import { migrate, MIGRATIONS } from './migrations';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 8', () => {
	it('turns the English details of older change-log entries into facts', async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-migrate-'));
		const db = await Database.open(path.join(dir, 'court.duckdb'), { threads: 1 });
		await migrate(
			db,
			MIGRATIONS.filter((m) => m.version < 8)
		);
		const legacy = [
			['import_append', 'cases: 2024.csv: 684 loaded, 3 rejected'],
			['import_refused', 'big.csv: 50 of 60 rows rejected'],
			['rollback', 'from version 4'],
			['user_create', 'ann.lee (analyst)'],
			['user_delete', 'user 7'],
			['column_setting', 'Облыс: region'],
			['import_replace', 'free text that matches nothing']
		];
		for (const [action, detail] of legacy)
			await db.run(`INSERT INTO audit_log (actor, action, detail) VALUES ('admin', $action, $detail)`, { action, detail });
		expect(await migrate(db)).toEqual([8]);
		const rows = await db.query<{ params: string | null }>(`SELECT params FROM audit_log ORDER BY id`);
		db.close();
		expect(rows.map((r) => r.params && JSON.parse(r.params))).toEqual([
			{ file: 'cases: 2024.csv', loaded: 684, rejected: 3 },
			{ file: 'big.csv', rejected: 50, read: 60 },
			{ from: 4 },
			{ login: 'ann.lee', role: 'analyst' },
			{ user: 7 },
			{ column: 'Облыс', type: 'region' },
			null
		]);
	});
});
