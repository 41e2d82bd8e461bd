/// <reference lib="webworker" />
/**
 * Detection and preview parsing (papaparse) off the main thread, on the slice of the file the
 * page sends: the page stays responsive and never reads the whole file.
 */
import { sampleFile, type CsvFormat } from '$lib/domain/ingest/format';

export interface PreviewRequest {
	bytes: ArrayBuffer;
	complete: boolean;
	override: Partial<CsvFormat>;
}

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
	const { bytes, complete, override } = event.data;
	self.postMessage(sampleFile(new Uint8Array(bytes), complete, override));
};
