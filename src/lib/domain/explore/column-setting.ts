/**
 * A change of how an "other" dataset's column is read (POST /api/datasets/:id/columns), as the
 * browser sends it and the server checks it: a known type (null: as recognised) and codes of
 * region values that exist ('' for "names no region"). A problem is named by its field.
 */
import * as v from 'valibot';
import { regionByCode } from '../regions';
import { COLUMN_TYPES } from './index';

export const ColumnSettingSchema = v.object({
	column: v.pipe(v.string(), v.maxLength(1000)),
	/** Absent: the type stays as it is. */
	type: v.optional(v.nullable(v.picklist(COLUMN_TYPES))),
	/** Cell text → region code; merged into the codes given before. */
	valueCodes: v.optional(
		v.pipe(
			v.record(
				v.pipe(v.string(), v.maxLength(500)),
				v.pipe(
					v.string(),
					v.check((code) => code === '' || regionByCode(code) !== undefined)
				)
			),
			v.check((codes) => Object.keys(codes).length <= 1000)
		),
		{}
	)
});

export type ColumnSettingChange = v.InferInput<typeof ColumnSettingSchema>;

/** The change, or the name of the field at fault. */
export function parseColumnSetting(body: unknown): v.InferOutput<typeof ColumnSettingSchema> | { fault: string } {
	const parsed = v.safeParse(ColumnSettingSchema, body);
	if (parsed.success) return parsed.output;
	const key = parsed.issues[0].path?.[0]?.key;
	return { fault: typeof key === 'string' ? key : 'body' };
}
