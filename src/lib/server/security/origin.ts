/**
 * Cross-site request forgery: SvelteKit checks the Origin of form posts; this checks it for
 * every state-changing request, whatever its content type (JSON, uploads).
 */
export function sameOrigin(request: Request, url: URL): boolean {
	const origin = request.headers.get('origin');
	return origin !== null && origin === url.origin;
}
