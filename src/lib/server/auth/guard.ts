/**
 * Server-side enforcement of roles. Every protected load, action and endpoint calls one of
 * these; hiding a button is never the protection.
 */
import { error } from '@sveltejs/kit';
import { hasRole, type Role } from '../../domain/roles';
import * as m from '../../paraglide/messages.js';

/** 401 without a session, 403 with a role below `needed`. */
export function requireRole(locals: App.Locals, needed: Role): void {
	if (needed === 'public') return;
	if (!locals.user) error(401, m.err_login_required());
	if (!hasRole(locals.user.role, needed)) error(403, m.err_forbidden());
}
