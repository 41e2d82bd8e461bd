/**
 * An import as the server reports it and the browser and the CLI follow it: its progress, its
 * outcome, and the job view the upload API answers with (src/lib/server/api/imports.ts).
 */
import type { CsvFormat } from './format';
import type { DatasetKind, HeaderMatch, Mapping } from './mapping';
import type { Reject } from './reasons';
import type { ValueInFile } from './value-codes';

export type Phase = 'receiving' | 'staging' | 'validating' | 'committing' | 'done';

export interface Progress {
	phase: Phase;
	/** Bytes of the file received or read so far. */
	bytes: number;
	/** Rows staged so far (estimated from DuckDB's progress while it reads). */
	rows: number;
	/** Rows in the file, known once it has been received. */
	totalRows: number | null;
}

export interface ImportOutcome {
	status: 'committed' | 'refused';
	kind: DatasetKind;
	datasetId: number | null;
	version: number | null;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** Rejects by reason, over the whole file. */
	reasons: Record<string, number>;
	/** The first rejects in file order (all of them are kept with a committed version). */
	rejects: Reject[];
	sha256: string;
	bytes: number;
	format: CsvFormat;
	columns: string[];
	mapping: Mapping | null;
	/** How each column was placed (canonical kinds). */
	headers: HeaderPlacement[];
	/** Coded values not read exactly: read as variants, or left out with a suggestion. */
	values: ValueInFile[];
	/** The profile applied, if any. */
	profile: string | null;
	threshold: number;
}

export interface HeaderPlacement {
	column: string;
	field: string | null;
	/** 'given': chosen by the user, a profile or --map. */
	how: HeaderMatch | 'given' | null;
	/** For a column left out: the field it looks like. */
	suggestion: string | null;
}

/** What GET /api/datasets/imports/{id} answers (and POST, once the file is received); texts in the reader's language. */
export interface JobView {
	id: string;
	state: 'running' | 'finished' | 'failed';
	sourceName: string;
	progress: Progress & { text: string };
	outcome?: Omit<ImportOutcome, 'reasons' | 'rejects'> & {
		reasons: { reason: string; n: number; text: string }[];
		/** The first rejects, each with its reason as text; `rejectsKept` says how many the CSV has. */
		rejects: (Reject & { text: string })[];
		rejectsKept: number;
	};
	error?: { code: string; message: string };
}
