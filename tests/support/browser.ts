/** System Chromium driven by playwright-core (no browser download). */
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Waits until the page's streamed sections have all arrived (src/lib/ui/charts/Pending.svelte). */
export async function streamed(page: Page): Promise<void> {
	await page.waitForFunction(() => !document.querySelector('[data-testid="pending"]'));
}
