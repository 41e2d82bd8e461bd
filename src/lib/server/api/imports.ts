/**
 * The upload API: the file streamed as the request body with its options in a header, the
 * progress and report of an import, rejects as CSV, rollback. Every refusal is a JSON error
 * in the user's language.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { json } from '@sveltejs/kit';
import { DELIMITERS, ENCODINGS, type CsvFormat } from '../../domain/ingest/format';
import { isDatasetKind } from '../../domain/ingest/mapping';
import type { ImportErrorCode, Reject } from '../../domain/ingest/reasons';
import type { Locale } from '../../domain/l10n';
import { toCsv } from '../../domain/csv';
import { importErrorText, phaseText, rejectText } from '../../i18n/data-texts';
import * as m from '../../paraglide/messages.js';
import { settings } from '../config';
import type { Database } from '../db/database';
import { rollbackDataset } from '../datasets/rollback';
import { ImportError, type ErrorParams } from '../ingest/errors';
import { findJob, startImport, type Job } from '../ingest/jobs';
import type { ImportRequest } from '../ingest/pipeline';
import { isProfileName } from '../../domain/ingest/profile';

/** The header carrying the options of an upload, as URI-encoded JSON (headers are ASCII). */
export const OPTIONS_HEADER = 'x-import-options';
/** Rejects a job report shows; the CSV has all that were kept. */
const REJECTS_SHOWN = 200;

export function errorResponse(code: ImportErrorCode | 'origin' | 'unknown_job', params: ErrorParams, locale: Locale): Response {
	const status =
		code === 'too_large'
			? 413
			: code === 'unknown_job' || code === 'unknown_dataset'
				? 404
				: code === 'rollback_conflict'
					? 409
					: code === 'no_content_type'
						? 415
						: code === 'write_failed'
							? 507
							: 400;
	return json({ error: { code, message: importErrorText(code, params, locale) } }, { status });
}

const isText = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;

function formatOf(raw: unknown): Partial<CsvFormat> | null {
	if (raw === undefined) return {};
	if (typeof raw !== 'object' || raw === null) return null;
	const f = raw as Record<string, unknown>;
	const out: Partial<CsvFormat> = {};
	if (f.encoding !== undefined) {
		if (!(ENCODINGS as readonly unknown[]).includes(f.encoding)) return null;
		out.encoding = f.encoding as CsvFormat['encoding'];
	}
	if (f.delimiter !== undefined) {
		if (!(DELIMITERS as readonly unknown[]).includes(f.delimiter)) return null;
		out.delimiter = f.delimiter as CsvFormat['delimiter'];
	}
	if (f.header !== undefined) {
		if (typeof f.header !== 'boolean') return null;
		out.header = f.header;
	}
	if (f.decimal !== undefined) {
		if (f.decimal !== ',' && f.decimal !== '.') return null;
		out.decimal = f.decimal;
	}
	return out;
}

/** The import request from the options header, or the name of the faulty option. */
function parseOptions(header: string | null, actor: string): ImportRequest | string {
	let raw: Record<string, unknown>;
	try {
		raw = JSON.parse(decodeURIComponent(header ?? '{}'));
	} catch {
		return OPTIONS_HEADER;
	}
	if (typeof raw !== 'object' || raw === null) return OPTIONS_HEADER;
	const { kind, mode = 'append', datasetId, name, mapping, mapHeaders, columns, fileName, values, profile } = raw;
	if (kind !== undefined && !isDatasetKind(kind)) return 'kind';
	if (mode !== 'append' && mode !== 'replace') return 'mode';
	if (datasetId !== undefined && !Number.isInteger(datasetId)) return 'datasetId';
	if (name !== undefined && !isText(name, 200)) return 'name';
	if (!isText(fileName, 255) || !fileName.trim()) return 'fileName';
	if (mapping !== undefined && !(Array.isArray(mapping) && mapping.every((f) => f === null || isText(f, 64)))) return 'mapping';
	if (
		mapHeaders !== undefined &&
		!(
			typeof mapHeaders === 'object' &&
			mapHeaders !== null &&
			Object.entries(mapHeaders).every(([h, f]) => isText(h, 1000) && isText(f, 64))
		)
	)
		return 'mapHeaders';
	if (columns !== undefined && !(Array.isArray(columns) && columns.every((c) => isText(c, 1000)))) return 'columns';
	// Value codes are checked against the fields of the kind once it is known (pipeline.ts).
	if (values !== undefined && (typeof values !== 'object' || values === null || Array.isArray(values))) return 'values';
	if (profile !== undefined && !isProfileName(profile)) return 'profile';
	const format = formatOf(raw.format);
	if (!format) return 'format';
	return {
		kind,
		mode,
		datasetId: datasetId as number | undefined,
		name: name as string | undefined,
		mapping: mapping as ImportRequest['mapping'],
		mapHeaders: mapHeaders as ImportRequest['mapHeaders'],
		expectedColumns: columns as string[] | undefined,
		values: values as ImportRequest['values'],
		profile: profile as string | undefined,
		format,
		sourceName: fileName,
		actor
	};
}

/** Starts an import from a streamed request body; answers once the whole file is received. */
export async function uploadResponse(db: Database, request: Request, actor: string, locale: Locale): Promise<Response> {
	const s = settings();
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length > s.uploadMaxBytes) return errorResponse('too_large', { limit: s.uploadMaxBytes }, locale);
	const options = parseOptions(request.headers.get(OPTIONS_HEADER), actor);
	if (typeof options === 'string') return errorResponse('bad_options', { detail: options }, locale);
	// SvelteKit hands over no body without a Content-Type: say so rather than call the file empty.
	if (!request.body) return errorResponse(request.headers.get('content-type') ? 'empty' : 'no_content_type', {}, locale);
	const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
	const job = startImport(db, body, options, { workDir: s.uploadsDir, rejectThreshold: s.rejectThreshold, maxBytes: s.uploadMaxBytes });
	await job.received;
	if (job.state === 'failed' && job.error) return errorResponse(job.error.code, job.error.params, locale);
	return json(jobView(job, locale), { status: 202 });
}

const localise = (r: Reject, locale: Locale) => ({ ...r, text: rejectText(r.reason, r.detail, locale) });

export function jobView(job: Job, locale: Locale) {
	const outcome = job.outcome && {
		...job.outcome,
		reasons: Object.entries(job.outcome.reasons).map(([reason, n]) => ({
			reason,
			n,
			text: rejectText(reason as Reject['reason'], '…', locale)
		})),
		rejects: job.outcome.rejects.slice(0, REJECTS_SHOWN).map((r) => localise(r, locale)),
		rejectsKept: job.outcome.rejects.length
	};
	return {
		id: job.id,
		state: job.state,
		sourceName: job.sourceName,
		progress: { ...job.progress, text: phaseText(job.progress.phase, locale) },
		outcome,
		error: job.error && { code: job.error.code, message: importErrorText(job.error.code, job.error.params, locale) }
	};
}

export function jobResponse(id: string, locale: Locale): Response {
	const job = findJob(id);
	return job ? json(jobView(job, locale)) : errorResponse('unknown_job', {}, locale);
}

/** Rejects as CSV, reasons in the user's language (cells neutralised against formulas). */
export function rejectsCsv(rejects: readonly Reject[], locale: Locale, filename: string): Response {
	const columns = [
		m.rejects_col_line({}, { locale }),
		m.rejects_col_column({}, { locale }),
		m.rejects_col_value({}, { locale }),
		m.rejects_col_reason({}, { locale })
	];
	const rows = rejects.map((r) => ({
		[columns[0]]: r.line,
		[columns[1]]: r.column,
		[columns[2]]: r.value,
		[columns[3]]: rejectText(r.reason, r.detail, locale)
	}));
	return new Response('\ufeff' + toCsv(columns, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`
		}
	});
}

export function jobRejectsResponse(id: string, locale: Locale): Response {
	const job = findJob(id);
	if (!job?.outcome) return errorResponse('unknown_job', {}, locale);
	return rejectsCsv(job.outcome.rejects, locale, `rejects-${job.sourceName}.csv`);
}

export async function rollbackResponse(db: Database, datasetId: number, body: unknown, actor: string, locale: Locale): Promise<Response> {
	const version = (body as { version?: unknown } | null)?.version;
	if (!Number.isInteger(version)) return errorResponse('bad_options', { detail: 'version' }, locale);
	try {
		await rollbackDataset(db, datasetId, version as number, actor);
	} catch (error) {
		if (error instanceof ImportError) return errorResponse(error.code, error.params, locale);
		throw error;
	}
	return json({ datasetId, version });
}
