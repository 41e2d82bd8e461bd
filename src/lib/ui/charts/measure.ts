/**
 * How wide a text is drawn: measured on a canvas in the page's font, so that labels are fitted
 * to their room instead of guessed by their number of letters (Cyrillic and Kazakh letters are
 * wider than Latin ones). Without a canvas (server rendering) an estimate stands in.
 */
let context: CanvasRenderingContext2D | null | undefined;

/** The page's font at `size` px, as a CSS font shorthand. */
export function pageFont(size: number, weight = 'normal'): string {
	const family = typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily || 'sans-serif';
	return `${weight} ${size}px ${family}`;
}

/** The width in px of `text` drawn in `font` (a CSS font shorthand). */
export function textWidth(text: string, font: string): number {
	if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	if (!context) return text.length * (Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1]) || 12) * 0.62;
	context.font = font;
	return context.measureText(text).width;
}

/** `text`, or its longest beginning that fits `space` px with an ellipsis. */
export function cutToWidth(text: string, font: string, space: number): string {
	if (textWidth(text, font) <= space) return text;
	for (let n = text.length - 1; n > 0; n--) {
		const cut = `${text.slice(0, n).trimEnd()}…`;
		if (textWidth(cut, font) <= space) return cut;
	}
	return '…';
}

/**
 * `text` broken at spaces into at most `lines` lines that each fit `space` px; the last line
 * takes the rest, cut with an ellipsis if it does not fit. A word longer than the space is cut.
 */
export function wrapToWidth(text: string, font: string, space: number, lines: number): string[] {
	const out: string[] = [];
	let rest = text.trim();
	while (rest && out.length < lines - 1 && textWidth(rest, font) > space) {
		const words = rest.split(/\s+/);
		let n = 1;
		while (n < words.length && textWidth(words.slice(0, n + 1).join(' '), font) <= space) n++;
		out.push(cutToWidth(words.slice(0, n).join(' '), font, space));
		rest = words.slice(n).join(' ');
	}
	if (rest) out.push(cutToWidth(rest, font, space));
	return out;
}
