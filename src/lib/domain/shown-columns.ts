/**
 * Which columns a list of records shows, as URL state: `cols=court_id,outcome`. The first column
 * names the row and is always shown; without the parameter every column is. The parameter lists
 * the shown ones in the list's own order, so one choice has one URL.
 */
import type { Parsed } from './query';

export const COLUMNS_PARAM = 'cols';

export function parseShownColumns(raw: string | null, all: readonly string[]): Parsed<string[]> {
	if (raw === null || raw === '') return { ok: true, value: [...all] };
	const asked = raw.split(',');
	const unknown = asked.find((c) => !all.includes(c));
	if (unknown !== undefined) return { ok: false, errors: [{ param: COLUMNS_PARAM, code: 'bad_value', value: unknown, allowed: all }] };
	return { ok: true, value: all.filter((c, i) => i === 0 || asked.includes(c)) };
}

/** The parameter's value for these shown columns: empty when all are shown. */
export function serializeShownColumns(shown: readonly string[], all: readonly string[]): string {
	const listed = all.filter((c, i) => i === 0 || shown.includes(c));
	return listed.length === all.length ? '' : listed.join(',');
}

/** The shown columns with one of them hidden, or shown when it was hidden. */
export function toggleShownColumn(shown: readonly string[], column: string, all: readonly string[]): string[] {
	return all.filter((c) => (c === column ? !shown.includes(c) : shown.includes(c)));
}
