/** The server process's database, opened once on first use (and awaited by the init hook). */
import type { Database } from './database';
import { openAppDatabase } from './bootstrap';

let opening: Promise<Database> | undefined;

export function database(): Promise<Database> {
	opening ??= openAppDatabase();
	return opening;
}
