/**
 * Passwords a guesser would try early are refused, as NIST SP 800-63B asks (no composition
 * rules, a blocklist instead): zxcvbn-ts estimates the guesses a password needs against lists
 * of common passwords, words, keyboard patterns, repeats ("aaaaaaaaaa"), sequences and dates,
 * and the account's own login and this service's name; under 10^8 guesses (its score 3) is
 * too weak for an account that opens case records.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** Common Russian and Kazakh choices the bundled (Latin) lists lack, and this service's own words. */
const LOCAL_WORDS = [
	'пароль',
	'йцукен',
	'йцукенгшщз',
	'фывапролдж',
	'ячсмить',
	'привет',
	'любовь',
	'qwerty',
	'kazakhstan',
	'qazaqstan',
	'казахстан',
	'қазақстан',
	'astana',
	'астана',
	'almaty',
	'алматы',
	'court',
	'courts',
	'суд',
	'сот',
	'situational',
	'ситуационный',
	'admin',
	'analyst',
	'judge',
	'судья'
];

const MIN_SCORE = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;

/** Loaded on first use: the lists take a few MB and are needed only when a password is set. */
function load(): Promise<ZxcvbnFactory> {
	estimator ??= (async () => {
		const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
		return new ZxcvbnFactory({
			dictionary: { ...common.dictionary, local: LOCAL_WORDS },
			graphs: common.adjacencyGraphs
		});
	})();
	return estimator;
}

/** Whether the password is too easy to guess for this login. */
export async function isWeakPassword(password: string, login: string): Promise<boolean> {
	const result = (await load()).check(password.slice(0, 256), [login, ...login.split(/[._-]/)]);
	return result.score < MIN_SCORE;
}
