/** Where to go after signing in: only a path of this site, never another origin. */
const SITE = 'http://site.invalid';

export function safeNext(next: string | null | undefined): string {
	if (!next || next.length > 2000 || !next.startsWith('/')) return '/';
	// Control characters are refused outright: URL parsing drops tabs and newlines ("/\t/evil" reads
	// as "//evil"), and a newline in a Location header fails the response.
	if ([...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || ch === '\\')) return '/';
	const url = new URL(next, SITE);
	return url.origin === SITE ? url.pathname + url.search + url.hash : '/';
}
