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

/** Error codes of a write the system refused: a full disk, a size limit, a read-only or missing directory. */
const WRITE_ERRNOS = new Set(['ENOSPC', 'EFBIG', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR']);
/** The same from DuckDB, which reports them in its message. */
const WRITE_MESSAGES = /No space left on device|File too large|Disk quota exceeded|Read-only file system|Permission denied/i;

export function isWriteFailure(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as NodeJS.ErrnoException).code;
	return (code !== undefined && WRITE_ERRNOS.has(code)) || WRITE_MESSAGES.test(error.message);
}
