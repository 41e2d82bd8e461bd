import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const base = 'http://127.0.0.1:4719';
const [,, out, ...combos] = process.argv;
for (const combo of combos) {
  const [lang, theme, media] = combo.split('-');
  const ctx = await b.newContext({ locale: { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' }[lang], colorScheme: theme, viewport: { width: 1360, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(base + '/');
  if (media === 'print') { await p.emulateMedia({ media: 'print' }); await p.setViewportSize({ width: 794, height: 1123 }); }
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/home-${combo}.png`, fullPage: true });
  if (media === 'print') await p.pdf({ path: `${out}/briefing-${lang}.pdf`, preferCSSPageSize: true });
  await ctx.close();
}
await b.close();
