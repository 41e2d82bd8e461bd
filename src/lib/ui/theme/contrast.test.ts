/**
 * WCAG contrast of the theme colours in app.css, in the light and the dark theme: text 4.5:1
 * (AA), chart series and form-control outlines 3:1 (non-text contrast). axe-core checks the text
 * it finds on each page; this checks every pair the variables are meant for, SVG included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Scheme = 'light' | 'dark';

/** The colour variables of :root, each resolved for both themes. */
function themeColours(): Record<Scheme, Record<string, string>> {
	const css = fs.readFileSync('src/app.css', 'utf8');
	const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
	const out: Record<Scheme, Record<string, string>> = { light: {}, dark: {} };
	for (const [, name, value] of root.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
		const pair = /^light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)$/i.exec(value);
		if (pair) [out.light[name], out.dark[name]] = [pair[1], pair[2]];
		else if (/^#[0-9a-f]{6}$/i.test(value)) out.light[name] = out.dark[name] = value;
	}
	return out;
}

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5]
		.map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const TEXT: [string, string][] = [
	...['--text', '--muted', '--accent', '--ok', '--watch', '--alert'].flatMap(
		(fg) =>
			[
				[fg, '--bg'],
				[fg, '--surface']
			] as [string, string][]
	),
	['--text', '--surface-raised'],
	['--banner-text', '--banner-bg'],
	['--on-accent', '--accent']
];
const GRAPHICS: [string, string][] = [
	...[1, 2, 3, 4, 5, 6].map((i) => [`--series-${i}`, '--surface'] as [string, string]),
	['--control-border', '--surface'],
	['--control-border', '--bg'],
	['--seq-5', '--seq-1']
];

describe('theme colours', () => {
	const colours = themeColours();

	it('are read from app.css for both themes', () => {
		expect(Object.keys(colours.light).length).toBeGreaterThan(25);
		expect(colours.light['--bg']).not.toBe(colours.dark['--bg']);
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
	});

	for (const scheme of ['light', 'dark'] as const) {
		it(`${scheme}: text reaches 4.5:1 and graphics 3:1 against their background`, () => {
			const c = colours[scheme];
			const failing = [...TEXT.map((p) => [...p, 4.5] as const), ...GRAPHICS.map((p) => [...p, 3] as const)]
				.map(([fg, bg, min]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(c[fg], c[bg]), min }))
				.filter(({ ratio, min }) => !(ratio >= min));
			expect(failing).toEqual([]);
		});
	}

	it('the sequential scale grows darker (light theme) or lighter (dark theme) step by step', () => {
		for (const scheme of ['light', 'dark'] as const) {
			const steps = [1, 2, 3, 4, 5].map((i) => luminance(colours[scheme][`--seq-${i}`]));
			const sorted = [...steps].sort((a, b) => (scheme === 'light' ? b - a : a - b));
			expect(steps, scheme).toEqual(sorted);
		}
	});
});

describe('components and pages', () => {
	const sources = (dir: string): string[] =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
			const file = path.join(dir, e.name);
			if (e.isDirectory()) return e.name === 'paraglide' || e.name === 'server' ? [] : sources(file);
			return /\.(svelte|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [file] : [];
		});
	// Reading a computed colour back (export.ts) is not choosing one.
	const READ_BACK = /'rgba\(0, 0, 0, 0\)'/g;

	it('take every colour from the theme variables, so that both themes and print apply to them', () => {
		const files = sources('src');
		expect(files.length).toBeGreaterThan(20);
		const found = files.flatMap((file) => {
			const code = fs.readFileSync(file, 'utf8').replace(READ_BACK, '');
			return [...code.matchAll(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b(?![\w-])|\b(?:rgba?|hsla?)\([^)]*\)|:\s*(?:white|black)\b/gi)].map(
				(m) => `${file}: ${m[0]}`
			);
		});
		expect(found).toEqual([]);
	});
});
