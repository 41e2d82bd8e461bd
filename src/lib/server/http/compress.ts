/**
 * Compression of the pages and API answers SvelteKit renders (adapter-node serves the static
 * files precompressed, but not these). Brotli or gzip by the request's Accept-Encoding; each
 * chunk is flushed as it comes, so streamed pages still arrive piece by piece. Event streams,
 * small and already encoded bodies pass as they are.
 */
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/(html|plain|csv|css)|application\/(json|javascript|xml)|image\/svg\+xml)\b/;
/** Below this many bytes compression saves less than it costs. */
const MIN_BYTES = 1024;

/** The encoding to use for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses). */
export function negotiate(acceptEncoding: string | null): Encoding | null {
	const accepted = new Set(
		(acceptEncoding ?? '')
			.split(',')
			.map((part) => part.trim().split(';'))
			.filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
			.map(([name]) => name.trim().toLowerCase())
	);
	if (accepted.has('br')) return 'br';
	if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
	return null;
}

function encoder(encoding: Encoding) {
	return encoding === 'br'
		? zlib.createBrotliCompress({
				flush: zlib.constants.BROTLI_OPERATION_FLUSH,
				// Quality 5 of 11: most of the gain at a small part of the time, for a response made per request.
				params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 }
			})
		: zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
}

export function compress(request: Request, response: Response): Response {
	const type = response.headers.get('content-type') ?? '';
	const length = response.headers.get('content-length');
	const encoding = negotiate(request.headers.get('accept-encoding'));
	if (
		!encoding ||
		!response.body ||
		request.method === 'HEAD' ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		(length !== null && Number(length) < MIN_BYTES)
	)
		return response;
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.set('content-encoding', encoding);
	headers.append('vary', 'Accept-Encoding');
	// A client that goes away ends the pipeline with an error; there is nobody left to tell.
	const body = pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), encoder(encoding), () => {});
	return new Response(Readable.toWeb(body) as ReadableStream, { status: response.status, statusText: response.statusText, headers });
}
