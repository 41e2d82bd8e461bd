/**
 * The local administrator credential of the command-line tools. The server (the writer) writes
 * a random token and the address it answers at into a file in its database's folder, readable by
 * the owner only; a request bearing that token acts as an administrator named after the tool's
 * user, so that imports, accounts and definitions need no stop of the service.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionUser } from '../auth/sessions';

export interface LocalAccess {
	/** `http://127.0.0.1:3000`, or null with `socketPath`. */
	url: string | null;
	socketPath: string | null;
	token: string;
	pid: number;
}

/** Header naming the operating-system user of a tool, recorded as the actor (`cli:NAME`). */
export const CLI_USER_HEADER = 'x-cli-user';

export const accessFile = (filesDir: string) => path.join(filesDir, 'access.json');

let token: Buffer | null = null;

export function readAccess(filesDir: string): LocalAccess | null {
	try {
		return JSON.parse(fs.readFileSync(accessFile(filesDir), 'utf8')) as LocalAccess;
	} catch {
		return null;
	}
}

/** Where this process answers, from adapter-node's settings (HOST, PORT, SOCKET_PATH). */
export function localAddress(env: NodeJS.ProcessEnv = process.env): Pick<LocalAccess, 'url' | 'socketPath'> {
	if (env.SOCKET_PATH) return { url: null, socketPath: path.resolve(env.SOCKET_PATH) };
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
	return { url: `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT || '3000'}`, socketPath: null };
}

/** Writes a new token for this process; the file goes when the process exits. */
export function openLocalAccess(filesDir: string, address = localAddress()): void {
	const secret = randomBytes(32).toString('base64url');
	fs.mkdirSync(filesDir, { recursive: true, mode: 0o700 });
	const file = accessFile(filesDir);
	const temporary = `${file}.${process.pid}`;
	fs.writeFileSync(temporary, JSON.stringify({ ...address, token: secret, pid: process.pid } satisfies LocalAccess), { mode: 0o600 });
	fs.renameSync(temporary, file);
	token = Buffer.from(secret);
	process.once('exit', () => {
		if (readAccess(filesDir)?.pid === process.pid) fs.rmSync(file, { force: true });
	});
}

/** The tool's user when the request bears this process's token; null otherwise. */
export function localAdmin(request: Request): SessionUser | null {
	const header = request.headers.get('authorization');
	if (!token || !header?.startsWith('Bearer ')) return null;
	const given = Buffer.from(header.slice('Bearer '.length));
	if (given.length !== token.length || !timingSafeEqual(given, token)) return null;
	const name = (request.headers.get(CLI_USER_HEADER) ?? '').replace(/[^\w.-]/g, '').slice(0, 32) || 'unknown';
	return { id: 0, login: `cli:${name}`, role: 'admin' };
}
