/**
 * The answer to a request the role may not make: JSON for the API and scripts, a small page
 * with a sign-in link for people. Status 401 without a session, 403 with one.
 */
import * as m from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { parseTheme, THEME_COOKIE } from '../../ui/theme/theme';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Set when a reader was sent to the nearest view they may open: the role the page they asked for needs. */
export const NOTICE_COOKIE = 'denied_notice';

export function wantsJson(request: Request, url: URL): boolean {
	return url.pathname.startsWith('/api/') || !(request.headers.get('accept') ?? '').includes('text/html');
}

/** The theme chosen in the cookie, as CSS color-scheme (this page is outside the layout). */
function colorScheme(request: Request): string {
	const cookie = new RegExp(`(?:^|;\\s*)${THEME_COOKIE}=([^;]*)`).exec(request.headers.get('cookie') ?? '');
	const theme = parseTheme(cookie?.[1]);
	return theme === 'system' ? 'light dark' : theme;
}

/** `link` replaces the page's default link (sign-in for 401, home for 403). */
export function denied(request: Request, url: URL, status: 401 | 403, message: string, link?: { href: string; text: string }): Response {
	if (wantsJson(request, url)) return Response.json({ error: { message } }, { status });
	const next = encodeURIComponent(url.pathname + url.search);
	const anchor = link
		? `<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`
		: status === 401
			? `<a href="/login?next=${next}">${escapeHtml(m.denied_login_link())}</a>`
			: `<a href="/">${escapeHtml(m.denied_home_link())}</a>`;
	const html = `<!doctype html><html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title>
<style>:root{color-scheme:${colorScheme(request)}}body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:light-dark(#f4f6f9,#0f1419);color:light-dark(#17212b,#e6edf3)}main{background:light-dark(#fff,#1a2029);border:1px solid light-dark(#d9dee5,#3a4452);border-radius:10px;padding:2rem 2.5rem;max-width:32rem}a{color:light-dark(#0b5cad,#6cb6ff);font-weight:600}</style></head>
<body><main><h1>${status}</h1><p>${escapeHtml(message)}</p><p>${anchor}</p></main></body></html>`;
	return new Response(html, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			// This page is not rendered by SvelteKit, so it carries its own (stricter) policy.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"
		}
	});
}
