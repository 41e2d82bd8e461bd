/**
 * Creates an account: `npm run user:add -- --role admin --login NAME`.
 * The password is read from USER_PASSWORD, or asked for twice without echo.
 * Run it while the server is stopped (DuckDB allows one process per database file).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createUser, UserInputError } from '../src/lib/server/auth/users';
import { settings } from '../src/lib/server/config';
import { Database } from '../src/lib/server/db/database';
import { migrate } from '../src/lib/server/db/migrations';

const USAGE = 'Usage: npm run user:add -- --role judge|analyst|admin --login NAME   (password from USER_PASSWORD or a prompt)';

const MESSAGES: Record<string, string> = {
	bad_login: 'the login must be 2–32 characters: lowercase Latin letters, digits, dot, hyphen, underscore',
	bad_role: 'the role must be judge, analyst or admin',
	short_password: 'the password must be at least 10 characters long',
	weak_password: 'the password is too common or easy to guess (a repeat, a sequence, a keyboard pattern, a common word or the login)',
	login_taken: 'this login already exists'
};

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
	if (!process.stdin.isTTY) throw new Error('set USER_PASSWORD or run in a terminal to type the password');
	const first = await readHidden('Password: ');
	const second = await readHidden('Repeat the password: ');
	if (first !== second) throw new Error('the two passwords differ');
	return first;
}

const { values } = parseArgs({ options: { role: { type: 'string' }, login: { type: 'string' } } });
if (!values.role || !values.login) {
	console.error(USAGE);
	process.exit(2);
}

try {
	const secret = await password();
	const file = settings().databasePath;
	const db = await Database.open(file).catch((error: Error) => {
		throw new Error(
			`cannot open ${file}: ${/lock/i.test(error.message) ? 'the server is using it; stop the server first' : error.message}`
		);
	});
	await migrate(db);
	const id = await createUser(db, values.login.toLowerCase(), values.role, secret);
	await db.checkpoint();
	db.close();
	console.log(`Created user ${values.login.toLowerCase()} (${values.role}), id ${id}, in ${file}.`);
} catch (error) {
	const message = error instanceof UserInputError ? MESSAGES[error.code] : (error as Error).message;
	console.error(`user:add: ${message}`);
	process.exit(1);
}
