/**
 * Versioned schema migrations. A migration, once released, is never edited: a change is a new
 * entry. Each runs in its own transaction and is recorded in `schema_migrations`.
 */
import { randomBytes } from 'node:crypto';
import { CANONICAL_TABLES, SQL_TYPE, type CanonicalTable } from '../../domain/schema';
import type { Database } from './database';

export interface Migration {
	version: number;
	name: string;
	statements: string[];
}

/** Columns every canonical row carries to know which dataset version brought it. */
const LINEAGE_COLUMNS = ['dataset_id INTEGER NOT NULL', 'dataset_version INTEGER NOT NULL'];

function canonicalTableSql(table: CanonicalTable): string {
	const columns = table.fields.map((f) => `${f.name} ${SQL_TYPE[f.type]}`);
	return `CREATE TABLE ${table.table} (${[...columns, ...LINEAGE_COLUMNS].join(', ')})`;
}

/** The English details the change log was written with before migration 8: actions, pattern, the fields its groups hold. */
const LEGACY_DETAILS: [string[], string, [string, 'text' | 'number'][]][] = [
	[
		['import_append', 'import_replace'],
		'^(.*): (\\d+) loaded, (\\d+) rejected$',
		[
			['file', 'text'],
			['loaded', 'number'],
			['rejected', 'number']
		]
	],
	[
		['import_refused'],
		'^(.*): (\\d+) of (\\d+) rows rejected$',
		[
			['file', 'text'],
			['rejected', 'number'],
			['read', 'number']
		]
	],
	[['rollback'], '^from version (\\d+)$', [['from', 'number']]],
	[
		['user_create'],
		'^(.*) \\((\\w+)\\)$',
		[
			['login', 'text'],
			['role', 'text']
		]
	],
	[['user_update', 'user_delete'], '^user (\\d+)$', [['user', 'number']]],
	[
		['column_setting'],
		'^(.*): (\\w+)$',
		[
			['column', 'text'],
			['type', 'text']
		]
	]
];

export const MIGRATIONS: Migration[] = [
	{
		version: 1,
		name: 'canonical tables, directories, datasets',
		statements: [
			canonicalTableSql(CANONICAL_TABLES.cases),
			canonicalTableSql(CANONICAL_TABLES.fraud),
			canonicalTableSql(CANONICAL_TABLES.court_stats),
			`CREATE TABLE regions (code VARCHAR PRIMARY KEY, kato VARCHAR NOT NULL, name_ru VARCHAR, name_kk VARCHAR, name_en VARCHAR, population BIGINT NOT NULL)`,
			`CREATE TABLE courts (court_id VARCHAR PRIMARY KEY, region VARCHAR NOT NULL, kind VARCHAR NOT NULL, name_ru VARCHAR, name_kk VARCHAR, name_en VARCHAR)`,
			`CREATE TABLE categories (category VARCHAR PRIMARY KEY, case_type VARCHAR NOT NULL, name_ru VARCHAR, name_kk VARCHAR, name_en VARCHAR)`,
			`CREATE SEQUENCE dataset_id_seq START 1`,
			`CREATE TABLE datasets (
				dataset_id INTEGER PRIMARY KEY DEFAULT nextval('dataset_id_seq'),
				kind VARCHAR NOT NULL,
				name VARCHAR NOT NULL,
				current_version INTEGER NOT NULL DEFAULT 0,
				is_demo BOOLEAN NOT NULL DEFAULT false,
				created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
			)`,
			`CREATE TABLE dataset_versions (
				dataset_id INTEGER NOT NULL,
				version INTEGER NOT NULL,
				mode VARCHAR NOT NULL,
				status VARCHAR NOT NULL,
				rows_loaded BIGINT NOT NULL,
				rows_rejected BIGINT NOT NULL,
				source_name VARCHAR,
				source_sha256 VARCHAR,
				source_bytes BIGINT,
				uploaded_by VARCHAR,
				uploaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
				PRIMARY KEY (dataset_id, version)
			)`,
			`CREATE SEQUENCE audit_id_seq START 1`,
			`CREATE TABLE audit_log (
				id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
				occurred_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
				actor VARCHAR,
				action VARCHAR NOT NULL,
				dataset_id INTEGER,
				version INTEGER,
				detail VARCHAR
			)`,
			// Links each proceeding to its review at the next instance; rebuilt after every data change.
			`CREATE TABLE case_links (case_id VARCHAR, next_case_id VARCHAR, next_filed_date DATE, next_decided_date DATE, next_outcome VARCHAR)`
		]
	},
	{
		version: 2,
		name: 'accounts, sessions, login throttling',
		statements: [
			`CREATE SEQUENCE user_id_seq START 1`,
			`CREATE TABLE users (
				user_id INTEGER PRIMARY KEY DEFAULT nextval('user_id_seq'),
				login VARCHAR NOT NULL UNIQUE,
				password_hash VARCHAR NOT NULL,
				role VARCHAR NOT NULL,
				disabled BOOLEAN NOT NULL DEFAULT false,
				created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
			)`,
			// Only a hash of the session token is stored: a copy of the database opens no session.
			`CREATE TABLE sessions (
				token_hash VARCHAR PRIMARY KEY,
				user_id INTEGER NOT NULL,
				created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
				expires_at TIMESTAMP NOT NULL
			)`,
			`CREATE TABLE login_failures (login VARCHAR NOT NULL, address VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`
		]
	},
	{
		version: 3,
		name: 'uploads: archives of replaced rows, rejects, columns of other datasets',
		statements: [
			// Rows a replace retired, kept so that a rollback can bring them back.
			...Object.values(CANONICAL_TABLES).map(
				(t) => `CREATE TABLE ${t.table}_archive AS SELECT *, CAST(NULL AS INTEGER) AS retired_in FROM ${t.table} LIMIT 0`
			),
			`CREATE TABLE import_rejects (dataset_id INTEGER NOT NULL, version INTEGER NOT NULL, line BIGINT, column_name VARCHAR, value VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR)`,
			`CREATE TABLE other_columns (dataset_id INTEGER NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL, name VARCHAR NOT NULL, type VARCHAR NOT NULL, PRIMARY KEY (dataset_id, version, position))`,
			// How the file was read (format, mapping), as JSON for the version history.
			`ALTER TABLE dataset_versions ADD COLUMN details VARCHAR`
		]
	},
	{
		version: 4,
		name: 'uploaded datasets: column settings, import profiles, indicators defined as data',
		statements: [
			// A user's reading of an "other" dataset's column, by header: kept across its versions.
			`CREATE TABLE other_column_settings (dataset_id INTEGER NOT NULL, column_name VARCHAR NOT NULL, type VARCHAR, value_codes VARCHAR, PRIMARY KEY (dataset_id, column_name))`,
			// Confirmed header and value mappings of a file layout, reused for the next file of that layout.
			`CREATE TABLE import_profiles (name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, layout VARCHAR NOT NULL, headers VARCHAR NOT NULL, value_codes VARCHAR NOT NULL, updated_by VARCHAR, updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
			// Every version of every indicator defined as data; the highest version is in force unless retired.
			`CREATE TABLE indicator_definitions (id VARCHAR NOT NULL, version INTEGER NOT NULL, definition VARCHAR NOT NULL, retired BOOLEAN NOT NULL DEFAULT false, author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp, PRIMARY KEY (id, version))`
		]
	},
	{
		version: 5,
		name: 'sign-in: failures by device, device cookies',
		statements: [
			// The hash of the device cookie an attempt came with, when it had signed in to that login before.
			`ALTER TABLE login_failures ADD COLUMN device VARCHAR`,
			`CREATE TABLE login_devices (token_hash VARCHAR NOT NULL, login VARCHAR NOT NULL, expires_at TIMESTAMP NOT NULL, PRIMARY KEY (token_hash, login))`
		]
	},
	{
		version: 6,
		name: 'demo data: the scale it was generated at',
		// Pages say what share of the national volume synthetic counts and amounts stand for (scale 10 = national).
		statements: [`ALTER TABLE datasets ADD COLUMN demo_scale DOUBLE`]
	},
	{
		version: 7,
		name: "disclosure control: the key of the public figures' perturbation",
		// A secret made here, once per database (hex of random bytes, not input): see disclosure/key.ts.
		statements: [
			`CREATE TABLE disclosure_key (secret VARCHAR NOT NULL)`,
			`INSERT INTO disclosure_key VALUES ('${randomBytes(32).toString('hex')}')`
		]
	},
	{
		version: 8,
		name: 'settings an administrator edits in the UI (the wall); facts of the change log as data',
		statements: [
			`CREATE TABLE app_settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL, updated_by VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
			// The change log is shown as sentences in the reader's language: its facts as JSON, not English text.
			`ALTER TABLE audit_log ADD COLUMN params VARCHAR`,
			...LEGACY_DETAILS.map(
				([actions, pattern, fields]) =>
					`UPDATE audit_log SET params = json_object(${fields.map(([name, type], i) => `'${name}', ${type === 'number' ? `CAST(regexp_extract(detail, '${pattern}', ${i + 1}) AS BIGINT)` : `regexp_extract(detail, '${pattern}', ${i + 1})`}`).join(', ')})
					WHERE action IN (${actions.map((a) => `'${a}'`).join(', ')}) AND regexp_matches(detail, '${pattern}')`
			)
		]
	}
];

export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
	await db.run(
		`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`
	);
	const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
	const applied: number[] = [];
	for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
		if (done.has(migration.version)) continue;
		await db.transaction(async (tx) => {
			for (const statement of migration.statements) await tx.run(statement);
			await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($version, $name)', {
				version: migration.version,
				name: migration.name
			});
		});
		applied.push(migration.version);
	}
	return applied;
}
