/**
 * Checks of a staged canonical import, in SQL over the whole file: required fields, readable
 * values, dates in range, no negative amounts, decided after filed, regions recognised, keys
 * unique in the file and (inside the commit) against the rows already loaded. Each problem
 * becomes a row of the rejects table with the line, the file's column name and the value.
 */
import { DATE_RANGE, enumKey } from '../../domain/ingest/values';
import type { RejectReason } from '../../domain/ingest/reasons';
import { normalizeRegion } from '../../domain/regions';
import { CANONICAL_TABLES, type CanonicalKind, type FieldType } from '../../domain/schema';
import { Binder } from '../db/binder';
import type { Queryable, Connection } from '../db/database';
import { insertRows } from '../db/directories';
import { REJECTS, STAGE, type FieldSource } from './stage';

export const REGION_MAP = 'ingest_region_map';

const UNREADABLE: Partial<Record<FieldType, RejectReason>> = {
	date: 'bad_date',
	decimal: 'bad_number',
	integer: 'bad_integer',
	boolean: 'bad_boolean',
	enum: 'bad_enum'
};

/** Field pairs whose second date may not precede the first. */
const DATE_ORDER: Record<CanonicalKind, { from: string; to: string; reason: RejectReason } | null> = {
	cases: { from: 'filed_date', to: 'decided_date', reason: 'decided_before_filed' },
	fraud: null,
	court_stats: { from: 'period_start', to: 'period_end', reason: 'period_end_before_start' }
};

interface Rule {
	reason: RejectReason;
	column: string;
	/** SQL for the offending value, over the stage `s` and region map `m`. */
	value: string;
	where: string;
	detail?: string;
}

/** Rules bind their values into the statement that runs them. */
type RuleOf = (p: Binder) => Rule;

async function insertRule(q: Queryable, ruleOf: RuleOf): Promise<void> {
	const p = new Binder();
	const rule = ruleOf(p);
	await q.run(
		`INSERT INTO ${REJECTS}
		SELECT s.line, ${p.bind(rule.column)}, CAST(${rule.value} AS VARCHAR), ${p.bind(rule.reason)}, ${rule.detail ?? 'NULL'}
		FROM ${STAGE} s LEFT JOIN ${REGION_MAP} m ON m.raw = s.region
		WHERE ${rule.where}`,
		p.values
	);
}

/** The distinct region texts of the file, placed by the user's codes or normalised in code, as a lookup table for SQL. */
async function buildRegionMap(conn: Connection, hasRegion: boolean, given: Readonly<Record<string, string>>): Promise<void> {
	await conn.run(`CREATE OR REPLACE TEMP TABLE ${REGION_MAP} (raw VARCHAR, code VARCHAR, reason VARCHAR)`);
	if (!hasRegion) return;
	const distinct = await conn.query<{ raw: string }>(`SELECT DISTINCT region AS raw FROM ${STAGE} WHERE region IS NOT NULL`);
	const rows = distinct.map(({ raw }) => {
		const mapped = given[enumKey(raw)];
		if (mapped) return [raw, mapped, null];
		const match = normalizeRegion(raw);
		return [raw, match.ok ? match.code : null, match.ok ? null : match.reason === 'ambiguous' ? 'ambiguous_region' : 'bad_region'];
	});
	await insertRows(conn, REGION_MAP, ['raw', 'code', 'reason'], rows);
}

/** The key of a staged row as SQL: the region by its code, absent optional parts as NULL. */
function keyParts(kind: CanonicalKind, sources: readonly FieldSource[]): string[] {
	return CANONICAL_TABLES[kind].key.map((name) =>
		name === 'region' ? 'm.code' : sources.some((s) => s.field.name === name) ? `s.${name}` : 'CAST(NULL AS VARCHAR)'
	);
}

function keyColumn(kind: CanonicalKind, sources: readonly FieldSource[]): string {
	return CANONICAL_TABLES[kind].key
		.map((name) => sources.find((s) => s.field.name === name)?.header)
		.filter(Boolean)
		.join(' + ');
}

const keyText = (parts: string[]) => (parts.length === 1 ? parts[0] : `concat_ws(' / ', ${parts.join(', ')})`);

/** Every check that needs only the file; run on the import's connection before the commit. */
export async function validateStaged(
	conn: Connection,
	kind: CanonicalKind,
	sources: readonly FieldSource[],
	regionCodes: Readonly<Record<string, string>> = {}
): Promise<void> {
	const byName = new Map(sources.map((s) => [s.field.name, s]));
	await buildRegionMap(conn, byName.has('region'), regionCodes);
	const rules: RuleOf[] = [];
	for (const { field, header } of sources) {
		const col = `s.${field.name}`;
		const unreadable = UNREADABLE[field.type];
		if (unreadable) {
			// For enumerations the detail lists the allowed codes.
			const allowed = field.values?.map((v) => v.value).join(', ');
			rules.push((p) => ({
				reason: unreadable,
				column: header,
				value: `s.bad_${field.name}`,
				where: `s.bad_${field.name} IS NOT NULL`,
				detail: allowed ? p.bind(allowed) : undefined
			}));
		}
		if (field.required) {
			const missing = unreadable ? `${col} IS NULL AND s.bad_${field.name} IS NULL` : `${col} IS NULL`;
			rules.push(() => ({ reason: 'required', column: header, value: 'NULL', where: missing }));
		}
		if (field.type === 'date') {
			rules.push((p) => ({
				reason: 'date_out_of_range',
				column: header,
				value: col,
				where: `${col} NOT BETWEEN ${p.bind(DATE_RANGE.from, 'DATE')} AND ${p.bind(DATE_RANGE.to, 'DATE')}`,
				detail: p.bind(`${DATE_RANGE.from} – ${DATE_RANGE.to}`)
			}));
		}
		if (field.type === 'decimal' || field.type === 'integer') {
			rules.push(() => ({ reason: 'negative', column: header, value: col, where: `${col} < 0` }));
		}
		if (field.type === 'region') {
			for (const reason of ['bad_region', 'ambiguous_region'] as const) {
				rules.push((p) => ({ reason, column: header, value: col, where: `m.reason = ${p.bind(reason)}` }));
			}
		}
	}
	const order = DATE_ORDER[kind];
	if (order && byName.has(order.from) && byName.has(order.to)) {
		rules.push(() => ({
			reason: order.reason,
			column: byName.get(order.to)!.header,
			value: `s.${order.to}`,
			where: `s.${order.to} < s.${order.from}`,
			detail: `CAST(s.${order.from} AS VARCHAR)`
		}));
	}
	const stocks = ['pending_start', 'incoming', 'resolved', 'pending_end'];
	if (kind === 'court_stats' && stocks.every((name) => byName.has(name))) {
		// A form's stocks and flows must agree: pending at end = pending at start + incoming − resolved.
		const [start, incoming, resolved, end] = stocks.map((name) => `s.${name}`);
		rules.push(() => ({
			reason: 'stock_identity',
			column: byName.get('pending_end')!.header,
			value: end,
			where: `${end} <> ${start} + ${incoming} - ${resolved}`,
			detail: `printf('%d + %d − %d = %d', ${start}, ${incoming}, ${resolved}, ${start} + ${incoming} - ${resolved})`
		}));
	}
	for (const rule of rules) await insertRule(conn, rule);
	await rejectDuplicatesInFile(conn, kind, sources);
}

/**
 * Second and later rows with a key seen earlier in the file; the detail names the first line.
 * The keys seen twice are found by grouping (keys are nearly all unique), then joined back.
 */
async function rejectDuplicatesInFile(conn: Connection, kind: CanonicalKind, sources: readonly FieldSource[]): Promise<void> {
	const p = new Binder();
	const parts = keyParts(kind, sources);
	const from = `${STAGE} s LEFT JOIN ${REGION_MAP} m ON m.raw = s.region`;
	const same = parts.map((part, i) => `d.k${i} IS NOT DISTINCT FROM ${part}`).join(' AND ');
	await conn.run(
		`INSERT INTO ${REJECTS}
		SELECT s.line, ${p.bind(keyColumn(kind, sources))}, ${keyText(parts)}, 'duplicate_in_file', CAST(d.first AS VARCHAR)
		FROM ${from}
		JOIN (SELECT ${parts.map((part, i) => `${part} AS k${i}`).join(', ')}, min(s.line) AS first FROM ${from}
			WHERE ${parts[0]} IS NOT NULL GROUP BY ALL HAVING count(*) > 1) d ON ${same}
		WHERE s.line > d.first`,
		p.values
	);
}

/**
 * Rows whose key is already loaded: in another dataset, or in this one unless it is being
 * replaced. Runs inside the commit so that it sees every import committed before it.
 */
export async function rejectExistingKeys(
	tx: Queryable,
	kind: CanonicalKind,
	sources: readonly FieldSource[],
	target: { datasetId: number | null; replace: boolean }
): Promise<void> {
	const p = new Binder();
	const table = CANONICAL_TABLES[kind];
	const parts = keyParts(kind, sources);
	const same = table.key.map((name, i) => `c.${name} IS NOT DISTINCT FROM ${parts[i]}`).join(' AND ');
	const keep = target.replace && target.datasetId !== null ? `AND c.dataset_id <> ${p.bind(target.datasetId, 'INTEGER')}` : '';
	await tx.run(
		`INSERT INTO ${REJECTS}
		SELECT s.line, ${p.bind(keyColumn(kind, sources))}, ${keyText(parts)}, 'duplicate_existing', CAST(min(c.dataset_id) AS VARCHAR)
		FROM ${STAGE} s LEFT JOIN ${REGION_MAP} m ON m.raw = s.region
		JOIN ${table.table} c ON ${same} ${keep}
		GROUP BY ALL`,
		p.values
	);
}

/** Rows read (staged or refused by the reader) and rows with at least one problem. */
export async function rejectCounts(q: Queryable): Promise<{ read: number; rejected: number }> {
	const [row] = await q.query<{ read: number; rejected: number }>(
		`SELECT (SELECT count(*) FROM ${STAGE}) + (SELECT count(DISTINCT line) FROM ${REJECTS} WHERE line NOT IN (SELECT line FROM ${STAGE})) AS read,
			(SELECT count(DISTINCT line) FROM ${REJECTS}) AS rejected`
	);
	return row;
}
