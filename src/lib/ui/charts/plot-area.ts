/**
 * The space a chart draws in: the plotting area inside the margins its axes and labels take.
 * The room of an axis is measured from the labels it will draw (measure.ts), so that long words
 * (Kazakh month names, "мың") get the room they need in every language instead of a constant.
 */
import { pageFont, textWidth, wrapToWidth } from './measure';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface PlotArea {
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** The middle of the area, where axis titles are centred. */
	midX: number;
	midY: number;
}

export function plotArea(width: number, height: number, margin: Margin): PlotArea {
	const [left, right, top, bottom] = [margin.left, width - margin.right, margin.top, height - margin.bottom];
	return { left, right, top, bottom, midX: (left + right) / 2, midY: (top + bottom) / 2 };
}

/** Axis labels and titles are drawn at 11 px (AxisTitles, YGrid, the charts' own styles). */
export const AXIS_FONT_SIZE = 11;
export const axisFont = () => pageFont(AXIS_FONT_SIZE);
/** Distance between a tick label and the plot, and between lines of a rotated title. */
export const TICK_GAP = 8;
const TITLE_LINE = 13;

/** The widest of `labels` drawn at the axis font, px. */
export function widest(labels: readonly string[]): number {
	const font = axisFont();
	return Math.max(0, ...labels.map((l) => textWidth(l, font)));
}

/** The lines of a value axis's rotated title along a plot of this height: two at most, then cut. */
export function yTitleLines(title: string | undefined, plotHeight: number): string[] {
	return title ? wrapToWidth(title, axisFont(), Math.max(40, plotHeight), 2) : [];
}

/** The left margin a value axis needs: its rotated title's lines, then its widest tick label. */
export function valueAxisMargin(tickLabels: readonly string[], title: string | undefined, plotHeight: number): number {
	return Math.ceil(4 + yTitleLines(title, plotHeight).length * TITLE_LINE + widest(tickLabels) + TICK_GAP);
}

/** The first baseline of a rotated title's lines, from the chart's left edge. */
export const yTitleX = (line: number) => 4 + (line + 1) * TITLE_LINE - 3;
