/**
 * Screenshots of the overview for docs/ui.md, one per language and theme shown there:
 * `npm run screenshots -- --base http://localhost:3000`. The language follows the browser's,
 * the theme the system setting, as for a first visit.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/support/browser';
import { ROOT } from '../tests/support/server';

const SHOTS = [
	{ lang: 'ru', locale: 'ru-RU', theme: 'light' },
	{ lang: 'kk', locale: 'kk-KZ', theme: 'light' },
	{ lang: 'kk', locale: 'kk-KZ', theme: 'dark' },
	{ lang: 'en', locale: 'en-GB', theme: 'dark' }
] as const;

const { values } = parseArgs({ options: { base: { type: 'string', default: 'http://localhost:3000' } } });
const browser = await launchBrowser();
for (const shot of SHOTS) {
	const page = await browser.newPage({ locale: shot.locale, colorScheme: shot.theme, viewport: { width: 1360, height: 900 } });
	await page.goto(values.base + '/', { waitUntil: 'networkidle' });
	const file = path.join(ROOT, 'docs/screenshots', `home-${shot.lang}-${shot.theme}.png`);
	await page.screenshot({ path: file, fullPage: true });
	console.log(file);
	await page.close();
}
await browser.close();
