/** The user-management actions of the admin page, with localised messages and an audit trail. */
import type { Locale } from '../../domain/l10n';
import * as m from '../../paraglide/messages.js';
import type { UserError } from '../../domain/accounts';
import { createAccount, deleteUser, listUsers, updateUser, UserInputError } from '../auth/users';
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
	last_admin: m.users_err_last_admin,
	bad_form: m.users_err_bad_form
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

export { listUsers };

/** What a form or a JSON body holds, as the account schemas take it (a file field is no text and is refused). */
export type Entered = Record<string, unknown>;

export const formEntries = (form: FormData): Entered => Object.fromEntries(form);

export function createFromForm(db: Database, actor: string, input: Entered): Promise<ActionResult> {
	return attempt(async () => {
		const { login, role } = await createAccount(db, input);
		await audit(db, { actor, action: 'user_create', params: { login, role } });
		return m.users_created_ok({ login });
	});
}

export function updateFromForm(db: Database, actor: string, input: Entered): Promise<ActionResult> {
	return attempt(async () => {
		const changed = await updateUser(db, input.id, input);
		await audit(db, { actor, action: 'user_update', params: { ...changed } });
		return m.users_saved_ok();
	});
}

export function deleteFromForm(db: Database, actor: string, input: Entered): Promise<ActionResult> {
	return attempt(async () => {
		const login = await deleteUser(db, input.id);
		await audit(db, { actor, action: 'user_delete', params: { login } });
		return m.users_deleted_ok();
	});
}
