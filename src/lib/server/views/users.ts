/** The user-management actions of the admin page, with localised messages and an audit trail. */
import type { Locale } from '../../domain/l10n';
import * as m from '../../paraglide/messages.js';
import { createUser, deleteUser, listUsers, updateUser, UserInputError, type UserError } from '../auth/users';
import { audit } from '../datasets/registry';
import type { Database } from '../db/database';
import { bumpDataRevision } from '../db/revision';

const ERRORS: Record<UserError, (inputs: Record<string, never>, options: { locale?: Locale }) => string> = {
	bad_login: m.users_err_bad_login,
	bad_role: m.users_err_bad_role,
	short_password: m.users_err_short_password,
	weak_password: m.users_err_weak_password,
	login_taken: m.users_err_login_taken,
	not_found: m.users_err_not_found,
	last_admin: m.users_err_last_admin
};

/** A refused account change in the user's language (also for `npm run user:add`). */
export function userErrorText(code: UserError, locale?: Locale): string {
	return ERRORS[code]({}, { locale });
}

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

async function attempt(run: () => Promise<string>): Promise<ActionResult> {
	try {
		const message = await run();
		// Read replicas publish the accounts anew.
		bumpDataRevision();
		return { ok: true, message };
	} catch (error) {
		if (error instanceof UserInputError) return { ok: false, message: userErrorText(error.code) };
		throw error;
	}
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export { listUsers };

export function createFromForm(db: Database, actor: string, form: FormData): Promise<ActionResult> {
	return attempt(async () => {
		const login = text(form, 'login').toLowerCase();
		await createUser(db, login, text(form, 'role'), String(form.get('password') ?? ''));
		await audit(db, { actor, action: 'user_create', params: { login, role: text(form, 'role') } });
		return m.users_created_ok({ login });
	});
}

export function updateFromForm(db: Database, actor: string, form: FormData): Promise<ActionResult> {
	return attempt(async () => {
		const id = Number(form.get('id'));
		const password = String(form.get('password') ?? '');
		const disabled = form.get('disabled');
		const changed = await updateUser(db, id, {
			role: text(form, 'role') || undefined,
			disabled: disabled === null ? undefined : disabled === 'true',
			password: password ? password : undefined
		});
		await audit(db, { actor, action: 'user_update', params: { ...changed } });
		return m.users_saved_ok();
	});
}

export function deleteFromForm(db: Database, actor: string, form: FormData): Promise<ActionResult> {
	return attempt(async () => {
		const id = Number(form.get('id'));
		const login = await deleteUser(db, id);
		await audit(db, { actor, action: 'user_delete', params: { login } });
		return m.users_deleted_ok();
	});
}
