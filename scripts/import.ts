/**
 * Imports a CSV file into the database through the same pipeline as the web upload:
 *
 *   npm run import -- --kind cases|fraud|court_stats|other [--mode append|replace]
 *                     [--map "Header=field" …] [--values "field:text=code" …] [--profile NAME]
 *                     [--dataset ID] [--name NAME] [--lang ru|kk|en] FILE
 *   npm run import -- --parquet --kind cases|fraud|court_stats [--mode …] [--dataset ID] FOLDER
 *
 * With --parquet, FOLDER holds Parquet files as `npm run export:parquet` writes them (a kind's
 * folder, or one dataset's `dataset_id=N` folder in it); they go through the same checks.
 * The mapping is suggested from the headers as on the web (known names and their variants);
 * --map corrects it (an empty field unmaps a column). Cell values written otherwise than the
 * codes are read when they are variants of a label; --values places the others. --profile
 * applies the mappings saved under NAME and saves those of this import there; without it the
 * profile saved for files with the same headers is applied. Whatever was read loosely or left
 * out is printed with the flag that fixes it. Stop the server first: DuckDB lets one process
 * open the database file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isDatasetKind } from '../src/lib/domain/ingest/mapping';
import { isLocale, type Locale } from '../src/lib/domain/l10n';
import { importErrorText, kindText, phaseText, rejectText } from '../src/lib/i18n/data-texts';
import type { CanonicalKind } from '../src/lib/domain/schema';
import { settings } from '../src/lib/server/config';
import { parquetToCsv } from '../src/lib/server/datasets/parquet';
import { Database } from '../src/lib/server/db/database';
import { syncDirectories } from '../src/lib/server/db/directories';
import { migrate } from '../src/lib/server/db/migrations';
import { ImportError } from '../src/lib/server/ingest/errors';
import { runImport, type Progress } from '../src/lib/server/ingest/pipeline';
import { isProfileName } from '../src/lib/domain/ingest/profile';
import { parseValueFlag, withValueCode, type ValueCodes } from '../src/lib/domain/ingest/value-codes';
import { mappingLines } from '../src/lib/i18n/mapping-texts';
import * as m from '../src/lib/paraglide/messages.js';

const USAGE =
	'Usage: npm run import -- --kind cases|fraud|court_stats|other [--mode append|replace] [--map "Header=field" …] [--values "field:text=code" …] [--profile NAME] [--dataset ID] [--name NAME] [--lang ru|kk|en] FILE\n' +
	'       npm run import -- --parquet --kind cases|fraud|court_stats [--mode append|replace] [--dataset ID] [--name NAME] [--lang ru|kk|en] FOLDER';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		kind: { type: 'string' },
		mode: { type: 'string', default: 'append' },
		map: { type: 'string', multiple: true, default: [] },
		values: { type: 'string', multiple: true, default: [] },
		profile: { type: 'string' },
		dataset: { type: 'string' },
		name: { type: 'string' },
		lang: { type: 'string', default: 'ru' },
		parquet: { type: 'boolean', default: false },
		help: { type: 'boolean', short: 'h', default: false }
	}
});
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
const [file] = positionals;
if (!file || positionals.length > 1) fail('Give exactly one FILE.');
if (!fs.existsSync(file)) fail(`No such file: ${file}`);
if (values.kind !== undefined && !isDatasetKind(values.kind))
	fail(`--kind: "${values.kind}" is not one of cases, fraud, court_stats, other.`);
if (values.mode !== 'append' && values.mode !== 'replace') fail(`--mode: "${values.mode}" is not append or replace.`);
if (values.parquet && !(values.kind === 'cases' || values.kind === 'fraud' || values.kind === 'court_stats'))
	fail('--parquet needs --kind cases, fraud or court_stats.');
if (!isLocale(values.lang)) fail(`--lang: "${values.lang}" is not ru, kk or en.`);
const locale: Locale = values.lang;
const datasetId = values.dataset === undefined ? undefined : Number(values.dataset);
if (datasetId !== undefined && !Number.isInteger(datasetId)) fail(`--dataset: "${values.dataset}" is not a dataset number.`);
const mapHeaders: Record<string, string> = {};
for (const pair of values.map) {
	const at = pair.lastIndexOf('=');
	if (at < 1) fail(`--map: "${pair}" is not Header=field.`);
	mapHeaders[pair.slice(0, at)] = pair.slice(at + 1).trim();
}
let valueCodes: ValueCodes = {};
for (const flag of values.values) {
	const parsed = parseValueFlag(flag);
	if (!parsed) fail(`--values: "${flag}" is not field:text=code.`);
	valueCodes = withValueCode(valueCodes, parsed.field, parsed.text, parsed.code);
}
if (values.profile !== undefined && !isProfileName(values.profile)) fail(`--profile: "${values.profile}" is not a profile name.`);

const s = settings();
const db = await Database.open(s.databasePath, { threads: s.duckdbThreads || undefined, memoryLimit: s.importMemoryLimit });
await migrate(db);
await db.transaction((tx) => syncDirectories(tx));

const started = Date.now();
let lastPrint = 0;
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
function onProgress(p: Progress) {
	const now = Date.now();
	if (now - lastPrint < 1000 && p.phase !== 'done') return;
	lastPrint = now;
	const rows = p.totalRows
		? ` ${p.rows.toLocaleString('en')} / ${p.totalRows.toLocaleString('en')} rows`
		: ` ${(p.bytes / 1e6).toFixed(0)} MB`;
	console.error(`[${seconds()} s] ${phaseText(p.phase, locale)}${rows}`);
}

// A Parquet folder is read through a CSV working file, named so that a restart clears it if left.
const parquetCsv = values.parquet ? path.join(s.uploadsDir, `${randomUUID()}.csv`) : null;
try {
	if (parquetCsv) {
		fs.mkdirSync(s.uploadsDir, { recursive: true });
		await parquetToCsv(db, file, values.kind as CanonicalKind, parquetCsv);
	}
	const outcome = await runImport(
		db,
		fs.createReadStream(parquetCsv ?? file),
		{
			kind: values.kind as Parameters<typeof runImport>[2]['kind'],
			mode: values.mode,
			datasetId,
			name: values.name,
			mapHeaders,
			values: valueCodes,
			profile: values.profile,
			sourceName: path.basename(file),
			actor: `cli:${process.env.USER ?? 'unknown'}`
		},
		{ workDir: s.uploadsDir, rejectThreshold: s.rejectThreshold, onProgress }
	);
	console.log(
		`${outcome.status === 'committed' ? 'Committed' : 'Refused'}: ${kindText(outcome.kind, locale)}` +
			(outcome.datasetId ? `, dataset ${outcome.datasetId} version ${outcome.version}` : '') +
			`; read ${outcome.rowsRead}, loaded ${outcome.rowsLoaded}, rejected ${outcome.rowsRejected}` +
			` (threshold ${(outcome.threshold * 100).toFixed(2)}%) in ${seconds()} s; SHA-256 ${outcome.sha256}`
	);
	if (outcome.profile) console.log(m.map_profile_applied({ name: outcome.profile }, { locale }));
	for (const line of mappingLines(outcome, locale)) console.log(`  ${line}`);
	for (const [reason, n] of Object.entries(outcome.reasons)) console.log(`  ${n} × ${rejectText(reason as never, '…', locale)}`);
	for (const r of outcome.rejects.slice(0, 20)) {
		console.log(
			`  line ${r.line ?? '?'}${r.column ? `, ${r.column}` : ''}${r.value !== null ? ` = "${r.value}"` : ''}: ${rejectText(r.reason, r.detail, locale)}`
		);
	}
	process.exitCode = outcome.status === 'committed' ? 0 : 1;
} catch (error) {
	if (!(error instanceof ImportError)) throw error;
	console.error(importErrorText(error.code, error.params, locale));
	process.exitCode = 1;
} finally {
	if (parquetCsv) fs.rmSync(parquetCsv, { force: true });
	await db.checkpoint();
	db.close();
}
