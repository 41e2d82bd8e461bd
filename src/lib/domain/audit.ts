/** The actions the audit log records (datasets/registry.ts writes them; i18n/audit-texts.ts words each entry in the reader's language). */
export type AuditAction =
	| 'import_append'
	| 'import_replace'
	| 'import_refused'
	| 'rollback'
	/** Entries of databases loaded before imports were logged one by one. */
	| 'load'
	| 'column_setting'
	| 'user_create'
	| 'user_update'
	| 'user_delete'
	| 'wall_settings';
