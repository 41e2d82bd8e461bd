/** Why a figure is hidden from the public, in the reader's language: for screens and for CSV exports alike. */
import type { Locale } from '../domain/l10n';
import * as m from '../paraglide/messages.js';

/** Why a figure is hidden from the viewer, in words, when not for resting on few records; null when for that. */
export function hiddenReason(hidden: string | null | undefined, locale: Locale): string | null {
	if (hidden === 'one_record') return m.hidden_one_record({}, { locale });
	return hidden === 'protects_other' ? m.hidden_protects_other({}, { locale }) : null;
}
