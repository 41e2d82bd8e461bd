/** The machine a benchmark ran on, as the report states it. */
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

export interface Machine {
	cpu: string;
	cores: number;
	ramGb: number;
	node: string;
	duckdb: string;
	os: string;
	date: string;
}

export function describeMachine(duckdbVersion: string): Machine {
	const require = createRequire(import.meta.url);
	const api = require('@duckdb/node-api/package.json') as { version: string };
	let distro = `${os.type()} ${os.release()}`;
	try {
		distro = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] + `, kernel ${os.release()}`;
	} catch {
		// Not Linux: the kernel name and release are enough.
	}
	return {
		cpu: os.cpus()[0]?.model ?? 'unknown',
		cores: os.availableParallelism(),
		ramGb: Math.round(os.totalmem() / 1024 ** 3),
		node: process.version,
		duckdb: `${duckdbVersion} (@duckdb/node-api ${api.version})`,
		os: distro,
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
	};
}
