/** A region suggested for a value the region recognition did not take ("Карагандинкая обл."). */
import { candidateOf, suggest, type Candidate } from '../ingest/fuzzy';
import { REGIONS, normalizeRegion } from '../regions';

/** Words that say "region" or "city": they do not tell regions apart. */
const MARKERS = new Set([
	'область',
	'обл',
	'облысы',
	'oblast',
	'oblysy',
	'region',
	'province',
	'г',
	'город',
	'city',
	'каласы',
	'kalasy',
	'qalasy'
]);

const CANDIDATES: Candidate<string>[] = REGIONS.map((r) => candidateOf(r.code, [r.name.ru, r.name.kk, r.name.en, ...r.aliases]));

/**
 * `named`: the regions the same column already names. A name that fits two regions ("Алматы": the
 * city or the region) is suggested as the one the column does not name otherwise, so a file listing
 * "Алматинская область" beside "Алматы" gets the city offered; the user still confirms it.
 */
export function suggestRegion(text: string, named: ReadonlySet<string> = new Set()): string | null {
	const match = normalizeRegion(text);
	if (!match.ok && match.reason === 'ambiguous') {
		const open = (match.candidates ?? []).filter((code) => !named.has(code));
		return open.length === 1 ? open[0] : null;
	}
	return suggest(text, CANDIDATES, 0.75, MARKERS)?.key ?? null;
}
