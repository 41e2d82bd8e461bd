/**
 * The browser side of an upload: the preview of a file's first bytes (in a worker), the
 * streamed upload with its progress, and polling of the import until it is over.
 */
import { hasLineBreak, MAX_HEADER_BYTES, SAMPLE_BYTES, type CsvFormat, type SampleResult } from '$lib/domain/ingest/format';
import type { PreviewRequest } from './preview.worker';

async function headOf(file: File): Promise<ArrayBuffer> {
	const head = await file.slice(0, SAMPLE_BYTES).arrayBuffer();
	if (file.size <= SAMPLE_BYTES || hasLineBreak(new Uint8Array(head))) return head;
	return file.slice(0, MAX_HEADER_BYTES).arrayBuffer();
}

export function previewFile(file: File, override: Partial<CsvFormat> = {}): Promise<SampleResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<SampleResult>) => {
			worker.terminate();
			resolve(event.data);
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message));
		};
		// Only a slice is read, whatever the file's size; a header line longer than it is read to its end.
		headOf(file).then((bytes) => {
			const request: PreviewRequest = { bytes, complete: file.size <= bytes.byteLength, override };
			worker.postMessage(request, [bytes]);
		}, reject);
	});
}

export interface UploadOptions {
	kind: string;
	mode: 'append' | 'replace';
	datasetId?: number;
	name?: string;
	mapping?: (string | null)[];
	values?: Record<string, Record<string, string>>;
	profile?: string;
	columns: string[];
	format: Partial<CsvFormat>;
	fileName: string;
}

export interface HttpAnswer {
	status: number;
	body: { error?: { message: string }; id?: string } & Record<string, unknown>;
}

/** Sends the file as the raw request body (XMLHttpRequest: fetch reports no upload progress). */
export function sendFile(file: File, options: UploadOptions, onSent: (fraction: number) => void): Promise<HttpAnswer> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/api/datasets/imports');
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.setRequestHeader('x-import-options', encodeURIComponent(JSON.stringify(options)));
		xhr.setRequestHeader('accept', 'application/json');
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable) onSent(event.loaded / event.total);
		};
		xhr.onload = () => {
			try {
				resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
			} catch {
				resolve({ status: xhr.status, body: {} });
			}
		};
		xhr.onerror = () => reject(new Error('network'));
		xhr.send(file);
	});
}

export async function getJob<T>(id: string): Promise<T> {
	const response = await fetch(`/api/datasets/imports/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
	return response.json();
}
