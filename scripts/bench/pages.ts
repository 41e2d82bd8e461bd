/**
 * The JavaScript a browser downloads for each page: the page is loaded in Chromium and every
 * script it fetched is gzipped (level 9, as a server or CDN would send it) and summed.
 */
import zlib from 'node:zlib';
import { launchBrowser } from '../../tests/support/browser';

export interface PageWeight {
	path: string;
	scripts: number;
	rawBytes: number;
	gzipBytes: number;
}

export async function pageWeights(base: string, paths: readonly string[], cookie?: string): Promise<PageWeight[]> {
	const browser = await launchBrowser();
	try {
		const weights: PageWeight[] = [];
		for (const path of paths) {
			const context = await browser.newContext();
			if (cookie) {
				const [name, value] = cookie.split('=');
				await context.addCookies([{ name, value, url: base }]);
			}
			const page = await context.newPage();
			const bodies: Promise<Buffer>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') bodies.push(response.body());
			});
			await page.goto(base + path, { waitUntil: 'networkidle' });
			const scripts = await Promise.all(bodies);
			weights.push({
				path,
				scripts: scripts.length,
				rawBytes: scripts.reduce((sum, b) => sum + b.length, 0),
				gzipBytes: scripts.reduce((sum, b) => sum + zlib.gzipSync(b, { level: 9 }).length, 0)
			});
			await context.close();
		}
		return weights;
	} finally {
		await browser.close();
	}
}
