/**
 * The JavaScript a page loads, gzipped: opens each URL in Chromium, collects every script it
 * requests from the app (entry, route chunks, imports), and sums the gzip size of those files
 * of the build output (build/client), compressed at level 9 as adapter-node precompresses them.
 *
 *   npx tsx scripts/measure-page-js.ts http://localhost:3000/ http://localhost:3000/indicators/incoming
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/support/browser';

const CLIENT = path.resolve('build/client');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const url of process.argv.slice(2)) {
	const page = await browser.newPage();
	const scripts = new Set<string>();
	page.on('request', (request) => {
		const { origin, pathname } = new URL(request.url());
		if (origin === new URL(url).origin && pathname.endsWith('.js')) scripts.add(pathname);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	let raw = 0;
	let gz = 0;
	for (const script of scripts) {
		const file = fs.readFileSync(path.join(CLIENT, script));
		raw += file.length;
		gz += zlib.gzipSync(file, { level: 9 }).length;
	}
	console.log(`${url}: ${scripts.size} scripts, ${(raw / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB`);
	await page.close();
}
await browser.close();
