/** Accounts: login, role, password hash, disabled flag. What is entered is checked by domain/accounts.ts. */
import {
	AccountChangeSchema,
	AccountRefSchema,
	checkAccount,
	NewAccountSchema,
	type StaffRole,
	type UserError
} from '../../domain/accounts';
import type { Role } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { hashPassword } from './passwords';
import { isWeakPassword } from './strength';

export interface UserRecord {
	user_id: number;
	login: string;
	role: Role;
	disabled: boolean;
	created_at: string;
}

export class UserInputError extends Error {
	constructor(readonly code: UserError) {
		super(code);
	}
}

/** The checked input, or a UserInputError with the code of its first problem. */
function accept<T>(checked: { ok: true; value: T } | { ok: false; code: UserError }): T {
	if (!checked.ok) throw new UserInputError(checked.code);
	return checked.value;
}

async function checkStrength(login: string, password: string | undefined): Promise<void> {
	if (password !== undefined && (await isWeakPassword(password, login))) throw new UserInputError('weak_password');
}

/** Creates an account from what was entered (login, role, password); answers it as stored. */
export async function createAccount(db: Queryable, input: unknown): Promise<{ id: number; login: string; role: StaffRole }> {
	const { login, role, password } = accept(checkAccount(NewAccountSchema, input));
	await checkStrength(login, password);
	const taken = await db.query('SELECT 1 FROM users WHERE login = $login', { login });
	if (taken.length) throw new UserInputError('login_taken');
	const [row] = await db.query<{ user_id: number }>(
		'INSERT INTO users (login, password_hash, role) VALUES ($login, $hash, $role) RETURNING user_id',
		{ login, hash: await hashPassword(password), role }
	);
	return { id: row.user_id, login, role };
}

export async function createUser(db: Queryable, login: string, role: string, password: string): Promise<number> {
	return (await createAccount(db, { login, role, password })).id;
}

export function listUsers(db: Queryable): Promise<UserRecord[]> {
	return db.query<UserRecord>('SELECT user_id, login, role, disabled, created_at FROM users ORDER BY login');
}

export async function findUserByLogin(db: Queryable, login: string) {
	const [row] = await db.query<UserRecord & { password_hash: string }>(
		'SELECT user_id, login, role, disabled, created_at, password_hash FROM users WHERE login = $login',
		{ login }
	);
	return row;
}

/** Refuses to leave the system without an active administrator. */
async function assertAdminRemains(db: Queryable, userId: number) {
	const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled AND user_id <> $id`, {
		id: userId
	});
	if (row.n === 0) throw new UserInputError('last_admin');
}

/** What an update changed, for the change log. */
export interface UserChange {
	login: string;
	role?: string;
	disabled?: boolean;
	password?: true;
}

/** Changes an account's role, status or password (each when given); answers what changed. */
export async function updateUser(db: Queryable, userId: unknown, change: Record<string, unknown>): Promise<UserChange> {
	const { id, ...wanted } = accept(checkAccount(AccountChangeSchema, { ...change, id: userId }));
	const [current] = await db.query<UserRecord>('SELECT user_id, login, role, disabled FROM users WHERE user_id = $id', { id });
	if (!current) throw new UserInputError('not_found');
	const role = wanted.role ?? current.role;
	await checkStrength(current.login, wanted.password);
	const losesAdmin = current.role === 'admin' && (role !== 'admin' || wanted.disabled === true);
	if (losesAdmin) await assertAdminRemains(db, id);
	await db.run('UPDATE users SET role = $role, disabled = $disabled WHERE user_id = $id', {
		id,
		role,
		disabled: wanted.disabled ?? current.disabled
	});
	if (wanted.password !== undefined) {
		await db.run('UPDATE users SET password_hash = $hash WHERE user_id = $id', { id, hash: await hashPassword(wanted.password) });
	}
	// A changed role, password or status takes effect at once: the user signs in again.
	await db.run('DELETE FROM sessions WHERE user_id = $id', { id });
	return {
		login: current.login,
		...(role !== current.role ? { role } : {}),
		...(wanted.disabled !== undefined && wanted.disabled !== current.disabled ? { disabled: wanted.disabled } : {}),
		...(wanted.password !== undefined ? { password: true as const } : {})
	};
}

/** Deletes an account; its login, for the change log. */
export async function deleteUser(db: Queryable, userId: unknown): Promise<string> {
	const { id } = accept(checkAccount(AccountRefSchema, { id: userId }));
	const [current] = await db.query<UserRecord>('SELECT user_id, login, role, disabled FROM users WHERE user_id = $id', { id });
	if (!current) throw new UserInputError('not_found');
	if (current.role === 'admin' && !current.disabled) await assertAdminRemains(db, id);
	await db.run('DELETE FROM sessions WHERE user_id = $id', { id });
	await db.run('DELETE FROM users WHERE user_id = $id', { id });
	return current.login;
}
