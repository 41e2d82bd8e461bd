/** The wall's clock: the time of day where the screen is (the browser's time zone), with seconds. */
import { INTL_TAG, type Locale } from '$lib/domain/l10n';

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function formatClock(date: Date, locale: Locale): string {
	let format = formats.get(locale);
	// Kazakh writes the time as Russian does; browsers' ICU often lacks Kazakh data (i18n/intl.ts).
	if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(INTL_TAG[locale === 'kk' ? 'ru' : locale], { timeStyle: 'medium' })));
	return format.format(date);
}
