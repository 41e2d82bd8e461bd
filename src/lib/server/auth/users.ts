/** Accounts: login, role, password hash, disabled flag. */
import { isRole, type Role } from '../../domain/roles';
import type { Queryable } from '../db/database';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { isWeakPassword } from './strength';

export interface UserRecord {
	user_id: number;
	login: string;
	role: Role;
	disabled: boolean;
	created_at: string;
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export type UserError = 'bad_login' | 'bad_role' | 'short_password' | 'weak_password' | 'login_taken' | 'not_found' | 'last_admin';

export class UserInputError extends Error {
	constructor(readonly code: UserError) {
		super(code);
	}
}

function check(login: string, role: string, password?: string): asserts role is Role {
	if (!LOGIN_PATTERN.test(login)) throw new UserInputError('bad_login');
	if (!isRole(role) || role === 'public') throw new UserInputError('bad_role');
	if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) throw new UserInputError('short_password');
}

async function checkStrength(login: string, password: string | undefined): Promise<void> {
	if (password !== undefined && (await isWeakPassword(password, login))) throw new UserInputError('weak_password');
}

export async function createUser(db: Queryable, login: string, role: string, password: string): Promise<number> {
	check(login, role, password);
	await checkStrength(login, password);
	const taken = await db.query('SELECT 1 FROM users WHERE login = $login', { login });
	if (taken.length) throw new UserInputError('login_taken');
	const [row] = await db.query<{ user_id: number }>(
		'INSERT INTO users (login, password_hash, role) VALUES ($login, $hash, $role) RETURNING user_id',
		{ login, hash: await hashPassword(password), role }
	);
	return row.user_id;
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

export async function updateUser(
	db: Queryable,
	userId: number,
	change: { role?: string; disabled?: boolean; password?: string }
): Promise<UserChange> {
	const [current] = await db.query<UserRecord>('SELECT user_id, login, role, disabled FROM users WHERE user_id = $id', { id: userId });
	if (!current) throw new UserInputError('not_found');
	const role = change.role ?? current.role;
	check(current.login, role, change.password);
	await checkStrength(current.login, change.password);
	const losesAdmin = current.role === 'admin' && (role !== 'admin' || change.disabled === true);
	if (losesAdmin) await assertAdminRemains(db, userId);
	await db.run('UPDATE users SET role = $role, disabled = $disabled WHERE user_id = $id', {
		id: userId,
		role,
		disabled: change.disabled ?? current.disabled
	});
	if (change.password !== undefined) {
		await db.run('UPDATE users SET password_hash = $hash WHERE user_id = $id', { id: userId, hash: await hashPassword(change.password) });
	}
	// A changed role, password or status takes effect at once: the user signs in again.
	await db.run('DELETE FROM sessions WHERE user_id = $id', { id: userId });
	return {
		login: current.login,
		...(role !== current.role ? { role } : {}),
		...(change.disabled !== undefined && change.disabled !== current.disabled ? { disabled: change.disabled } : {}),
		...(change.password !== undefined ? { password: true as const } : {})
	};
}

/** Deletes an account; its login, for the change log. */
export async function deleteUser(db: Queryable, userId: number): Promise<string> {
	const [current] = await db.query<UserRecord>('SELECT user_id, login, role, disabled FROM users WHERE user_id = $id', { id: userId });
	if (!current) throw new UserInputError('not_found');
	if (current.role === 'admin' && !current.disabled) await assertAdminRemains(db, userId);
	await db.run('DELETE FROM sessions WHERE user_id = $id', { id: userId });
	await db.run('DELETE FROM users WHERE user_id = $id', { id: userId });
	return current.login;
}
