/**
 * Import profiles as both sides see them: the header and value mappings confirmed for a file
 * layout, found again by the layout of the next file (server/ingest/profiles.ts stores them).
 */
import type { CanonicalKind } from '../schema';
import { checkMapping, headerKey, type Mapping } from './mapping';
import type { ValueCodes } from './value-codes';

export interface ImportProfile {
	name: string;
	kind: CanonicalKind;
	/** Each column of the file it was saved from, with its field or null. */
	headers: { column: string; field: string | null }[];
	values: ValueCodes;
	updatedBy: string | null;
	updatedAt: string;
}

/** A profile name: printable, short. */
export function isProfileName(value: unknown): value is string {
	return typeof value === 'string' && value.trim().length > 0 && value.length <= 100 && !/\p{Cc}/u.test(value);
}

/** The layout a profile is found by: the headers in order, folded as header matching folds them. */
export const layoutOf = (columns: readonly string[]) => JSON.stringify(columns.map(headerKey));

export function sameLayout(profile: ImportProfile, columns: readonly string[]): boolean {
	return layoutOf(profile.headers.map((h) => h.column)) === layoutOf(columns);
}

/** The profile's field of each column, matched by header; null when that is not a valid mapping of the kind. */
export function profileMapping(profile: ImportProfile, columns: readonly string[]): Mapping | null {
	const byKey = new Map(profile.headers.map((h) => [headerKey(h.column), h.field]));
	const mapping = columns.map((c) => byKey.get(headerKey(c)) ?? null);
	return checkMapping(mapping, columns.length, profile.kind) ? mapping : null;
}
