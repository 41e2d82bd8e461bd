/** The three working languages; Russian is the fallback everywhere. */
export const LOCALES = ['ru', 'kk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'ru';

/** Text held as data (catalog, directories) rather than as UI messages. */
export type L10n = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function tr(text: L10n, locale: Locale): string {
	return text[locale] || text[BASE_LOCALE];
}

/** BCP 47 tags used for Intl number and date formatting. */
export const INTL_TAG: Record<Locale, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };
