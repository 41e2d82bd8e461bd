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

/** A standalone copy of the chart's SVG with computed colours inlined, so it renders anywhere. */
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
	ctx.fillStyle = getComputedStyle(svg).getPropertyValue('--surface') || '#fff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	URL.revokeObjectURL(image.src);
	canvas.toBlob((blob) => blob && download(blob, `${filename}.png`), 'image/png');
}

export function exportCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], filename: string) {
	// A byte-order mark lets spreadsheet programs read UTF-8 Cyrillic correctly.
	download(new Blob(['\ufeff' + toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}
