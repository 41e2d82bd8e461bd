/**
 * Load on loopback: concurrent clients cycling through the dashboard's views for a fixed time,
 * optionally while an import streams in through the web upload; used by `npm run bench` at
 * national scale and by tests/load.test.ts at a small one.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import autocannon from 'autocannon';
import { postUpload } from '../../tests/support/uploads';
import type { ViewSpec } from './views';

export interface LoadFigures {
	requests: number;
	errors: number;
	timeouts: number;
	non2xx: number;
	p50: number;
	p99: number;
	max: number;
	perSecond: number;
}

export async function load(
	base: string,
	views: readonly ViewSpec[],
	options: { connections: number; seconds: number }
): Promise<LoadFigures> {
	const result = await autocannon({
		url: base,
		connections: options.connections,
		duration: options.seconds,
		timeout: 30,
		requests: views.map((v) => ({ method: 'GET', path: v.url }))
	});
	return {
		requests: result.requests.total,
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		p50: result.latency.p50,
		p99: result.latency.p99,
		max: result.latency.max,
		perSecond: result.requests.average
	};
}

/**
 * A copy of a case records CSV (its first `rows` records) whose case ids and numbers are
 * prefixed, so that it can be appended to a database already holding the original rows without
 * duplicate keys.
 */
export async function prefixedCases(source: string, target: string, prefix: string, rows = Infinity): Promise<void> {
	const out = fs.createWriteStream(target);
	let read = -1;
	for await (const line of readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity })) {
		const text = read < 0 ? line : prefix + line.replace(',', ',' + prefix);
		if (!out.write(text + '\n')) await once(out, 'drain');
		if (++read >= rows) break;
	}
	await new Promise((resolve) => out.end(resolve));
}

/** Starts an import of `file` through the web upload as the signed-in `cookie`; resolves to the job id. */
export async function startUpload(base: string, cookie: string, file: string, kind: string): Promise<string> {
	const response = await postUpload(base, cookie, fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
		kind,
		fileName: path.basename(file)
	});
	if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
	return (await response.json()).id;
}
