/** A file or request the pipeline refuses as a whole, with what the message needs to say why. */
import type { ImportErrorCode } from '../../domain/ingest/reasons';

export type ErrorParams = Record<string, string | number>;

export class ImportError extends Error {
	constructor(
		readonly code: ImportErrorCode,
		readonly params: ErrorParams = {}
	) {
		super(`${code} ${JSON.stringify(params)}`);
	}
}
