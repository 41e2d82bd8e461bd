/** Saving a chart: its SVG as drawn, a PNG rendered from it, and its data as CSV. */
import { toCsv } from '$lib/domain/csv';

function download(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The colour the chart is drawn on in the current theme (the chart card's background). */
function backgroundOf(svg: SVGSVGElement): string {
	for (let el: Element | null = svg; el; el = el.parentElement) {
		const colour = getComputedStyle(el).backgroundColor;
		if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
	}
	return 'transparent';
}

/**
 * A standalone copy of the chart's SVG with computed colours inlined and the theme's background
 * painted behind it, so it renders anywhere as it looks on screen (light or dark theme).
 */
function standaloneSvg(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const source = svg.querySelectorAll('*');
	copy.querySelectorAll('*').forEach((el, i) => {
		const style = getComputedStyle(source[i]);
		for (const prop of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'opacity']) {
			(el as SVGElement).style.setProperty(prop, style.getPropertyValue(prop));
		}
	});
	const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', backgroundOf(svg));
	copy.insertBefore(background, copy.firstChild);
	return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg: SVGSVGElement, filename: string) {
	download(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }), `${filename}.svg`);
}

export async function exportPng(svg: SVGSVGElement, filename: string, scale = 2) {
	const { width, height } = svg.getBoundingClientRect();
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(width * scale);
	canvas.height = Math.ceil(height * scale);
	const ctx = canvas.getContext('2d')!;
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	canvas.toBlob((blob) => blob && download(blob, `${filename}.png`), 'image/png');
}

export function exportCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], filename: string) {
	// A byte-order mark lets spreadsheet programs read UTF-8 Cyrillic correctly.
	download(new Blob(['\ufeff' + toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}
