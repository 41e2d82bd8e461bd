import { getLocale } from '$lib/paraglide/runtime';
import { isLocale, BASE_LOCALE, type Locale } from '$lib/domain/l10n';

/** The language of the current request (server) or page (browser). */
export function currentLocale(): Locale {
	const locale = getLocale();
	return isLocale(locale) ? locale : BASE_LOCALE;
}
