/**
 * Words of a header or a cell as real spreadsheets write them, made comparable: each word
 * folded (fuzzy.ts `foldText`), stemmed in its language (Snowball for Russian and English,
 * a few Kazakh endings by hand: there is no Kazakh Snowball stemmer), and marked when it was
 * written as an abbreviation ("удовл.", "гр."). Two words are the same word when their stems
 * agree, when one is an abbreviation or a short stem of the other, or when they share a long
 * start ("отмена" / "отменено"). Shared by header and value matching.
 */
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { foldText } from './fuzzy';

export interface Word {
	/** Folded as `foldText` does. */
	text: string;
	stem: string;
	/** Written with a full stop after it: it may stand for any word it starts. */
	abbreviation: boolean;
}

/** Kazakh endings (plural, possessive, case), longest first; stripped while a stem of 3 letters stays. */
const KAZAKH_ENDINGS = [
	'лардың',
	'лердің',
	'дардың',
	'дердің',
	'тардың',
	'тердің',
	'лары',
	'лері',
	'дары',
	'дері',
	'тары',
	'тері',
	'дағы',
	'дегі',
	'тағы',
	'тегі',
	'ның',
	'нің',
	'дың',
	'дің',
	'тың',
	'тің',
	'дан',
	'ден',
	'тан',
	'тен',
	'нан',
	'нен',
	'лар',
	'лер',
	'дар',
	'дер',
	'тар',
	'тер',
	'сы',
	'сі',
	'ға',
	'ге',
	'қа',
	'ке',
	'да',
	'де',
	'та',
	'те',
	'ды',
	'ді',
	'ты',
	'ті',
	'ны',
	'ні',
	'ы',
	'і'
];

const KAZAKH_LETTERS = /[әғқңөұүһі]/;

function kazakhStem(word: string): string {
	let stem = word;
	for (let changed = true; changed;) {
		changed = false;
		for (const ending of KAZAKH_ENDINGS) {
			if (stem.endsWith(ending) && stem.length - ending.length >= 3) {
				stem = stem.slice(0, -ending.length);
				changed = true;
				break;
			}
		}
	}
	return stem;
}

function stemOf(word: string): string {
	if (/^[a-z]+$/.test(word)) return englishStem(word);
	if (KAZAKH_LETTERS.test(word)) return foldText(kazakhStem(word));
	if (/^[а-яё]+$/.test(word)) return russianStem(word.replaceAll('ё', 'е'));
	return foldText(word);
}

/** The words of a text; `ignored` (folded) words are left out. */
export function wordsOf(text: string, ignored: ReadonlySet<string> = new Set()): Word[] {
	const out: Word[] = [];
	// Words are runs of letters and digits; a full stop right after one marks an abbreviation.
	for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(\.)?/gu)) {
		const raw = match[0].replace(/\.$/, '');
		const folded = foldText(raw);
		if (!folded || ignored.has(folded)) continue;
		out.push({ text: folded, stem: foldText(stemOf(raw)), abbreviation: match[1] === '.' && !/^\d+$/.test(raw) });
	}
	return out;
}

function commonStart(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

/** Whether two words are the same word written differently. */
export function sameWord(a: Word, b: Word): boolean {
	if (a.text === b.text || a.stem === b.stem) return true;
	if (/^\d+$/.test(a.text) || /^\d+$/.test(b.text)) return false;
	// An abbreviation stands for the words it starts ("гр." for "гражданские").
	if (a.abbreviation && a.text.length >= 2 && b.text.startsWith(a.text)) return true;
	if (b.abbreviation && b.text.length >= 2 && a.text.startsWith(b.text)) return true;
	// A stem of four letters or more starting the other word ("апелляц" / "апелляционная", "удовл").
	const [short, long] = a.stem.length <= b.stem.length ? [a, b] : [b, a];
	if (short.stem.length >= 4 && long.text.startsWith(short.stem)) return true;
	// Or a long shared start ("отмена" / "отменено").
	return commonStart(a.text, b.text) >= 5;
}

/**
 * How the words of `text` pair with those of `name`, each used once, in any order: the number
 * of words of either left without a partner, or null when fewer than half of them paired.
 */
export function unpairedWords(text: readonly Word[], name: readonly Word[]): number | null {
	if (!text.length || !name.length) return null;
	const used = new Set<number>();
	let paired = 0;
	for (const word of text) {
		const at = name.findIndex((other, i) => !used.has(i) && sameWord(word, other));
		if (at >= 0) {
			used.add(at);
			paired++;
		}
	}
	if (paired * 2 < Math.max(text.length, name.length)) return null;
	return text.length + name.length - 2 * paired;
}

export interface Named<K> {
	key: K;
	/** Its names, each as words. */
	names: readonly (readonly Word[])[];
}

/** A key known by these names. */
export function namedAs<K>(key: K, names: readonly string[], ignored?: ReadonlySet<string>): Named<K> {
	return { key, names: names.map((n) => wordsOf(n, ignored)).filter((w) => w.length) };
}

/**
 * The one key `text` names word for word (`slack` words more or fewer allowed); null when none
 * does or when two keys do equally well (never a guess between them).
 */
export function variantOf<K>(text: string, named: readonly Named<K>[], slack = 0, ignored?: ReadonlySet<string>): K | null {
	const words = wordsOf(text, ignored);
	let best: { key: K; unpaired: number } | null = null;
	let tie = false;
	for (const candidate of named) {
		for (const name of candidate.names) {
			const unpaired = unpairedWords(words, name);
			if (unpaired === null || unpaired > slack) continue;
			// A word more or less only beside two that pair: "Дата" alone says nothing of "Дата решения суда".
			if (unpaired > 0 && (words.length + name.length - unpaired) / 2 < 2) continue;
			if (!best || unpaired < best.unpaired) {
				best = { key: candidate.key, unpaired };
				tie = false;
			} else if (unpaired === best.unpaired && candidate.key !== best.key) tie = true;
		}
	}
	return best && !tie ? best.key : null;
}
