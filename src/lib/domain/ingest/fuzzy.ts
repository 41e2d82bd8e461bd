/**
 * Fuzzy matching of what people type against known names: text folded (case, ё, Kazakh letters,
 * punctuation), then compared by edit distance (fastest-levenshtein) word by word, so that a
 * misspelling, a dropped word or another word order still finds its candidate, and a weak
 * likeness finds nothing.
 */
import { distance } from 'fastest-levenshtein';

const KAZAKH_FOLD: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };

/** Lower case, Kazakh letters as their nearest Russian ones, accents and punctuation dropped. */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.replace(/[әғқңөұүһіё]/g, (ch) => KAZAKH_FOLD[ch] ?? ch)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** 1 for equal texts, falling to 0 with the edit distance relative to the longer one. */
export function likeness(a: string, b: string): number {
	const longest = Math.max(a.length, b.length);
	return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

/**
 * How well `text` matches `name`, both folded: the whole texts compared, and each word of the
 * shorter matched to its best word of the longer (word order and an extra word do not count).
 */
export function matchScore(text: string, name: string, ignored: ReadonlySet<string> = new Set()): number {
	const words = (s: string) => s.split(' ').filter((w) => w && !ignored.has(w));
	const a = words(text);
	const b = words(name);
	if (!a.length || !b.length) return 0;
	const whole = likeness(a.join(' '), b.join(' '));
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	const perWord = short.reduce((sum, w) => sum + Math.max(...long.map((x) => likeness(w, x))), 0) / short.length;
	// Words left unmatched weigh a little, so that "суд" alone does not equal "районный суд".
	const coverage = short.length / long.length;
	return Math.max(whole, perWord * (0.85 + 0.15 * coverage));
}

export interface Candidate<K> {
	key: K;
	/** Names it is known by, folded with `foldText`. */
	names: readonly string[];
}

export interface Suggestion<K> {
	key: K;
	score: number;
}

/**
 * The candidate `text` most likely means, when it scores at least `threshold` and clearly above
 * the runner-up of another key (an even call suggests nothing).
 */
export function suggest<K>(
	text: string,
	candidates: readonly Candidate<K>[],
	threshold = 0.8,
	ignored?: ReadonlySet<string>
): Suggestion<K> | null {
	const folded = foldText(text);
	const scored = candidates
		.map((c) => ({ key: c.key, score: Math.max(0, ...c.names.map((n) => matchScore(folded, n, ignored))) }))
		.sort((x, y) => y.score - x.score);
	const [best, second] = scored;
	if (!best || best.score < threshold) return null;
	if (second && second.key !== best.key && best.score - second.score < 0.05) return null;
	return best;
}

/** A candidate known by these names (folded here). */
export function candidateOf<K>(key: K, names: readonly string[]): Candidate<K> {
	return { key, names: [...new Set(names.map(foldText).filter(Boolean))] };
}
