/**
 * Saving a chart: its SVG or a PNG rendered from it, framed as a figure that stands on its own
 * (title, period, filters above; the legend, the source and, for demo data, the synthetic-data
 * note below), and its data as CSV under the same words.
 */
import { toCsv } from '$lib/domain/csv';
import { textWidth, wrapToWidth } from './measure';

/** The words around an exported chart. */
export interface ExportCaption {
	title: string;
	/** Under the title: the period, the filters. */
	lines: string[];
	/** Under the legend: the source, the synthetic-data note. */
	notes: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_PX = 16;
const LINE_PX = 12;
const NOTE_PX = 11;
const SWATCH = 12;

function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The colour the chart is drawn on in the current theme (the chart card's background). */
function backgroundOf(el: Element): string {
	for (let e: Element | null = el; e; e = e.parentElement) {
		const colour = getComputedStyle(e).backgroundColor;
		if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
	}
	return 'transparent';
}

/** A theme variable resolved to a colour (light-dark() and all), as the element would draw it. */
function themeColour(host: Element, variable: string): string {
	const probe = document.createElement('span');
	probe.style.color = `var(${variable})`;
	host.appendChild(probe);
	const colour = getComputedStyle(probe).color;
	probe.remove();
	return colour;
}

/** Computed styles copied onto an exported SVG's elements (halos of labels: paint-order and stroke). */
const INLINED = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-linejoin',
	'paint-order',
	'font-size',
	'font-family',
	'font-weight',
	'font-variant-numeric',
	'opacity'
];

/** A copy of an SVG with its computed colours and fonts inlined, so it renders anywhere as on screen. */
function inlined(svg: SVGSVGElement): SVGSVGElement {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const source = svg.querySelectorAll('*');
	copy.querySelectorAll('*').forEach((el, i) => {
		const style = getComputedStyle(source[i]);
		for (const prop of INLINED) (el as SVGElement).style.setProperty(prop, style.getPropertyValue(prop));
		// The computed colour is inlined: a theme variable left in an attribute means nothing elsewhere.
		for (const attr of ['fill', 'stroke']) if (el.getAttribute(attr)?.includes('var(')) el.removeAttribute(attr);
	});
	return copy;
}

interface LegendItem {
	text: string;
	/** An SVG swatch (map classes, line keys) or a plain colour. */
	swatch: SVGSVGElement | { colour: string; dashed: boolean } | null;
}

/** The chart's HTML legend (the `.legend` beside the drawing), item by item. */
function legendOf(root: Element): LegendItem[] {
	return [...root.querySelectorAll<HTMLElement>('.legend > span')].flatMap((item): LegendItem[] => {
		const text = item.textContent?.replace(/\s+/g, ' ').trim() ?? '';
		if (!text) return [];
		const mark = item.querySelector('svg, i');
		if (mark instanceof SVGSVGElement) return [{ text, swatch: inlined(mark) }];
		if (!mark) return [{ text, swatch: null }];
		const style = getComputedStyle(mark);
		const filled = style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.borderTopStyle !== 'dashed';
		return [{ text, swatch: { colour: filled ? style.backgroundColor : style.borderTopColor, dashed: !filled } }];
	});
}

/** Words broken into lines no wider than `width` at the given font, as many as they need. */
const wrap = (text: string, width: number, font: string) => wrapToWidth(text, font, width, Infinity);

function element<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) {
	const el = document.createElementNS(SVG_NS, name);
	for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
	if (text !== undefined) el.textContent = text;
	return el;
}

/**
 * The chart as a standalone figure: the caption's title and lines above the drawing, its legend
 * and notes below, on the theme's background, in the theme's colours.
 */
export function framedSvg(
	svg: SVGSVGElement,
	legendRoot: Element,
	caption: ExportCaption
): { text: string; width: number; height: number } {
	const { width: chartWidth, height: chartHeight } = svg.getBoundingClientRect();
	const width = Math.ceil(Math.max(chartWidth, 480)) + 2 * PAD;
	const inner = width - 2 * PAD;
	const family = getComputedStyle(svg).fontFamily || 'sans-serif';
	const text = themeColour(svg, '--text');
	const muted = themeColour(svg, '--muted');
	const out = element('svg', { xmlns: SVG_NS, width, height: 0, 'font-family': family });
	const background = element('rect', { width: '100%', height: '100%', fill: backgroundOf(svg) });
	out.append(background);

	let y = PAD;
	const write = (line: string, size: number, colour: string, weight = 'normal') => {
		out.append(element('text', { x: PAD, y: y + size, 'font-size': size, fill: colour, 'font-weight': weight }, line));
		y += Math.round(size * 1.4);
	};
	for (const line of wrap(caption.title, inner, `bold ${TITLE_PX}px ${family}`)) write(line, TITLE_PX, text, 'bold');
	for (const l of caption.lines) for (const line of wrap(l, inner, `${LINE_PX}px ${family}`)) write(line, LINE_PX, muted);
	y += 8;

	const chart = inlined(svg);
	chart.setAttribute('x', String(PAD + Math.max(0, (inner - chartWidth) / 2)));
	chart.setAttribute('y', String(y));
	chart.setAttribute('width', String(chartWidth));
	chart.setAttribute('height', String(chartHeight));
	out.append(chart);
	y += chartHeight + 10;

	// The legend flows in rows, each item a swatch and its words.
	let x = PAD;
	const legend = legendOf(legendRoot);
	for (const item of legend) {
		const font = `${LINE_PX}px ${family}`;
		const words = item.text;
		const itemWidth = (item.swatch ? SWATCH + 6 : 0) + Math.min(inner, textWidth(words, font)) + 16;
		if (x > PAD && x + itemWidth > PAD + inner) {
			x = PAD;
			y += LINE_PX + 8;
		}
		if (item.swatch instanceof SVGSVGElement) {
			const swatch = item.swatch;
			swatch.setAttribute('x', String(x));
			swatch.setAttribute('y', String(y));
			out.append(swatch);
		} else if (item.swatch) {
			out.append(
				item.swatch.dashed
					? element('line', {
							x1: x,
							x2: x + SWATCH,
							y1: y + SWATCH / 2,
							y2: y + SWATCH / 2,
							stroke: item.swatch.colour,
							'stroke-width': 2,
							'stroke-dasharray': '3 2'
						})
					: element('rect', { x, y, width: SWATCH, height: SWATCH, fill: item.swatch.colour })
			);
		}
		const tx = x + (item.swatch ? SWATCH + 6 : 0);
		out.append(element('text', { x: tx, y: y + LINE_PX - 2, 'font-size': LINE_PX, fill: text }, words));
		x += itemWidth;
	}
	if (legend.length) y += LINE_PX + 12;

	for (const n of caption.notes) for (const line of wrap(n, inner, `${NOTE_PX}px ${family}`)) write(line, NOTE_PX, muted);
	const height = Math.ceil(y + PAD - 4);
	out.setAttribute('height', String(height));
	out.setAttribute('viewBox', `0 0 ${width} ${height}`);
	return { text: new XMLSerializer().serializeToString(out), width, height };
}

export function exportSvg(svg: SVGSVGElement, legendRoot: Element, caption: ExportCaption, filename: string) {
	download(new Blob([framedSvg(svg, legendRoot, caption).text], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function exportPng(svg: SVGSVGElement, legendRoot: Element, caption: ExportCaption, filename: string, scale = 2) {
	const framed = framedSvg(svg, legendRoot, caption);
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([framed.text], { type: 'image/svg+xml' }));
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = framed.width * scale;
	canvas.height = framed.height * scale;
	const ctx = canvas.getContext('2d')!;
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	canvas.toBlob((blob) => blob && download(blob, `${filename}.png`), 'image/png');
}

export function exportCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], caption: ExportCaption, filename: string) {
	const preamble = [caption.title, ...caption.lines, ...caption.notes];
	// A byte-order mark lets spreadsheet programs read UTF-8 Cyrillic correctly.
	download(new Blob(['\ufeff' + toCsv(columns, rows, preamble)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}
