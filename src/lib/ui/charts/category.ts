/**
 * Names of categories beside bars (bar chart, funnel): a label column as wide as the names need,
 * and each name fitted to it — on one line if it or its short form fits, else on two smaller
 * lines, cut only then. Widths are measured (measure.ts), so Kazakh and Russian names get the
 * room they need, not a share guessed from Latin letters.
 */
import { pageFont, textWidth, wrapToWidth } from './measure';

/** The names are drawn at 12 px, 11 px on two lines (CategoryLabel.svelte). */
const font = (size: number, bold: boolean) => pageFont(size, bold ? 'bold' : 'normal');
/** Between a name and its bar. */
export const LABEL_GAP = 14;

/**
 * The label column's width: the longest name's (at least 90 px), up to 45 % of the chart or,
 * for long names, up to what leaves the bars `keep` px.
 */
export function labelColumn(labels: readonly string[], width: number, keep: number): number {
	const needed = Math.max(90, Math.max(0, ...labels.map((l) => textWidth(l, font(12, false)))) + LABEL_GAP);
	return Math.round(Math.min(needed, Math.max(width * 0.45, width - keep)));
}

/** A name's lines in `space` px, and whether they are the smaller two-line type. */
export function fitCategory(label: string, short: string | undefined, space: number, bold = false): { lines: string[]; small: boolean } {
	for (const text of [label, short]) if (text && textWidth(text, font(12, bold)) <= space) return { lines: [text], small: false };
	return { lines: wrapToWidth(label, font(11, bold), space, 2), small: true };
}
