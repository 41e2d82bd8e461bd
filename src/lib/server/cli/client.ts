/**
 * A command-line tool's connection to the running server of its database, through the HTTP API
 * with the local administrator token (access.ts). Reusable by every tool: `runningServer` finds
 * the server, `request` and `json` call any route as an administrator.
 */
import http from 'node:http';
import os from 'node:os';
import type { Readable } from 'node:stream';
import type { Locale } from '../../domain/l10n';
import { CLI_USER_HEADER, readAccess, type LocalAccess } from './access';

export interface Answer {
	status: number;
	body: unknown;
}

/** The server answered with an error; `message` is in the tool's language. */
export class ServerError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export class ServerClient {
	constructor(
		private readonly access: LocalAccess,
		private readonly locale: Locale
	) {}

	/** Where the server answers, for messages. */
	get address(): string {
		return this.access.url ?? `unix:${this.access.socketPath}`;
	}

	/** One request; the body is streamed (a file) or sent whole (JSON text). Answers are JSON or text. */
	request(method: string, pathname: string, options: { body?: Readable | string; headers?: Record<string, string> } = {}): Promise<Answer> {
		const target = this.access.url ? new URL(pathname, this.access.url) : null;
		return new Promise((resolve, reject) => {
			const req = http.request(
				{
					method,
					...(target
						? { host: target.hostname, port: target.port, path: target.pathname + target.search }
						: { socketPath: this.access.socketPath!, path: pathname }),
					headers: {
						authorization: `Bearer ${this.access.token}`,
						[CLI_USER_HEADER]: os.userInfo().username,
						'accept-language': this.locale,
						accept: 'application/json',
						...(typeof options.body === 'string' ? { 'content-type': 'application/json' } : {}),
						...options.headers
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('error', reject);
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let body: unknown = text;
						if ((res.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
						resolve({ status: res.statusCode ?? 0, body });
					});
				}
			);
			req.on('error', reject);
			if (options.body === undefined) req.end();
			else if (typeof options.body === 'string') req.end(options.body);
			else options.body.on('error', (error) => req.destroy(error)).pipe(req);
		});
	}

	/** A request whose error answers become a ServerError with the server's message. */
	async json<T>(method: string, pathname: string, options: Parameters<ServerClient['request']>[2] = {}): Promise<T> {
		const answer = await this.request(method, pathname, options);
		if (answer.status >= 400) {
			const message = (answer.body as { error?: { message?: string } } | null)?.error?.message ?? String(answer.body).slice(0, 500);
			throw new ServerError(answer.status, message);
		}
		return answer.body as T;
	}
}

/** The server of this database folder when it runs and accepts the token; null when it does not. */
export async function runningServer(filesDir: string, locale: Locale): Promise<ServerClient | null> {
	const access = readAccess(filesDir);
	if (!access) return null;
	try {
		process.kill(access.pid, 0);
	} catch {
		return null;
	}
	const client = new ServerClient(access, locale);
	try {
		const answer = await client.request('GET', '/api/health');
		return answer.status === 200 && (answer.body as { local?: boolean }).local === true ? client : null;
	} catch {
		return null;
	}
}
