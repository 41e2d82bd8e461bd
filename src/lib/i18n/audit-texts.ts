/**
 * The change log as sentences in the reader's language: each entry's action and facts (the
 * JSON written by datasets/registry.ts `audit`) with the dataset's name, counts with their
 * nouns, roles and column types by their labels, never the codes they are stored as.
 */
import { isRole } from '../domain/roles';
import type { DatasetKind } from '../domain/ingest/mapping';
import type { Locale } from '../domain/l10n';
import * as m from '../paraglide/messages.js';
import { datasetName } from './data-texts';
import { counted } from './plural';

export interface AuditEntry {
	action: string;
	version: number | null;
	params: string | null;
	dataset_name: string | null;
	dataset_kind: string | null;
	dataset_demo: boolean | null;
}

type Label = (inputs: Record<string, never>, options: { locale?: Locale }) => string;

const ROLE: Record<string, Label> = { public: m.role_public, judge: m.role_judge, analyst: m.role_analyst, admin: m.role_admin };
const TYPE: Record<string, Label> = {
	date: m.type_date,
	number: m.type_number,
	boolean: m.type_boolean,
	region: m.type_region,
	text: m.type_text
};

export function auditSentence(entry: AuditEntry, locale: Locale): string {
	const o = { locale };
	const p = (entry.params ? JSON.parse(entry.params) : {}) as Record<string, string | number | boolean | undefined>;
	const text = (key: string) => String(p[key] ?? '');
	const records = (key: string) => counted(m.count_records, Number(p[key] ?? 0), locale);
	const role = (key: string) => (isRole(p[key]) ? ROLE[p[key] as string]({}, o) : text(key));
	const dataset =
		entry.dataset_name === null
			? ''
			: datasetName({ kind: entry.dataset_kind as DatasetKind, name: entry.dataset_name, is_demo: Boolean(entry.dataset_demo) }, locale);
	const version = String(entry.version ?? '');
	switch (entry.action) {
		case 'import_append':
		case 'import_replace':
			return (entry.action === 'import_append' ? m.audit_s_import_append : m.audit_s_import_replace)(
				{ dataset, version, file: text('file'), loaded: records('loaded'), rejected: records('rejected') },
				o
			);
		case 'import_refused':
			return (dataset ? m.audit_s_import_refused : m.audit_s_import_refused_new)(
				{ dataset, file: text('file'), read: records('read'), rejected: records('rejected') },
				o
			);
		case 'rollback':
			return m.audit_s_rollback({ dataset, version, from: text('from') }, o);
		case 'load':
			return m.audit_s_load({ dataset, version }, o);
		case 'column_setting':
			return m.audit_s_column_setting(
				{ dataset, column: text('column'), type: TYPE[text('type')]?.({}, o) ?? m.audit_s_column_auto({}, o) },
				o
			);
		case 'user_create':
			return m.audit_s_user_create({ login: text('login'), role: role('role') }, o);
		case 'user_update': {
			// Entries from before the change log held facts name the account by number only.
			if (p.login === undefined) return m.audit_s_user_update_old({ user: text('user') }, o);
			const changes = [
				...(p.role !== undefined ? [m.audit_s_role({ role: role('role') }, o)] : []),
				...(p.disabled !== undefined ? [(p.disabled ? m.audit_s_disabled : m.audit_s_enabled)({}, o)] : []),
				...(p.password ? [m.audit_s_password({}, o)] : [])
			];
			return changes.length
				? m.audit_s_user_update({ login: text('login'), changes: changes.join('; ') }, o)
				: m.audit_s_user_update_none({ login: text('login') }, o);
		}
		case 'user_delete':
			return p.login === undefined
				? m.audit_s_user_delete_old({ user: text('user') }, o)
				: m.audit_s_user_delete({ login: text('login') }, o);
		case 'wall_settings':
			return m.audit_s_wall(
				{ panels: counted(m.count_panels, Number(p.panels), locale), seconds: counted(m.count_seconds, Number(p.seconds), locale) },
				o
			);
		default:
			return m.audit_s_other({ action: entry.action }, o);
	}
}

/** Who did it: an account's login as stored; the start-up load and command-line tools in words. */
export function actorText(actor: string, locale: Locale): string {
	if (actor === 'system') return m.actor_system({}, { locale });
	if (actor.startsWith('cli:')) return m.actor_cli({ user: actor.slice(4) }, { locale });
	return actor;
}
