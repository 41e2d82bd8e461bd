/** Names of version statuses and modes on the data pages. */
import type { Locale } from '$lib/domain/l10n';
import { formatDateTime } from '$lib/i18n/intl';
import * as m from '$lib/paraglide/messages';

const STATUS: Record<string, () => string> = {
	active: m.status_active,
	superseded: m.status_superseded,
	rolled_back: m.status_rolled_back
};
const MODE: Record<string, () => string> = { append: m.mode_append, replace: m.mode_replace };

export const statusText = (status: string) => STATUS[status]?.() ?? status;
export const modeText = (mode: string) => MODE[mode]?.() ?? mode;

/** A timestamp (ISO, UTC) as date and time in the reader's language. */
export function formatWhen(iso: string, locale: Locale): string {
	return formatDateTime(new Date(iso), locale);
}
