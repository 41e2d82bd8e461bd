/**
 * Values of coded fields the staging SQL did not read (neither a code, a label nor a value the
 * user mapped) are looked at once per distinct text: variants of a label (value-codes.ts) are
 * written into the stage in place, the rest stay unreadable with the code they likely mean.
 * Both are reported with their counts, so the user sees every value read loosely and knows the
 * mapping that fixes each one left out.
 */
import { placeValue, type ValueCodes, type ValueInFile } from '../../domain/ingest/value-codes';
import type { Connection } from '../db/database';
import { insertRows } from '../db/directories';
import { STAGE, type FieldSource } from './stage';
import { REGION_MAP } from './validate';

const VALUE_MAP = 'ingest_value_map';
/** Distinct unreadable texts looked at per field; beyond them rows stay rejected. */
const MAX_DISTINCT = 1000;

/** Places variants of enumeration and yes/no values in the stage; returns every value not read exactly. */
export async function placeStagedValues(conn: Connection, sources: readonly FieldSource[], codes: ValueCodes): Promise<ValueInFile[]> {
	const out: ValueInFile[] = [];
	for (const { field, header } of sources) {
		if (field.type !== 'enum' && field.type !== 'boolean') continue;
		const name = field.name;
		const texts = await conn.query<{ text: string; n: number }>(
			`SELECT bad_${name} AS text, count(*) AS n FROM ${STAGE} WHERE bad_${name} IS NOT NULL GROUP BY 1 ORDER BY n DESC, text LIMIT ${MAX_DISTINCT}`
		);
		const variants: [string, string][] = [];
		for (const { text, n } of texts) {
			const choice = placeValue(field, text, codes[name]);
			out.push({ field: name, column: header, text, count: Number(n), ...choice });
			if (choice.how === 'variant') variants.push([text, choice.code!]);
		}
		if (!variants.length) continue;
		await conn.run(`CREATE OR REPLACE TEMP TABLE ${VALUE_MAP} (raw VARCHAR, code VARCHAR)`);
		await insertRows(conn, VALUE_MAP, ['raw', 'code'], variants);
		const type = field.type === 'boolean' ? 'BOOLEAN' : 'VARCHAR';
		await conn.run(
			`UPDATE ${STAGE} SET ${name} = CAST(m.code AS ${type}), bad_${name} = NULL FROM ${VALUE_MAP} m WHERE ${STAGE}.bad_${name} = m.raw`
		);
	}
	await conn.run(`DROP TABLE IF EXISTS ${VALUE_MAP}`);
	return out;
}

/** Region texts regions.ts does not know (after the user's codes), with their counts and likely region. */
export async function unplacedRegions(conn: Connection, sources: readonly FieldSource[]): Promise<ValueInFile[]> {
	const source = sources.find((s) => s.field.type === 'region');
	if (!source) return [];
	const texts = await conn.query<{ text: string; n: number }>(
		`SELECT s.region AS text, count(*) AS n FROM ${STAGE} s JOIN ${REGION_MAP} m ON m.raw = s.region
		WHERE m.code IS NULL GROUP BY 1 ORDER BY n DESC, text LIMIT ${MAX_DISTINCT}`
	);
	return texts.map(({ text, n }) => ({
		field: source.field.name,
		column: source.header,
		text,
		count: Number(n),
		...placeValue(source.field, text)
	}));
}
