/**
 * Every UI message and every text held as data (catalog, directories, enumerations) exists in
 * Russian, Kazakh and English. A missing key in any language fails here, and so does a message
 * folder not registered in project.inlang/settings.json, or Kazakh copied from Russian.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, INDICATORS } from './domain/catalog';
import { CATEGORIES } from './domain/categories';
import { COURTS } from './domain/courts';
import { FRAUD_REFERENCES } from './domain/fraud';
import { LOCALES, type L10n } from './domain/l10n';
import { REGIONS } from './domain/regions';
import * as schema from './domain/schema';

const settings = JSON.parse(fs.readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

/** Every messages file on disk, as the pattern that would name it ("./messages/x/{locale}.json"). */
function patternsOnDisk(dir = 'messages'): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return patternsOnDisk(path.join(dir, entry.name));
		const locale = entry.name.replace(/\.json$/, '');
		return (LOCALES as readonly string[]).includes(locale) ? [`./${dir}/{locale}.json`] : [];
	});
}

/**
 * Kazakh shares loan words with Russian (судья, логин, файл, схема, Астана), but a text
 * copied from Russian instead of translated shows up as many identical entries.
 */
const MAX_KAZAKH_AS_RUSSIAN = 0.1;
function kazakhCopiedFromRussian(pairs: [string, string, string][]): string[] {
	const cyrillic = pairs.filter(([, ru]) => /[а-яё]/i.test(ru));
	const same = cyrillic.filter(([, ru, kk]) => ru === kk).map(([where]) => where);
	return same.length > MAX_KAZAKH_AS_RUSSIAN * cyrillic.length ? same : [];
}

/** A message with plural forms (inlang variants) as all its forms on lines of one text. */
type Variants = { match: Record<string, string> }[];
const asText = (message: string | Variants) =>
	typeof message === 'string' ? message : message.flatMap((v) => Object.values(v.match)).join('\n');

function messages(pattern: string, locale: string): Record<string, string> {
	const { $schema: _, ...rest } = JSON.parse(fs.readFileSync(pattern.replace('{locale}', locale), 'utf8'));
	return Object.fromEntries(Object.entries(rest as Record<string, string | Variants>).map(([key, message]) => [key, asText(message)]));
}

describe('UI messages', () => {
	it('are configured for the three working languages, Russian first', () => {
		expect(settings.locales).toEqual(['ru', 'kk', 'en']);
		expect(settings.baseLocale).toBe('ru');
	});

	it('every messages file on disk is compiled: its folder is in pathPattern', () => {
		expect(patternsOnDisk().length).toBeGreaterThanOrEqual(3);
		expect([...new Set(patternsOnDisk())].sort()).toEqual([...patterns].sort());
	});

	for (const pattern of patterns) {
		it(`${pattern}: Kazakh is translated, not copied from Russian, and English has no Russian words`, () => {
			const [ru, kk, en] = (['ru', 'kk', 'en'] as const).map((l) => messages(pattern, l));
			expect(kazakhCopiedFromRussian(Object.keys(ru).map((key) => [key, ru[key], kk[key] ?? '']))).toEqual([]);
			// Except where Russian is quoted on purpose, as accepted input ("да, нет").
			const russianInEnglish = Object.entries(en).filter(([, text]) => /[а-яё]{3,}/i.test(text.replace(/да, нет/, '')));
			expect(russianInEnglish).toEqual([]);
		});

		it(`${pattern}: the same non-empty keys and placeholders in every language`, () => {
			const [ru, ...others] = LOCALES.map((l) => messages(pattern, l));
			expect(Object.keys(ru).length).toBeGreaterThan(0);
			for (const [i, other] of others.entries()) {
				const locale = LOCALES[i + 1];
				expect(Object.keys(other).sort(), `${pattern} ${locale}`).toEqual(Object.keys(ru).sort());
				for (const [key, text] of Object.entries(other)) {
					expect(text.trim(), `${locale}.${key}`).not.toBe('');
					// Each once: the forms of a plural may differ in number but not in what they name.
					const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
					expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(ru[key]));
				}
			}
		});
	}
});

describe('texts held as data', () => {
	const texts: [string, L10n][] = [
		...INDICATORS.flatMap(
			(i) =>
				[
					[`${i.id}.name`, i.name],
					[`${i.id}.definition`, i.definition],
					[`${i.id}.formula`, i.formula],
					[`${i.id}.sourceNote`, i.sourceNote]
				] as [string, L10n][]
		),
		...DIMENSIONS.map((d) => [`dimension ${d.id}`, d.label] as [string, L10n]),
		...REGIONS.map((r) => [`region ${r.code}`, r.name] as [string, L10n]),
		...COURTS.map((c) => [`court ${c.id}`, c.name] as [string, L10n]),
		...CATEGORIES.map((c) => [`category ${c.id}`, c.name] as [string, L10n]),
		...FRAUD_REFERENCES.flatMap(
			(r) =>
				[
					[`fraud reference ${r.id} period`, r.period],
					[`fraud reference ${r.id} source`, r.source]
				] as [string, L10n][]
		),
		...Object.entries(schema)
			.filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'object' && 'label' in x))
			.flatMap(([name, values]) =>
				(values as { value?: string; name?: string; label: L10n }[]).map((v) => [`${name} ${v.value ?? v.name}`, v.label] as [string, L10n])
			)
	];

	it('is translated into Kazakh, not copied from Russian', () => {
		expect(kazakhCopiedFromRussian(texts.map(([where, t]) => [where, t.ru, t.kk]))).toEqual([]);
	});

	it('has a non-empty text in every language', () => {
		expect(texts.length).toBeGreaterThan(500);
		for (const [where, text] of texts) {
			for (const locale of LOCALES) expect(text[locale]?.trim(), `${where} ${locale}`).toBeTruthy();
		}
	});
});

describe('components and pages', () => {
	const files = (dir: string): string[] =>
		fs
			.readdirSync(dir, { withFileTypes: true })
			.flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.svelte') ? [path.join(dir, e.name)] : []));

	it('hold no text of their own: words shown or read aloud come from the messages', () => {
		const svelte = files('src');
		expect(svelte.length).toBeGreaterThan(10);
		const found = svelte.flatMap((file) => {
			// Comments may be in any language; what is rendered may not.
			const code = fs.readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
			const cyrillic = [...code.matchAll(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүІі]+/g)].map((m) => m[0]);
			const attributes = [
				...code.matchAll(/\b(?:aria-label|aria-roledescription|aria-description|title|placeholder|alt)="[^"{]*[A-Za-z][^"]*"/g)
			].map((m) => m[0]);
			return [...cyrillic, ...attributes].map((text) => `${file}: ${text}`);
		});
		expect(found).toEqual([]);
	});
});
