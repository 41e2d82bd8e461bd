/** Starts the built server as `npm start` does (scripts/serve.js, without the build check) in a child process on a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
	url: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

/** A port nobody listens on, so that the server's address is known before it starts. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export interface StartOptions {
	/** Largest file the server may write, in kB (the shell's `ulimit -f`): a full disk, simulated. */
	fileSizeLimitKb?: number;
}

export async function startServer(env: Record<string, string>, timeoutMs = 120_000, options: StartOptions = {}): Promise<RunningServer> {
	const port = await freePort();
	const entry = path.join(ROOT, 'scripts/serve.js');
	// bash counts ulimit -f in kB; Node ignores SIGXFSZ, so a write past the limit fails with EFBIG.
	const [command, args] = options.fileSizeLimitKb
		? ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$1"`, process.execPath, entry]]
		: [process.execPath, [entry]];
	const child = spawn(command, args, {
		cwd: ROOT,
		// No ORIGIN: the server takes its address from each request, as `npm start` does.
		// SHUTDOWN_TIMEOUT: adapter-node otherwise waits 30 s for idle keep-alive connections.
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			SHUTDOWN_TIMEOUT: '1',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs);
		const onData = (chunk: Buffer) => {
			log += chunk.toString();
			const match = /Listening on (http:\/\/\S+)/.exec(log);
			if (match) {
				clearTimeout(timer);
				resolve(match[1].replace('0.0.0.0', '127.0.0.1'));
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${log}`));
		});
	});
	return {
		url,
		process: child,
		output: () => log,
		stop: () =>
			new Promise((resolve) => {
				// A child killed by a signal has a signalCode and no exitCode.
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
