/**
 * Where a command-line tool does its work: through the running server of its database when
 * there is one (the service keeps running), else on the database file itself.
 */
import fs from 'node:fs';
import type { Locale } from '../../domain/l10n';
import * as m from '../../paraglide/messages.js';
import type { Settings } from '../config';
import { Database } from '../db/database';
import { syncDirectories } from '../db/directories';
import { migrate } from '../db/migrations';
import { runningServer, type ServerClient } from './client';

export type Target = { kind: 'server'; server: ServerClient } | { kind: 'file'; db: Database };

/** A refusal already worded for the user, in the run's language. */
export class CliError extends Error {}

export interface TargetOptions {
	/** Create the database file when it does not exist (else refuse: a mistyped path). */
	create: boolean;
	memoryLimit?: string;
	/** Says which way the tool works (stderr). */
	log: (message: string) => void;
}

export async function openTarget(s: Settings, locale: Locale, options: TargetOptions): Promise<Target> {
	const server = await runningServer(s.filesDir, locale);
	if (server) {
		options.log(m.cli_via_server({ url: server.address }, { locale }));
		return { kind: 'server', server };
	}
	const file = s.databasePath;
	if (!fs.existsSync(file) && !options.create) throw new CliError(m.cli_err_no_database({ file }, { locale }));
	let db: Database;
	try {
		db = await Database.open(file, { threads: s.duckdbThreads || undefined, memoryLimit: options.memoryLimit });
	} catch (error) {
		const detail = (error as Error).message;
		if (/lock/i.test(detail)) throw new CliError(m.cli_err_locked({ file, detail: detail.split('\n')[0] }, { locale }));
		throw error;
	}
	await migrate(db);
	await db.transaction((tx) => syncDirectories(tx));
	options.log(m.cli_via_file({ file }, { locale }));
	return { kind: 'file', db };
}
