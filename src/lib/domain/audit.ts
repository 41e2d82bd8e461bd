/** The actions the audit log records (datasets/registry.ts writes them; the data page names each in the reader's language). */
export const AUDIT_ACTIONS = [
	'import_append',
	'import_replace',
	'import_refused',
	'rollback',
	/** Entries of databases loaded before imports were logged one by one. */
	'load',
	'column_setting',
	'user_create',
	'user_update',
	'user_delete'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
