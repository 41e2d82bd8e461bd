/**
 * A number with its noun in the grammatical number it takes ("1 запись", "3 записи", "684 записи",
 * "5 записей"): the messages choose their form by Intl.PluralRules (Paraglide's `plural`) from
 * `n`, and show `count`, the number written in the reader's conventions.
 */
import type { Locale } from '../domain/l10n';
import { formatNumberIntl } from './intl';

export type CountMessage = (inputs: { count: string; n: number }, options?: { locale?: Locale }) => string;

export function counted(message: CountMessage, n: number, locale: Locale): string {
	return message({ count: formatNumberIntl(n, locale), n }, { locale });
}
