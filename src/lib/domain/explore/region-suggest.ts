/** A region suggested for a value the region recognition did not take ("Карагандинкая обл."). */
import { candidateOf, suggest, type Candidate } from '../ingest/fuzzy';
import { REGIONS } from '../regions';

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

export function suggestRegion(text: string): string | null {
	return suggest(text, CANDIDATES, 0.75, MARKERS)?.key ?? null;
}
