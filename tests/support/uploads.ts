/** The web upload as a client drives it: the file streamed as the body, then the job polled. */
import { once } from 'node:events';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';

export interface UploadOptions {
	kind?: string;
	mode?: string;
	datasetId?: number;
	fileName: string;
}

export function postUpload(
	base: string,
	cookie: string,
	body: Buffer | Readable,
	options: UploadOptions,
	headers: Record<string, string> = {}
) {
	return fetch(`${base}/api/datasets/imports`, {
		method: 'POST',
		headers: {
			origin: base,
			cookie,
			accept: 'application/json',
			'content-type': 'text/csv',
			'x-import-options': encodeURIComponent(JSON.stringify(options)),
			...headers
		},
		body: body instanceof Readable ? (Readable.toWeb(body) as ReadableStream) : body,
		// Node's fetch streams a body only in half-duplex mode.
		duplex: 'half'
	} as RequestInit);
}

export async function jobState(base: string, cookie: string, id: string) {
	const response = await fetch(`${base}/api/datasets/imports/${id}`, { headers: { cookie, accept: 'application/json' } });
	return response.json();
}

/** Polls the job until it is over; its final state. */
export async function importFinished(base: string, cookie: string, id: string) {
	for (;;) {
		const state = await jobState(base, cookie, id);
		if (state.state !== 'running') return state;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export const CASES_HEADER = 'case_id,case_number,instance,court_id,region,case_type,category,filed_date,decided_date';

/** A file of `rows` valid case records whose keys start with `prefix` (unique per file). */
export async function writeCasesCsv(file: string, rows: number, prefix: string): Promise<void> {
	const out = fs.createWriteStream(file);
	out.write(CASES_HEADER + '\n');
	for (let i = 0; i < rows; i++) {
		const line = `${prefix}${i},7501-24-00-2/${prefix}${i},first,KZ75-D01,KZ-75,civil,civil.loan,2024-01-10,2024-02-10\n`;
		if (!out.write(line)) await once(out, 'drain');
	}
	await new Promise((resolve) => out.end(resolve));
}

/** Drops a file on the drop zone the way a browser does: a DataTransfer holding a File. */
export async function dropFile(page: Page, bytes: Buffer, name: string) {
	await page.locator('section.upload[data-ready="true"]').waitFor();
	await page.evaluate(
		({ data, name }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(data)], name, { type: 'text/csv' }));
			const zone = document.querySelector('[data-testid="drop-zone"]')!;
			for (const type of ['dragover', 'drop'])
				zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
		},
		{ data: [...bytes], name }
	);
}
