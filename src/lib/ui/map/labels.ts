/**
 * Names written on the region map. Full names do not fit a tile and "Алматы" alone would name
 * both the city and the region in Kazakh, so the map has curated names: a short one, unique in
 * each language, and an abbreviation for narrow screens. Tooltips and tables keep the full names.
 */
import type { L10n, Locale } from '$lib/domain/l10n';

interface MapLabel {
	short: L10n;
	abbr: L10n;
}

const label = (ru: string, kk: string, en: string, abbrRu: string, abbrKk: string, abbrEn: string): MapLabel => ({
	short: { ru, kk, en },
	abbr: { ru: abbrRu, kk: abbrKk, en: abbrEn }
});

export const MAP_LABELS: Readonly<Record<string, MapLabel>> = {
	'KZ-10': label('Абай', 'Абай', 'Abai', 'Абай', 'Абай', 'Abai'),
	'KZ-11': label('Акмола', 'Ақмола', 'Akmola', 'Акм', 'Ақм', 'Akm'),
	'KZ-15': label('Актобе', 'Ақтөбе', 'Aktobe', 'Акт', 'Ақт', 'Akt'),
	'KZ-19': label('Алм. обл.', 'Алм. обл.', 'Almaty reg.', 'АлмО', 'АлмО', 'AlmR'),
	'KZ-23': label('Атырау', 'Атырау', 'Atyrau', 'Атр', 'Атр', 'Atr'),
	'KZ-27': label('ЗКО', 'БҚО', 'W. Kaz.', 'ЗКО', 'БҚО', 'WKO'),
	'KZ-31': label('Жамбыл', 'Жамбыл', 'Zhambyl', 'Жмб', 'Жмб', 'Zhm'),
	'KZ-33': label('Жетысу', 'Жетісу', 'Zhetysu', 'Жет', 'Жет', 'Zht'),
	'KZ-35': label('Караганда', 'Қарағанды', 'Karaganda', 'Крг', 'Қрғ', 'Kar'),
	'KZ-39': label('Костанай', 'Қостанай', 'Kostanay', 'Кст', 'Қст', 'Kos'),
	'KZ-43': label('Кызылорда', 'Қызылорда', 'Kyzylorda', 'Кзл', 'Қзл', 'Kyz'),
	'KZ-47': label('Мангистау', 'Маңғыстау', 'Mangystau', 'Мнг', 'Мңғ', 'Man'),
	'KZ-55': label('Павлодар', 'Павлодар', 'Pavlodar', 'Пвл', 'Пвл', 'Pav'),
	'KZ-59': label('СКО', 'СҚО', 'N. Kaz.', 'СКО', 'СҚО', 'NKO'),
	'KZ-61': label('Туркестан', 'Түркістан', 'Turkistan', 'Трк', 'Түр', 'Tur'),
	'KZ-62': label('Улытау', 'Ұлытау', 'Ulytau', 'Улт', 'Ұлт', 'Uly'),
	'KZ-63': label('ВКО', 'ШҚО', 'E. Kaz.', 'ВКО', 'ШҚО', 'EKO'),
	'KZ-71': label('Астана', 'Астана', 'Astana', 'Аст', 'Аст', 'Ast'),
	'KZ-75': label('Алматы', 'Алматы', 'Almaty', 'Алм', 'Алм', 'Alm'),
	'KZ-79': label('Шымкент', 'Шымкент', 'Shymkent', 'Шым', 'Шым', 'Shy')
};

/** Average advance of a letter, in em, of the UI's sans-serif at small sizes (measured on Inter/DejaVu). */
const EM_PER_CHAR = 0.58;

/**
 * The name to write in `space` pixels and its font size: the short name at up to `maxSize` px,
 * shrunk down to `minSize`, else the abbreviation, else nothing.
 */
export function fitLabel(code: string, locale: Locale, space: number, maxSize = 11, minSize = 8): { text: string; size: number } | null {
	const entry = MAP_LABELS[code];
	if (!entry) return null;
	for (const text of [entry.short[locale], entry.abbr[locale]]) {
		const size = Math.min(maxSize, space / (text.length * EM_PER_CHAR));
		if (size >= minSize) return { text, size: Math.floor(size * 2) / 2 };
	}
	return null;
}
