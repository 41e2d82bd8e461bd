/**
 * Staff accounts as they are entered — the Users page's forms, POST /api/users and
 * `npm run user:add` — checked by one valibot schema per action. A refusal is one code
 * (UserError), which the server words in the user's language.
 */
import * as v from 'valibot';
import { ROLES, type Role } from './roles';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const MIN_PASSWORD_LENGTH = 10;

export type UserError =
	| 'bad_login'
	| 'bad_role'
	| 'short_password'
	| 'weak_password'
	| 'login_taken'
	| 'not_found'
	| 'last_admin'
	/** Not the fields the page's forms send: a form altered or out of date. */
	| 'bad_form';

/** The roles an account may have: "public" is the visitor who has none. */
export type StaffRole = Exclude<Role, 'public'>;
export const STAFF_ROLES = ROLES.filter((r): r is StaffRole => r !== 'public');

const login = v.pipe(v.string('bad_login'), v.trim(), v.toLowerCase(), v.regex(LOGIN_PATTERN, 'bad_login'));
const role = v.picklist(STAFF_ROLES, 'bad_role');
const password = v.pipe(v.string('short_password'), v.minLength(MIN_PASSWORD_LENGTH, 'short_password'));
/** An account's number, from a form (text) or JSON. */
const id = v.pipe(v.union([v.number(), v.string()], 'not_found'), v.transform(Number), v.integer('not_found'), v.minValue(1, 'not_found'));
/** A form's empty field leaves the setting as it is. */
const unlessBlank = <S extends v.GenericSchema<unknown, unknown, v.BaseIssue<unknown>>>(schema: S) =>
	v.pipe(
		v.optional(v.unknown()),
		v.transform((value) => (value === '' ? undefined : value)),
		v.optional(schema)
	);

export const NewAccountSchema = v.object({ login, role, password }, 'bad_form');
export const AccountChangeSchema = v.object(
	{
		id,
		role: unlessBlank(role),
		disabled: unlessBlank(
			v.pipe(
				v.union([v.boolean(), v.picklist(['true', 'false'])], 'bad_form'),
				v.transform((d) => d === true || d === 'true')
			)
		),
		password: unlessBlank(password)
	},
	'bad_form'
);
export const AccountRefSchema = v.object({ id }, 'bad_form');

export type NewAccount = v.InferOutput<typeof NewAccountSchema>;
export type AccountChange = v.InferOutput<typeof AccountChangeSchema>;

/** The sign-in form: both fields filled in (whether they match an account is the server's to say). */
export const SignInSchema = v.object({
	login: v.pipe(v.string(), v.trim(), v.nonEmpty()),
	password: v.pipe(v.string(), v.nonEmpty()),
	/** Where to go after signing in. */
	next: v.optional(v.string(), '')
});

type Checked<T> = { ok: true; value: T } | { ok: false; code: UserError };

/** The input as its schema reads it, or the code of its first problem. */
export function checkAccount<S extends typeof NewAccountSchema | typeof AccountChangeSchema | typeof AccountRefSchema>(
	schema: S,
	input: unknown
): Checked<v.InferOutput<S>> {
	const result = v.safeParse(schema, input);
	return result.success ? { ok: true, value: result.output } : { ok: false, code: result.issues[0].message as UserError };
}
