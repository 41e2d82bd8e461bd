import { describe, expect, it } from 'vitest';
import { environmentLocale } from './locale';

describe('the language of a command-line run', () => {
	it('follows LC_ALL, then LC_MESSAGES, then LANG, and falls back to Russian', () => {
		expect(environmentLocale({ LANG: 'kk_KZ.UTF-8' })).toBe('kk');
		expect(environmentLocale({ LANG: 'en_US.UTF-8', LC_ALL: 'ru_RU.UTF-8' })).toBe('ru');
		expect(environmentLocale({ LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
		expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('ru');
		expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('ru');
		expect(environmentLocale({})).toBe('ru');
	});
});
