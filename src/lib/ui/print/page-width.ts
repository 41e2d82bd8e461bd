/**
 * Charts are drawn for the screen's width; printed from a wide screen they would shrink with
 * their text. While the page prints they are drawn again at the width they take on A4.
 */

/** A4 less the page margins of app.css (210 − 2 × 12 mm), in CSS px. */
export const PRINT_PAGE_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/** The width an element takes on the printed page: its share of the page's content width on screen. */
export function printedWidth(el: HTMLElement): number {
	const page = el.closest('main') ?? document.documentElement;
	return Math.round(Math.min(1, el.clientWidth / Math.max(1, page.clientWidth)) * PRINT_PAGE_PX);
}

/** Calls `onchange(true)` before the page prints (or when print media is emulated) and `onchange(false)` after; returns the cleanup. */
export function onPrint(onchange: (printing: boolean) => void): () => void {
	const media = matchMedia('print');
	const before = () => onchange(true);
	const after = () => onchange(false);
	const change = () => onchange(media.matches);
	addEventListener('beforeprint', before);
	addEventListener('afterprint', after);
	media.addEventListener('change', change);
	return () => {
		removeEventListener('beforeprint', before);
		removeEventListener('afterprint', after);
		media.removeEventListener('change', change);
	};
}
