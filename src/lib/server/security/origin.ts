/**
 * Cross-site request forgery: every state-changing request (forms, JSON, uploads) must come from
 * a page of the address the request was made to. SvelteKit's own check is off
 * (svelte.config.js) so that a refused form gets a page saying what to do.
 */
import * as m from '../../paraglide/messages.js';
import { localAdmin } from '../cli/access';
import { denied } from './denied';

/**
 * The request's Origin is the app's own. Command-line tools holding the local administrator
 * token are not browsers, so no other site can make them send it.
 */
export function sameOrigin(request: Request, url: URL): boolean {
	if (localAdmin(request)) return true;
	const origin = request.headers.get('origin');
	return origin !== null && origin === url.origin;
}

/** The answer to a write from another address: where it came from, and where it works. */
export function refusedWrite(request: Request, url: URL): Response {
	const from = request.headers.get('origin');
	const expected = url.origin;
	const message = from && from !== 'null' ? m.origin_refused({ from, expected }) : m.origin_refused_unknown({ expected });
	return denied(request, url, 403, message, { href: `${expected}/`, text: m.origin_open({ address: expected }) });
}
