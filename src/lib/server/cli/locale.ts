/**
 * The one language of a command-line run: `--lang`, else the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG, as `ru_RU.UTF-8`), else Russian like the UI.
 */
import { BASE_LOCALE, isLocale, type Locale } from '../../domain/l10n';

export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
	const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	const language = value.slice(0, 2).toLowerCase();
	return isLocale(language) ? language : BASE_LOCALE;
}
