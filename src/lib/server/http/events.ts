/**
 * Server-sent events of the data revision (db/revision.ts): a stream that sends the revision
 * on opening and again after every committed change, so that an open wall reloads its figures
 * without being reloaded. A comment line every HEARTBEAT_MS keeps proxies from closing an idle
 * stream; the number of streams open at once is bounded (503 beyond).
 */
import { dataRevision, onDataRevision } from '../db/revision';

const HEARTBEAT_MS = 25_000;
export const MAX_STREAMS = 200;
/** How long a browser waits before reconnecting a stream that broke. */
const RETRY_MS = 5_000;

let open = 0;

export function revisionEvents(signal: AbortSignal): Response {
	if (open >= MAX_STREAMS) return new Response(null, { status: 503, headers: { 'retry-after': '30' } });
	const encoder = new TextEncoder();
	let close = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			open += 1;
			const send = (text: string) => controller.enqueue(encoder.encode(text));
			const revision = () => send(`event: revision\ndata: ${dataRevision()}\n\n`);
			const stop = onDataRevision(revision);
			const heartbeat = setInterval(() => send(': ok\n\n'), HEARTBEAT_MS);
			let closed = false;
			close = () => {
				if (closed) return;
				closed = true;
				open -= 1;
				stop();
				clearInterval(heartbeat);
			};
			signal.addEventListener('abort', () => {
				if (closed) return;
				close();
				controller.close();
			});
			send(`retry: ${RETRY_MS}\n\n`);
			revision();
		},
		cancel: () => close()
	});
	return new Response(body, {
		headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
}

/** Streams open now (tests). */
export function openStreams(): number {
	return open;
}
