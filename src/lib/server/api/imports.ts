/**
 * The upload API: the file streamed as the request body with its options in a header, the
 * progress and report of an import, rejects as CSV, rollback. Every refusal is a JSON error
 * in the user's language.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { OPTIONS_HEADER, parseImportOptions } from '../../domain/ingest/options';
import type { JobView } from '../../domain/ingest/job';
import { RollbackSchema } from '../../domain/ingest/rollback';
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

/** The import request of an upload's options header, or the name of the faulty option. */
function importRequest(header: string | null, actor: string): ImportRequest | string {
	const options = parseImportOptions(header);
	if (typeof options === 'string') return options;
	const { columns, fileName, ...rest } = options;
	return { ...rest, expectedColumns: columns, sourceName: fileName, actor };
}

/** Starts an import from a streamed request body; answers once the whole file is received. */
export async function uploadResponse(db: Database, request: Request, actor: string, locale: Locale): Promise<Response> {
	const s = settings();
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length > s.uploadMaxBytes) return errorResponse('too_large', { limit: s.uploadMaxBytes }, locale);
	const options = importRequest(request.headers.get(OPTIONS_HEADER), actor);
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

export function jobView(job: Job, locale: Locale): JobView {
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
	const parsed = v.safeParse(RollbackSchema, body);
	if (!parsed.success) return errorResponse('bad_options', { detail: 'version' }, locale);
	const { version } = parsed.output;
	try {
		await rollbackDataset(db, datasetId, version, actor);
	} catch (error) {
		if (error instanceof ImportError) return errorResponse(error.code, error.params, locale);
		throw error;
	}
	return json({ datasetId, version });
}
