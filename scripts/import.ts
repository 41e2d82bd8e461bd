/**
 * Imports a CSV file through the same pipeline as the web upload:
 *
 *   npm run import -- [--kind cases|fraud|court_stats|other] [--mode append|replace]
 *                     [--map "Header=field" …] [--values "field:text=code" …] [--profile NAME]
 *                     [--dataset ID] [--name NAME] [--lang ru|kk|en] [--create] FILE
 *   npm run import -- --parquet --kind cases|fraud|court_stats [--mode …] [--dataset ID] FOLDER
 *
 * While the server of the database runs, the file goes through its API (the service keeps
 * running); otherwise the database file is opened here. With --parquet, FOLDER holds Parquet
 * files as `npm run export:parquet` writes them (a kind's folder, or one dataset's
 * `dataset_id=N` folder in it); they go through the same checks. The mapping is suggested from
 * the headers as on the web (known names and their variants); --map corrects it (an empty field
 * unmaps a column). Cell values written otherwise than the codes are read when they are variants
 * of a label; --values places the others. --profile applies the mappings saved under NAME and
 * saves those of this import there; without it the profile saved for files with the same headers
 * is applied. Whatever was read loosely or left out is printed with the flag that fixes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isDatasetKind } from '../src/lib/domain/ingest/mapping';
import type { Reject } from '../src/lib/domain/ingest/reasons';
import { isLocale, type Locale } from '../src/lib/domain/l10n';
import { formatBytes, importErrorText, kindText, phaseText, rejectText } from '../src/lib/i18n/data-texts';
import { formatNumberIntl } from '../src/lib/i18n/intl';
import * as m from '../src/lib/paraglide/messages.js';
import type { CanonicalKind } from '../src/lib/domain/schema';
import type { ServerClient } from '../src/lib/server/cli/client';
import { environmentLocale } from '../src/lib/server/cli/locale';
import { CliError, openTarget } from '../src/lib/server/cli/target';
import { settings } from '../src/lib/server/config';
import { parquetToCsv } from '../src/lib/server/datasets/parquet';
import { Database } from '../src/lib/server/db/database';
import { ImportError } from '../src/lib/server/ingest/errors';
import { runImport, type ImportOutcome, type Progress } from '../src/lib/server/ingest/pipeline';
import { isProfileName } from '../src/lib/domain/ingest/profile';
import { parseValueFlag, withValueCode, type ValueCodes } from '../src/lib/domain/ingest/value-codes';
import { mappingLines } from '../src/lib/i18n/mapping-texts';

let locale: Locale = environmentLocale();
const o = () => ({ locale });

function fail(message: string): never {
	console.error(`${message}\n${m.cli_usage_import({}, o())}`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			kind: { type: 'string' },
			mode: { type: 'string', default: 'append' },
			map: { type: 'string', multiple: true, default: [] },
			values: { type: 'string', multiple: true, default: [] },
			profile: { type: 'string' },
			dataset: { type: 'string' },
			name: { type: 'string' },
			lang: { type: 'string' },
			parquet: { type: 'boolean', default: false },
			create: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
} catch (error) {
	fail(m.cli_err_unknown_option({ option: /'([^']+)'/.exec((error as Error).message)?.[1] ?? '' }, o()));
}
const { values, positionals } = parsed;
if (values.lang !== undefined) {
	if (!isLocale(values.lang)) fail(m.cli_err_bad_option({ option: '--lang', reason: m.cli_err_lang({ value: values.lang }, o()) }, o()));
	locale = values.lang;
}
if (values.help) {
	console.log(m.cli_usage_import({}, o()));
	process.exit(0);
}
const bad = (option: string, reason: string) => fail(m.cli_err_bad_option({ option, reason }, o()));
const [file] = positionals;
if (!file || positionals.length > 1) fail(m.cli_err_one_file({}, o()));
if (!fs.existsSync(file)) fail(m.cli_err_no_file({ file }, o()));
if (values.kind !== undefined && !isDatasetKind(values.kind)) bad('--kind', m.cli_err_kind({ value: values.kind }, o()));
if (values.mode !== 'append' && values.mode !== 'replace') bad('--mode', m.cli_err_mode({ value: values.mode }, o()));
if (values.parquet && !(values.kind === 'cases' || values.kind === 'fraud' || values.kind === 'court_stats'))
	fail(m.cli_err_parquet_kind({}, o()));
const datasetId = values.dataset === undefined ? undefined : Number(values.dataset);
if (datasetId !== undefined && !Number.isInteger(datasetId)) bad('--dataset', m.cli_err_dataset({ value: values.dataset! }, o()));
const mapHeaders: Record<string, string> = {};
for (const pair of values.map) {
	const at = pair.lastIndexOf('=');
	if (at < 1) bad('--map', m.cli_err_map({ value: pair }, o()));
	mapHeaders[pair.slice(0, at)] = pair.slice(at + 1).trim();
}
let valueCodes: ValueCodes = {};
for (const flag of values.values) {
	const parsed = parseValueFlag(flag);
	if (!parsed) bad('--values', m.cli_err_values({ value: flag }, o()));
	valueCodes = withValueCode(valueCodes, parsed.field, parsed.text, parsed.code);
}
if (values.profile !== undefined && !isProfileName(values.profile)) bad('--profile', m.cli_err_profile({ value: values.profile }, o()));

const s = settings();
const request = {
	kind: values.kind as CanonicalKind | 'other' | undefined,
	mode: values.mode as 'append' | 'replace',
	datasetId,
	name: values.name,
	mapHeaders,
	values: valueCodes,
	profile: values.profile
};

const started = Date.now();
const seconds = () => formatNumberIntl((Date.now() - started) / 1000, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const count = (n: number) => formatNumberIntl(n, locale);
let lastPrint = 0;
function onProgress(p: Progress) {
	const now = Date.now();
	if (now - lastPrint < 1000 && p.phase !== 'done') return;
	lastPrint = now;
	const amount = p.totalRows
		? m.cli_progress_rows({ rows: count(p.rows), total: count(p.totalRows), n: p.totalRows }, o())
		: formatBytes(p.bytes, locale);
	console.error(`[${seconds()} s] ${phaseText(p.phase, locale)} ${amount}`);
}

/** What an import ended with, the same whether it ran here or in the server. */
type Report = Pick<
	ImportOutcome,
	| 'status'
	| 'kind'
	| 'datasetId'
	| 'version'
	| 'rowsRead'
	| 'rowsLoaded'
	| 'rowsRejected'
	| 'threshold'
	| 'sha256'
	| 'rejects'
	| 'headers'
	| 'values'
	| 'profile'
> & { reasons: [string, number][] };

function print(report: Report) {
	const figures = {
		kind: kindText(report.kind, locale),
		dataset: String(report.datasetId ?? ''),
		version: String(report.version ?? ''),
		read: count(report.rowsRead),
		loaded: count(report.rowsLoaded),
		rejected: count(report.rowsRejected),
		threshold: formatNumberIntl(report.threshold, locale, { style: 'percent', maximumFractionDigits: 2 }),
		seconds: seconds(),
		sha: report.sha256
	};
	console.log(report.status === 'committed' ? m.cli_import_committed(figures, o()) : m.cli_import_refused(figures, o()));
	if (report.profile) console.log(m.map_profile_applied({ name: report.profile }, o()));
	for (const line of mappingLines(report, locale)) console.log(`  ${line}`);
	for (const [reason, n] of report.reasons) console.log(`  ${count(n)} × ${rejectText(reason as Reject['reason'], '…', locale)}`);
	for (const r of report.rejects.slice(0, 20)) {
		const where = m.cli_reject_line({ line: r.line === null ? '?' : String(r.line) }, o());
		console.log(
			`  ${where}${r.column ? `, ${r.column}` : ''}${r.value !== null ? ` = "${r.value}"` : ''}: ${rejectText(r.reason, r.detail, locale)}`
		);
	}
	process.exitCode = report.status === 'committed' ? 0 : 1;
}

interface JobView {
	id: string;
	state: 'running' | 'finished' | 'failed';
	progress: Progress;
	outcome?: Omit<Report, 'reasons'> & { reasons: { reason: string; n: number }[] };
	error?: { message: string };
}

/** Streams the file to the server's upload API and follows the job to its end. */
async function importThroughServer(server: ServerClient, source: string): Promise<void> {
	const body = fs.createReadStream(source);
	let sent = 0;
	body.on('data', (chunk) => onProgress({ phase: 'receiving', bytes: (sent += chunk.length), rows: 0, totalRows: null }));
	const options = { ...request, fileName: path.basename(file) };
	let job = await server.json<JobView>('POST', '/api/datasets/imports', {
		body,
		headers: { 'content-type': 'application/octet-stream', 'x-import-options': encodeURIComponent(JSON.stringify(options)) }
	});
	while (job.state === 'running') {
		onProgress(job.progress);
		await new Promise((resolve) => setTimeout(resolve, 500));
		job = await server.json<JobView>('GET', `/api/datasets/imports/${job.id}`);
	}
	if (job.state === 'failed' || !job.outcome) throw new CliError(job.error?.message ?? job.state);
	onProgress({ ...job.progress, phase: 'done' });
	print({ ...job.outcome, reasons: job.outcome.reasons.map((r) => [r.reason, r.n]) });
}

async function importHere(db: Database, source: string, uploadsDir: string): Promise<void> {
	const actor = `cli:${os.userInfo().username}`;
	const outcome = await runImport(
		db,
		fs.createReadStream(source),
		{ ...request, sourceName: path.basename(file), actor },
		{ workDir: uploadsDir, rejectThreshold: s.rejectThreshold, onProgress }
	);
	print({ ...outcome, reasons: Object.entries(outcome.reasons) });
}

let target;
try {
	target = await openTarget(s, locale, { create: values.create, memoryLimit: s.importMemoryLimit, log: console.error });
} catch (error) {
	if (!(error instanceof CliError)) throw error;
	console.error(error.message);
	process.exit(1);
}

// A Parquet folder is read through a CSV working file: in the database's working folder when
// working on the file (a restart clears it if left), in a temporary folder when the server imports it.
const workDir = values.parquet ? (target.kind === 'file' ? s.uploadsDir : fs.mkdtempSync(path.join(os.tmpdir(), 'court-import-'))) : null;
const parquetCsv = workDir ? path.join(workDir, `${randomUUID()}.csv`) : null;
try {
	if (parquetCsv) {
		fs.mkdirSync(workDir!, { recursive: true });
		const converter = target.kind === 'file' ? target.db : await Database.open(':memory:');
		await parquetToCsv(converter, file, values.kind as CanonicalKind, parquetCsv).finally(
			() => target.kind === 'server' && converter.close()
		);
	}
	if (target.kind === 'server') await importThroughServer(target.server, parquetCsv ?? file);
	else await importHere(target.db, parquetCsv ?? file, s.uploadsDir);
} catch (error) {
	if (error instanceof ImportError) console.error(importErrorText(error.code, error.params, locale));
	else if (error instanceof CliError || (error as { status?: number }).status) console.error((error as Error).message);
	else if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as NodeJS.ErrnoException).code === 'ECONNREFUSED')
		console.error(
			m.cli_err_server_gone({ url: (target as { server: ServerClient }).server.address, detail: (error as Error).message }, o())
		);
	else throw error;
	process.exitCode = 1;
} finally {
	if (parquetCsv) fs.rmSync(parquetCsv, { force: true });
	if (workDir && target.kind === 'server') fs.rmSync(workDir, { recursive: true, force: true });
	if (target.kind === 'file') {
		await target.db.checkpoint();
		target.db.close();
	}
}
