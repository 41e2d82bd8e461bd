import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, negotiate } from './compress';

const html = '<!doctype html><p>' + 'Ситуационный центр '.repeat(200) + '</p>';
const request = (encoding?: string, method = 'GET') =>
	new Request('http://localhost/', { method, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });
const page = (body: string | ReadableStream = html, type = 'text/html; charset=utf-8') =>
	new Response(body, { headers: { 'content-type': type, 'set-cookie': 'a=1' } });

describe('negotiate', () => {
	it('prefers brotli, then gzip, and respects q=0', () => {
		expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiate('gzip;q=1.0, br;q=0')).toBe('gzip');
		expect(negotiate('*')).toBe('gzip');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate(null)).toBeNull();
	});
});

describe('compress', () => {
	it('gzips or brotli-compresses a page, keeping status and headers', async () => {
		for (const [encoding, decode] of [
			['gzip', gunzipSync],
			['br', brotliDecompressSync]
		] as const) {
			const response = compress(request(`${encoding}`), page());
			expect(response.headers.get('content-encoding')).toBe(encoding);
			expect(response.headers.get('vary')).toContain('Accept-Encoding');
			expect(response.headers.get('set-cookie')).toBe('a=1');
			const bytes = Buffer.from(await response.arrayBuffer());
			expect(bytes.length).toBeLessThan(Buffer.byteLength(html) / 5);
			expect(decode(bytes).toString()).toBe(html);
		}
	});

	it('sends each chunk of a streamed page as it comes', async () => {
		let push!: (text: string) => void;
		const source = new ReadableStream<Uint8Array>({
			start(controller) {
				push = (text) => controller.enqueue(new TextEncoder().encode(text));
			}
		});
		const reader = compress(request('gzip'), page(source)).body!.getReader();
		push(html);
		// The first chunk is readable before the stream ends: a streamed page shows its first part at once.
		const first = await reader.read();
		expect(first.done).toBe(false);
		expect(first.value!.length).toBeGreaterThan(0);
		await reader.cancel();
	});

	it('leaves alone event streams, small or already encoded bodies, HEAD requests and clients that do not ask', () => {
		const same = (req: Request, res: Response) => expect(compress(req, res)).toBe(res);
		same(request('gzip'), page(new ReadableStream(), 'text/event-stream'));
		same(request('gzip'), page('x'.repeat(2000), 'image/png'));
		same(request('gzip'), new Response('small', { headers: { 'content-type': 'text/html', 'content-length': '5' } }));
		same(request('gzip'), new Response(html, { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' } }));
		same(request('gzip', 'HEAD'), page());
		same(request(), page());
	});
});
