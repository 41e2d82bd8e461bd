/** Runs a command-line script of the project (scripts/*.ts) as a user does, on the database given in `env`. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server';

export function runScript(script: string, args: string[], env: Record<string, string>) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}
