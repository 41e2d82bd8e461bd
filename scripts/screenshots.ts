/**
 * The screenshots of README.md and docs/, taken again from a running server:
 * `npm run screenshots -- --base http://localhost:3000`. The overview on a desktop, on a 390 px
 * phone and as printed on A4, in each language and theme docs/ui.md shows; the fraud page and
 * the indicator explorer. With SCREENSHOT_LOGIN and SCREENSHOT_PASSWORD (an analyst or judge)
 * also the practice explorer. The language follows the browser's, the theme the system setting,
 * as for a first visit. `--only <prefix>` retakes only the files whose names start so.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { signIn } from '../tests/support/auth';
import { launchBrowser, streamed } from '../tests/support/browser';
import { ROOT } from '../tests/support/server';

const DIR = path.join(ROOT, 'docs/screenshots');
const DESKTOP = { width: 1360, height: 900 };
const PHONE = { width: 390, height: 844 };
/** An A4 page's width at 96 px an inch: the print layout as the printer sees it. */
const A4 = { width: 794, height: 1123 };
const LOCALES = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' } as const;

interface Shot {
	file: string;
	path: string;
	lang: keyof typeof LOCALES;
	theme?: 'light' | 'dark';
	viewport?: { width: number; height: number };
	print?: boolean;
	/** Only what the screen shows first, not the whole page. */
	fold?: boolean;
	/** Only part of the page: a CSS selector. */
	part?: string;
	signedIn?: boolean;
}

const SHOTS: Shot[] = [
	{ file: 'overview-ru.png', path: '/', lang: 'ru' },
	{ file: 'overview-ru-phone.png', path: '/', lang: 'ru', viewport: PHONE, fold: true },
	{ file: 'briefing-ru-print.png', path: '/', lang: 'ru', viewport: A4, print: true },
	{ file: 'home-ru-light.png', path: '/', lang: 'ru' },
	{ file: 'home-kk-light.png', path: '/', lang: 'kk' },
	{ file: 'home-kk-dark.png', path: '/', lang: 'kk', theme: 'dark' },
	{ file: 'home-en-dark.png', path: '/', lang: 'en', theme: 'dark' },
	{ file: 'fraud-ru.png', path: '/fraud', lang: 'ru' },
	{ file: 'explorer-ru.png', path: '/indicators/clearance_rate', lang: 'ru' },
	{ file: 'practice-overview.png', path: '/practice', lang: 'en', part: '#overview', signedIn: true },
	{ file: 'practice-life-cycle.png', path: '/practice', lang: 'en', part: '#life-cycle', signedIn: true },
	{ file: 'practice-life-cycle-ru-dark.png', path: '/practice', lang: 'ru', theme: 'dark', part: '#life-cycle', signedIn: true },
	{ file: 'practice-reform.png', path: '/practice', lang: 'en', part: '#reform', signedIn: true },
	{ file: 'practice-funnel.png', path: '/practice', lang: 'en', part: '#anomalies', signedIn: true },
	{ file: 'practice-similar.png', path: '/practice', lang: 'en', part: '#similar', signedIn: true }
];

/** The session cookie of the account in SCREENSHOT_LOGIN / SCREENSHOT_PASSWORD, or null without one. */
async function session(base: string): Promise<{ name: string; value: string } | null> {
	const login = process.env.SCREENSHOT_LOGIN;
	const password = process.env.SCREENSHOT_PASSWORD;
	if (!login || !password) return null;
	const [name, value] = (await signIn(base, login, password)).split('=');
	return { name, value };
}

async function take(browser: Browser, base: string, shot: Shot, cookie: { name: string; value: string } | null): Promise<string> {
	const options: BrowserContextOptions = {
		locale: LOCALES[shot.lang],
		colorScheme: shot.theme ?? 'light',
		viewport: shot.viewport ?? DESKTOP
	};
	const context = await browser.newContext(options);
	// The practice explorer at demo scale 1 computes for longer than Playwright's default 30 s.
	context.setDefaultTimeout(180_000);
	if (shot.signedIn && cookie) await context.addCookies([{ ...cookie, url: base, httpOnly: true, sameSite: 'Lax' }]);
	const page: Page = await context.newPage();
	await page.goto(base + shot.path, { waitUntil: 'networkidle' });
	await streamed(page);
	if (shot.print) await page.emulateMedia({ media: 'print' });
	const file = path.join(DIR, shot.file);
	if (shot.part) await page.locator(shot.part).screenshot({ path: file });
	else await page.screenshot({ path: file, fullPage: !shot.fold });
	await context.close();
	return file;
}

const { values } = parseArgs({
	options: { base: { type: 'string', default: 'http://localhost:3000' }, only: { type: 'string' } }
});
const base = values.base!.replace(/\/$/, '');
const cookie = await session(base);
const browser = await launchBrowser();
try {
	// `--only practice` retakes the shots whose file names start so.
	for (const shot of SHOTS.filter((s) => !values.only || s.file.startsWith(values.only))) {
		if (shot.signedIn && !cookie) {
			console.log(`${shot.file}: skipped (needs SCREENSHOT_LOGIN and SCREENSHOT_PASSWORD)`);
			continue;
		}
		console.log(await take(browser, base, shot, cookie));
	}
} finally {
	await browser.close();
}
