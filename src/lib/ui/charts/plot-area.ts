/** The space a chart draws in: the plotting area inside the margins its axes and labels take. */
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
