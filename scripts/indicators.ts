/**
 * Indicators defined as data, from files:
 *
 *   npm run indicators -- add FILE.json        new indicators (FILE: one definition or an array)
 *   npm run indicators -- update FILE.json     new versions of indicators in force
 *   npm run indicators -- remove ID            retires an indicator (its versions are kept)
 *   npm run indicators -- list [--all]         the indicators in force (--all: retired ones too)
 *   options: [--lang ru|kk|en] [--author NAME] [--create]
 *
 * A file is checked whole against its datasets' columns; any problem is printed with the
 * definition and field it is in, and nothing is saved. While the server of the database runs,
 * the command goes through its API (the server computes the new indicators at once); otherwise
 * it works on the database file. One language per run: --lang, else the environment's.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../src/lib/domain/l10n';
import { problemText } from '../src/lib/i18n/definition-texts';
import * as m from '../src/lib/paraglide/messages.js';
import { environmentLocale } from '../src/lib/server/cli/locale';
import { CliError, openTarget, type Target } from '../src/lib/server/cli/target';
import { settings } from '../src/lib/server/config';
import {
	currentDefinitions,
	retireDefinition,
	saveDefinitions,
	type Failure,
	type SaveResult,
	type StoredDefinition
} from '../src/lib/server/definitions/store';

let locale: Locale = environmentLocale();
const o = () => ({ locale });

function usage(message: string): never {
	console.error(`${message}\n${m.def_cli_usage({}, o())}`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			lang: { type: 'string' },
			author: { type: 'string' },
			all: { type: 'boolean', default: false },
			create: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (error) {
	usage(m.cli_err_unknown_option({ option: /'([^']+)'/.exec((error as Error).message)?.[1] ?? '' }, o()));
}
const { values, positionals } = parsed;
if (values.lang !== undefined) {
	if (!isLocale(values.lang)) usage(m.cli_err_bad_option({ option: '--lang', reason: m.cli_err_lang({ value: values.lang }, o()) }, o()));
	locale = values.lang;
}
if (values.help) {
	console.log(m.def_cli_usage({}, o()));
	process.exit(0);
}
const [command, argument, ...rest] = positionals;
if (rest.length) usage(m.def_cli_unexpected({ args: rest.join(' ') }, o()));
// The author is recorded as a command-line user, whichever way the command goes.
const author = `cli:${values.author ?? os.userInfo().username}`;

function readDefinitions(file: string | undefined): unknown[] {
	if (!file) usage(m.def_cli_give_file({}, o()));
	if (!fs.existsSync(file)) usage(m.cli_err_no_file({ file }, o()));
	let content: unknown;
	try {
		content = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
	} catch (error) {
		console.error(m.def_bad_file({ file, detail: (error as Error).message }, o()));
		process.exit(1);
	}
	return Array.isArray(content) ? content : [content];
}

if (!['add', 'update', 'remove', 'list'].includes(command ?? '')) usage(m.def_cli_unknown_command({ command: command ?? '—' }, o()));
const inputs = command === 'add' || command === 'update' ? readDefinitions(argument) : [];
if (command === 'remove' && !argument) usage(m.def_cli_give_id({}, o()));

/** What the command does, the same through the server and on the file. */
interface Definitions {
	save(inputs: unknown[], mode: 'add' | 'update'): Promise<SaveResult>;
	retire(id: string): Promise<{ id: string; version: number } | null>;
	list(all: boolean): Promise<StoredDefinition[]>;
	close(): Promise<void>;
}

function definitionsOf(target: Target): Definitions {
	if (target.kind === 'file') {
		const db = target.db;
		return {
			save: (list, mode) => saveDefinitions(db, list, mode, author),
			retire: (id) => retireDefinition(db, id, author),
			list: (all) => currentDefinitions(db, { retired: all }),
			close: async () => {
				await db.checkpoint();
				db.close();
			}
		};
	}
	const { server } = target;
	const headers = { 'x-cli-user': author.slice('cli:'.length) };
	const refused = (answer: { status: number; body: unknown }) =>
		new CliError(
			m.cli_err_server(
				{ url: server.address, status: answer.status, message: (answer.body as { error?: { message?: string } })?.error?.message ?? '' },
				o()
			)
		);
	return {
		save: async (list, mode) => {
			const answer = await server.request('POST', '/api/definitions', { body: JSON.stringify({ mode, definitions: list }), headers });
			const body = answer.body as { saved?: { id: string; version: number }[]; error?: { failures?: Failure[] } };
			if (answer.status === 200 && body.saved) return { ok: true, saved: body.saved };
			if (answer.status === 400 && body.error?.failures) return { ok: false, failures: body.error.failures };
			throw refused(answer);
		},
		retire: async (id) => {
			const answer = await server.request('POST', `/api/definitions/${encodeURIComponent(id)}/retire`, { headers });
			if (answer.status === 404) return null;
			if (answer.status !== 200) throw refused(answer);
			return (answer.body as { retired: { id: string; version: number } }).retired;
		},
		list: async (all) =>
			(await server.json<{ definitions: StoredDefinition[] }>('GET', `/api/definitions${all ? '?all=1' : ''}`, { headers })).definitions,
		close: async () => {}
	};
}

try {
	const target = await openTarget(settings(), locale, { create: values.create, log: console.error });
	const definitions = definitionsOf(target);
	try {
		if (command === 'add' || command === 'update') {
			const result = await definitions.save(inputs, command);
			if (result.ok) for (const saved of result.saved) console.log(m.def_saved({ id: saved.id, version: saved.version }, o()));
			else {
				for (const failure of result.failures) {
					console.error(m.def_failure({ index: failure.index + 1, id: failure.id ?? '?' }, o()));
					for (const problem of failure.problems) console.error(`  ${problemText(problem, locale)}`);
				}
				console.error(m.def_nothing_saved({}, o()));
				process.exitCode = 1;
			}
		} else if (command === 'remove') {
			const retired = await definitions.retire(argument);
			if (retired) console.log(m.def_retired({ id: retired.id, version: retired.version }, o()));
			else {
				console.error(m.def_not_in_force({ id: argument }, o()));
				process.exitCode = 1;
			}
		} else {
			const list = await definitions.list(values.all);
			if (!list.length) console.log(m.def_list_empty({}, o()));
			for (const d of list) {
				const state = d.retired ? ` ${m.def_cli_retired({}, o())}` : '';
				console.log(
					`${d.id}\tv${d.version}${state}\t${m.def_cli_dataset({ dataset: d.definition.datasetId }, o())}\t${d.definition.name[locale]}\t${d.author}\t${d.createdAt}`
				);
			}
		}
	} finally {
		await definitions.close();
	}
} catch (error) {
	if (error instanceof CliError) console.error(`indicators: ${error.message}`);
	else throw error;
	process.exit(1);
}
