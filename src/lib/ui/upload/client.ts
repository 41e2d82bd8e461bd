/**
 * The browser side of an upload: the preview of a file's first bytes (in a worker), the
 * streamed upload with its progress, and polling of the import until it is over.
 */
import { hasLineBreak, MAX_HEADER_BYTES, SAMPLE_BYTES, type CsvFormat, type SampleResult } from '$lib/domain/ingest/format';
import type { JobView } from '$lib/domain/ingest/job';
import { OPTIONS_HEADER, type ImportOptions } from '$lib/domain/ingest/options';
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

/** The server's answer to an upload: the job once the file is received (202), else an error. */
export type UploadAnswer = { status: 202; job: JobView } | { status: number; error?: { message: string } };

/** Sends the file as the raw request body (XMLHttpRequest: fetch reports no upload progress). */
export function sendFile(file: File, options: ImportOptions, onSent: (fraction: number) => void): Promise<UploadAnswer> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/api/datasets/imports');
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.setRequestHeader(OPTIONS_HEADER, encodeURIComponent(JSON.stringify(options)));
		xhr.setRequestHeader('accept', 'application/json');
		xhr.upload.onprogress = (event) => {
			if (event.lengthComputable) onSent(event.loaded / event.total);
		};
		xhr.onload = () => {
			try {
				const body = JSON.parse(xhr.responseText);
				resolve(xhr.status === 202 ? { status: 202, job: body } : { status: xhr.status, error: body.error });
			} catch {
				resolve({ status: xhr.status });
			}
		};
		xhr.onerror = () => reject(new Error('network'));
		xhr.send(file);
	});
}

export async function getJob(id: string): Promise<JobView> {
	const response = await fetch(`/api/datasets/imports/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
	return response.json();
}
