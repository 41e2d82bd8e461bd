/**
 * Imports started from the web, kept in memory while they run and for a while after, so that
 * the page can poll their phase and rows and then show the report. An import survives its job:
 * what it committed is in the database; a server restart only forgets the progress.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Database } from '../db/database';
import { ImportError, type ErrorParams } from './errors';
import { runImport, type ImportRequest, type ImportSettings } from './pipeline';
import type { ImportOutcome, Progress } from '../../domain/ingest/job';
import type { ImportErrorCode } from '../../domain/ingest/reasons';

export interface Job {
	id: string;
	actor: string;
	sourceName: string;
	startedAt: number;
	progress: Progress;
	state: 'running' | 'finished' | 'failed';
	outcome?: ImportOutcome;
	error?: { code: ImportErrorCode; params: ErrorParams };
	/** Settles when the whole file has been received (or the import failed before). */
	received: Promise<void>;
}

const jobs = new Map<string, Job>();
/** Finished jobs are forgotten after this long. */
const KEEP_MS = 60 * 60 * 1000;

function forgetOld(now: number): void {
	for (const [id, job] of jobs) if (job.state !== 'running' && now - job.startedAt > KEEP_MS) jobs.delete(id);
}

export function startImport(db: Database, body: Readable, request: ImportRequest, settings: Omit<ImportSettings, 'onProgress'>): Job {
	forgetOld(Date.now());
	let markReceived!: () => void;
	const job: Job = {
		id: randomUUID(),
		actor: request.actor,
		sourceName: request.sourceName,
		startedAt: Date.now(),
		progress: { phase: 'receiving', bytes: 0, rows: 0, totalRows: null },
		state: 'running',
		received: new Promise((resolve) => (markReceived = resolve))
	};
	jobs.set(job.id, job);
	const onProgress = (progress: Progress) => {
		job.progress = { ...progress };
		if (progress.phase !== 'receiving') markReceived();
	};
	runImport(db, body, request, { ...settings, onProgress })
		.then((outcome) => {
			job.outcome = outcome;
			job.state = 'finished';
		})
		.catch((error: unknown) => {
			if (error instanceof ImportError) job.error = { code: error.code, params: error.params };
			else {
				// A broken connection or an unexpected failure: logged whole, reported plainly.
				console.error('import failed:', error);
				job.error = { code: job.progress.phase === 'receiving' ? 'interrupted' : 'unreadable', params: {} };
			}
			job.state = 'failed';
		})
		.finally(markReceived);
	return job;
}

export function findJob(id: string): Job | undefined {
	return jobs.get(id);
}
