/** System Chromium driven by playwright-core (no browser download). */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
}

/**
 * Waits until the page has hydrated (the root layout marks `<html data-hydrated>`): a control used
 * before then does nothing, e.g. a chart's table toggle or a select that fetches on change.
 */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Waits until the page's streamed sections have all arrived (src/lib/ui/charts/Pending.svelte). */
export async function streamed(page: Page): Promise<void> {
	await page.waitForFunction(() => !document.querySelector('[data-testid="pending"]'));
}

/**
 * Waits until the charts have drawn: a chart draws once the page has hydrated and measured its
 * width (Chart.svelte), so a control clicked or a drawing read before then is not there yet.
 * `scope` is the page (its first chart, then every streamed section) or a part of it (its first
 * chart, e.g. one figure in a section that streams in).
 */
export async function chartsDrawn(scope: Page | Locator): Promise<void> {
	await scope.locator('.plot svg').first().waitFor();
	await streamed('page' in scope ? scope.page() : scope);
}

/**
 * The pairs of `selector`'s elements inside `scope` whose drawn boxes overlap (by more than
 * `slack` px each way), named by their text: labels that run into each other. Empty when every
 * label stands apart.
 */
export async function overlapping(scope: Locator, selector: string, slack = 0.5): Promise<string[]> {
	const boxes = await scope.locator(selector).evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			return { text: e.textContent ?? '', l: r.left, t: r.top, r: r.right, b: r.bottom };
		})
	);
	const shown = boxes.filter((a) => a.r > a.l && a.b > a.t);
	return shown.flatMap((a, i) =>
		shown
			.slice(i + 1)
			.filter((b) => a.l + slack < b.r && b.l + slack < a.r && a.t + slack < b.b && b.t + slack < a.b)
			.map((b) => `${a.text} / ${b.text}`)
	);
}
