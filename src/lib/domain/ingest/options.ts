/**
 * The options of an upload (the `x-import-options` header, URI-encoded JSON): one valibot schema
 * the server checks them with and the browser and the CLI build them by (its input type).
 * A problem is reported by the name of the option it is in.
 */
import * as v from 'valibot';
import { DELIMITERS, ENCODINGS } from './format';
import { DATASET_KINDS } from './mapping';
import { isProfileName } from './profile';

/** The header carrying the options of an upload (headers are ASCII, hence URI-encoded JSON). */
export const OPTIONS_HEADER = 'x-import-options';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const field = text(64);

export const ImportOptionsSchema = v.object({
	/** Detected from the columns when absent. */
	kind: v.optional(v.picklist(DATASET_KINDS)),
	mode: v.optional(v.picklist(['append', 'replace']), 'append'),
	/** An existing dataset to add to or replace; a new one otherwise. */
	datasetId: v.optional(v.pipe(v.number(), v.integer())),
	/** The name of a new dataset (default: the file's). */
	name: v.optional(text(200)),
	fileName: v.pipe(
		text(255),
		v.check((name) => name.trim() !== '')
	),
	/** The field of each column by position (null: left out). */
	mapping: v.optional(v.array(v.nullable(field))),
	/** Corrections of the suggested mapping by header text (the CLI's --map); '' unmaps. */
	mapHeaders: v.optional(v.record(text(1000), field)),
	/** The header the client previewed: the import stops if the file differs. */
	columns: v.optional(v.array(text(1000))),
	/** The user's codes of cell values by field; checked against the kind's fields once it is known. */
	values: v.optional(v.record(v.string(), v.record(v.string(), v.string()))),
	profile: v.optional(v.custom<string>(isProfileName)),
	/** Corrections of the detected format. */
	format: v.optional(
		v.object({
			encoding: v.optional(v.picklist(ENCODINGS)),
			delimiter: v.optional(v.picklist(DELIMITERS)),
			header: v.optional(v.boolean()),
			decimal: v.optional(v.picklist([',', '.']))
		}),
		{}
	)
});

/** What a client sends. */
export type ImportOptions = v.InferInput<typeof ImportOptionsSchema>;

/** The options of a header, or the name of the faulty option (the header's own when it is no JSON object). */
export function parseImportOptions(header: string | null): v.InferOutput<typeof ImportOptionsSchema> | string {
	let raw: unknown;
	try {
		raw = JSON.parse(decodeURIComponent(header ?? '{}'));
	} catch {
		return OPTIONS_HEADER;
	}
	const parsed = v.safeParse(ImportOptionsSchema, raw);
	if (parsed.success) return parsed.output;
	const key = parsed.issues[0].path?.[0]?.key;
	return typeof key === 'string' ? key : OPTIONS_HEADER;
}
