/**
 * Creates an account: `npm run user:add -- --role admin --login NAME [--lang ru|kk|en] [--create]`.
 * The password is read from USER_PASSWORD, or asked for twice without echo. While the server
 * of the database runs, the account is created through its API; otherwise in the database file,
 * which must exist unless --create is given (a mistyped DATABASE_PATH is refused).
 */
import os from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../src/lib/domain/l10n';
import * as m from '../src/lib/paraglide/messages.js';
import { createUser, UserInputError } from '../src/lib/server/auth/users';
import { environmentLocale } from '../src/lib/server/cli/locale';
import { CliError, openTarget } from '../src/lib/server/cli/target';
import { settings } from '../src/lib/server/config';
import { audit } from '../src/lib/server/datasets/registry';
import { userErrorText } from '../src/lib/server/views/users';

let locale: Locale = environmentLocale();
const o = () => ({ locale });

function usage(message: string): never {
	console.error(`${message}\n${m.cli_usage_user_add({}, o())}`);
	process.exit(2);
}

function readHidden(prompt: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		// Echo nothing of what is typed.
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
			if (s.includes(prompt)) process.stdout.write(prompt);
		};
		rl.question(prompt, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

async function password(): Promise<string> {
	if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
	if (!process.stdin.isTTY) throw new CliError(m.cli_password_needed({}, o()));
	const first = await readHidden(m.cli_password({}, o()));
	const second = await readHidden(m.cli_password_repeat({}, o()));
	if (first !== second) throw new CliError(m.cli_password_differ({}, o()));
	return first;
}

let parsed;
try {
	parsed = parseArgs({
		options: { role: { type: 'string' }, login: { type: 'string' }, lang: { type: 'string' }, create: { type: 'boolean', default: false } }
	});
} catch (error) {
	usage(m.cli_err_unknown_option({ option: /'([^']+)'/.exec((error as Error).message)?.[1] ?? '' }, o()));
}
const { values } = parsed;
if (values.lang !== undefined) {
	if (!isLocale(values.lang)) usage(m.cli_err_bad_option({ option: '--lang', reason: m.cli_err_lang({ value: values.lang }, o()) }, o()));
	locale = values.lang;
}
if (!values.role || !values.login) usage(m.cli_err_role_login({}, o()));
const login = values.login.toLowerCase();
const role = values.role;

try {
	const secret = await password();
	const s = settings();
	const target = await openTarget(s, locale, { create: values.create, log: console.error });
	if (target.kind === 'server') {
		const { message } = await target.server.json<{ message: string }>('POST', '/api/users', {
			body: JSON.stringify({ login, role, password: secret })
		});
		console.log(m.cli_user_created_server({ message, url: target.server.address }, o()));
	} else {
		try {
			await createUser(target.db, login, role, secret);
			await audit(target.db, { actor: `cli:${os.userInfo().username}`, action: 'user_create', params: { login, role } });
			await target.db.checkpoint();
		} finally {
			target.db.close();
		}
		console.log(m.cli_user_created_file({ login, role, file: s.databasePath }, o()));
	}
} catch (error) {
	if (error instanceof UserInputError) console.error(`user:add: ${userErrorText(error.code, locale)}`);
	else if (error instanceof CliError || (error as { status?: number }).status) console.error(`user:add: ${(error as Error).message}`);
	else throw error;
	process.exit(1);
}
