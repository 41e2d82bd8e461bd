/**
 * A user's reading of an "other" dataset's columns: a type chosen over the recognised one (a
 * column marked as regions although few of its values were recognised, or a number column read
 * as text), and codes given to region values that were not recognised. Kept by header text, so
 * that the next version of the dataset is read the same way.
 */
import { isColumnType, type ColumnType, type OtherColumn } from '../../domain/explore';
import { regionByCode } from '../../domain/regions';
import type { Queryable } from '../db/database';
import { audit } from '../datasets/registry';

export interface ColumnSetting {
	type: ColumnType | null;
	/** Cell text → region code ('' marks a value that names no region). */
	valueCodes: Record<string, string>;
}

export async function columnSettings(q: Queryable, datasetId: number): Promise<Map<string, ColumnSetting>> {
	const rows = await q.query<{ column_name: string; type: string | null; value_codes: string | null }>(
		`SELECT column_name, type, value_codes FROM other_column_settings WHERE dataset_id = $id`,
		{ id: datasetId }
	);
	return new Map(
		rows.map((r) => [
			r.column_name,
			{ type: isColumnType(r.type) ? r.type : null, valueCodes: r.value_codes ? JSON.parse(r.value_codes) : {} }
		])
	);
}

/** The columns as the user reads them: a chosen type replaces the recognised one. */
export function applySettings(columns: readonly OtherColumn[], settings: Map<string, ColumnSetting>): OtherColumn[] {
	return columns.map((c) => ({ ...c, type: settings.get(c.name)?.type ?? c.type }));
}

/**
 * A setting sent by a client merged into the column's current one, when well-formed: a known
 * type (null: as recognised) and region codes that exist ('' for "not a region").
 */
export function checkSetting(raw: unknown, current: ColumnSetting = { type: null, valueCodes: {} }): ColumnSetting | null {
	if (typeof raw !== 'object' || raw === null) return null;
	const { type = current.type, valueCodes = {} } = raw as Record<string, unknown>;
	if (type !== null && !isColumnType(type)) return null;
	if (typeof valueCodes !== 'object' || valueCodes === null || Array.isArray(valueCodes)) return null;
	const entries = Object.entries(valueCodes);
	if (entries.length > 1000 || entries.some(([k, v]) => k.length > 500 || typeof v !== 'string' || (v !== '' && !regionByCode(v)))) {
		return null;
	}
	return { type, valueCodes: { ...current.valueCodes, ...(valueCodes as Record<string, string>) } };
}

export async function saveColumnSetting(tx: Queryable, datasetId: number, column: string, setting: ColumnSetting, actor: string) {
	await tx.run(
		`INSERT OR REPLACE INTO other_column_settings (dataset_id, column_name, type, value_codes) VALUES ($id, $column, $type, $codes)`,
		{ id: datasetId, column, type: setting.type, codes: JSON.stringify(setting.valueCodes) }
	);
	await audit(tx, { actor, action: 'column_setting', datasetId, params: { column, type: setting.type ?? 'auto' } });
}
