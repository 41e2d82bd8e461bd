/** The benchmark's figures as Markdown tables (printed, and written to BENCHMARKS.md). */
import type { ImportFigures } from './import';
import type { LoadFigures } from './load';
import type { Machine } from './machine';
import type { PageWeight } from './pages';
import { mb, seconds } from './timing';

export interface ViewFigures {
	name: string;
	url: string;
	statements: number;
	serverMs: number;
	rawMs: number;
	/** The same request answered from the read cache. */
	cachedMs?: number;
	naiveMs?: number;
	naiveMatches?: boolean;
}

export interface Figures {
	machine: Machine;
	dataset: string;
	runs: number;
	views: ViewFigures[];
	imports: ImportFigures[];
	/** Imports appended to the loaded database, which held `appendBase` case records. */
	appends: ImportFigures[];
	appendBase?: number;
	pages: PageWeight[];
	load?: LoadFigures;
	loadDuringImport?: LoadFigures & {
		importRows: number;
		importSeconds: number;
		importStatus: string;
		importBytes: number;
		overlapped: boolean;
	};
	loadSettings?: { connections: number; seconds: number };
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en'));
const ratio = (value: number) => `${value.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const table = (head: string[], rows: string[][]) =>
	[`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function viewsTable(views: ViewFigures[]): string {
	return table(
		['View', 'Statements', 'Server, ms', 'Raw DuckDB, ms', 'Server / raw', 'Server, cached, ms', 'Naive, ms', 'Naive / server'],
		views.map((v) => [
			`${v.name} <br>\`${v.url}\``,
			String(v.statements),
			ms(v.serverMs),
			ms(v.rawMs),
			ratio(v.serverMs / v.rawMs),
			v.cachedMs === undefined ? '–' : ms(v.cachedMs),
			v.naiveMs === undefined ? '–' : `${ms(v.naiveMs)}${v.naiveMatches ? '' : ' (figures differ!)'}`,
			v.naiveMs === undefined ? '–' : ratio(v.naiveMs / v.serverMs)
		])
	);
}

export function importsTable(imports: ImportFigures[], rawHeading: string): string {
	return table(
		['File', 'Rows', 'Import, s', 'Rows/s', rawHeading, 'Throughput vs raw', 'Peak RSS import', 'Peak RSS raw'],
		imports.map((i) => [
			i.bytes >= 1e8 ? `${(i.bytes / 1e9).toFixed(2)} GB` : `${(i.bytes / 1e6).toFixed(1)} MB`,
			i.rows.toLocaleString('en'),
			seconds(i.ours.ms),
			Math.round(i.rows / (i.ours.ms / 1000)).toLocaleString('en'),
			seconds(i.raw.ms),
			ratio(i.raw.ms / i.ours.ms),
			`${mb(i.ours.peakRss)} MB`,
			`${mb(i.raw.peakRss)} MB`
		])
	);
}

export function pagesTable(pages: PageWeight[]): string {
	return table(
		['Page', 'Scripts', 'JS, raw', 'JS, gzip'],
		pages.map((p) => [`\`${p.path}\``, String(p.scripts), kb(p.rawBytes), kb(p.gzipBytes)])
	);
}

export function loadTable(figures: Figures): string {
	const rows: string[][] = [];
	const row = (label: string, l: LoadFigures) => [
		label,
		l.requests.toLocaleString('en'),
		Math.round(l.perSecond).toLocaleString('en'),
		String(l.errors),
		String(l.timeouts),
		String(l.non2xx),
		String(l.p50),
		String(l.p99),
		String(l.max)
	];
	if (figures.load) rows.push(row('Views only', figures.load));
	const during = figures.loadDuringImport;
	if (during) rows.push(row(`While importing ${during.importRows.toLocaleString('en')} rows`, during));
	return table(['Run', 'Requests', 'Req/s', 'Errors', 'Timeouts', 'Non-2xx', 'p50, ms', 'p99, ms', 'Max, ms'], rows);
}

export function machineText(m: Machine): string {
	return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM; ${m.os}; Node ${m.node}; DuckDB ${m.duckdb}; measured ${m.date}.`;
}
