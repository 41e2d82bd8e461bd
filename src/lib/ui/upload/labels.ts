/** Names of version statuses, modes and audit actions on the data pages. */
import type { AuditAction } from '$lib/domain/audit';
import type { Locale } from '$lib/domain/l10n';
import { formatDateTime } from '$lib/i18n/intl';
import * as m from '$lib/paraglide/messages';

const STATUS: Record<string, () => string> = {
	active: m.status_active,
	superseded: m.status_superseded,
	rolled_back: m.status_rolled_back
};
const MODE: Record<string, () => string> = { append: m.mode_append, replace: m.mode_replace };
const ACTION: Record<AuditAction, () => string> = {
	import_append: m.audit_import_append,
	import_replace: m.audit_import_replace,
	import_refused: m.audit_import_refused,
	rollback: m.audit_rollback,
	load: m.audit_load,
	column_setting: m.audit_column_setting,
	user_create: m.audit_user_create,
	user_update: m.audit_user_update,
	user_delete: m.audit_user_delete
};

export const statusText = (status: string) => STATUS[status]?.() ?? status;
export const modeText = (mode: string) => MODE[mode]?.() ?? mode;
// Entries written by a later version may name an action this one does not know: shown as written.
export const auditActionText = (action: string) => ACTION[action as AuditAction]?.() ?? action;

/** A timestamp (ISO, UTC) as date and time in the reader's language. */
export function formatWhen(iso: string, locale: Locale): string {
	return formatDateTime(new Date(iso), locale);
}
