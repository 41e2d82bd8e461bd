/**
 * Indicators defined as data, from files:
 *
 *   npm run indicators -- add FILE.json        new indicators (FILE: one definition or an array)
 *   npm run indicators -- update FILE.json     new versions of indicators in force
 *   npm run indicators -- remove ID            retires an indicator (its versions are kept)
 *   npm run indicators -- list [--all]         the indicators in force (--all: retired ones too)
 *   options: [--lang ru|kk|en] [--author NAME]
 *
 * A file is checked whole against its datasets' columns; any problem is printed with the
 * definition and field it is in, and nothing is saved. Stop the server first: DuckDB lets one
 * process open the database file.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../src/lib/domain/l10n';
import { problemText } from '../src/lib/i18n/definition-texts';
import * as m from '../src/lib/paraglide/messages.js';
import { settings } from '../src/lib/server/config';
import { Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrations';
import { currentDefinitions, retireDefinition, saveDefinitions } from '../src/lib/server/definitions/store';

const USAGE = 'Usage: npm run indicators -- add|update FILE.json | remove ID | list [--all]  [--lang ru|kk|en] [--author NAME]';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			lang: { type: 'string', default: 'ru' },
			author: { type: 'string' },
			all: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (error) {
	fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (!isLocale(values.lang)) fail(`--lang: "${values.lang}" is not ru, kk or en.`);
const locale: Locale = values.lang;
const o = { locale };
const [command, argument, ...rest] = positionals;
if (rest.length) fail(`Unexpected: ${rest.join(' ')}`);
const author = values.author ?? `cli:${os.userInfo().username}`;

function readDefinitions(file: string | undefined): unknown[] {
	if (!file) fail('Give FILE.json.');
	if (!fs.existsSync(file)) fail(`No such file: ${file}`);
	let content: unknown;
	try {
		content = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
	} catch (error) {
		console.error(m.def_bad_file({ file, detail: (error as Error).message }, o));
		process.exit(1);
	}
	return Array.isArray(content) ? content : [content];
}

if (!['add', 'update', 'remove', 'list'].includes(command ?? '')) fail(`Unknown command: ${command ?? '(none)'}`);
const inputs = command === 'add' || command === 'update' ? readDefinitions(argument) : [];
if (command === 'remove' && !argument) fail('Give the ID to remove.');

const s = settings();
const db = await Database.open(s.databasePath, { threads: s.duckdbThreads || undefined });
try {
	await migrate(db);
	if (command === 'add' || command === 'update') {
		const result = await saveDefinitions(db, inputs, command, author);
		if (result.ok) for (const saved of result.saved) console.log(m.def_saved({ id: saved.id, version: saved.version }, o));
		else {
			for (const failure of result.failures) {
				console.error(m.def_failure({ index: failure.index + 1, id: failure.id ?? '?' }, o));
				for (const problem of failure.problems) console.error(`  ${problemText(problem, locale)}`);
			}
			console.error(m.def_nothing_saved({}, o));
			process.exitCode = 1;
		}
	} else if (command === 'remove') {
		const retired = await retireDefinition(db, argument, author);
		if (retired) console.log(m.def_retired({ id: retired.id, version: retired.version }, o));
		else {
			console.error(m.def_not_in_force({ id: argument }, o));
			process.exitCode = 1;
		}
	} else {
		const list = await currentDefinitions(db, { retired: values.all });
		if (!list.length) console.log(m.def_list_empty({}, o));
		for (const d of list) {
			const state = d.retired ? ' retired' : '';
			console.log(
				`${d.id}\tv${d.version}${state}\tdataset ${d.definition.datasetId}\t${d.definition.name[locale]}\t${d.author}\t${d.createdAt}`
			);
		}
	}
} finally {
	db.close();
}
