/**
 * What a screenshot shows, measured by decoding it in the browser (no image library needed):
 * its size in pixels, how many colours it has, and the share of pixels that differ from its
 * most frequent colour (the page's background) — a blank or half-drawn page has few of either.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

export interface ImageStats {
	width: number;
	height: number;
	colours: number;
	/** Share (0–1) of pixels not of the background colour. */
	ink: number;
}

export async function imageStats(page: Page, file: string): Promise<ImageStats> {
	const dataUrl = `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
	// Decoded on a blank page: the app's Content-Security-Policy does not let its pages fetch a data: URL.
	// In a context of its own, as a page opened by browser.newPage() cannot open others in its context.
	const context = await page.context().browser()!.newContext();
	try {
		return await decode(await context.newPage(), dataUrl);
	} finally {
		await context.close();
	}
}

function decode(page: Page, dataUrl: string): Promise<ImageStats> {
	return page.evaluate(async (url) => {
		const bitmap = await createImageBitmap(await (await fetch(url)).blob());
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(bitmap, 0, 0);
		const pixels = new Uint32Array(context.getImageData(0, 0, bitmap.width, bitmap.height).data.buffer);
		const counts = new Map<number, number>();
		for (const p of pixels) counts.set(p, (counts.get(p) ?? 0) + 1);
		const background = Math.max(...counts.values());
		return { width: bitmap.width, height: bitmap.height, colours: counts.size, ink: 1 - background / pixels.length };
	}, dataUrl);
}
