/**
 * Every UI message and every text held as data (catalog, directories, enumerations) exists in
 * Russian, Kazakh and English. A missing key in any language fails here.
 */
import fs from 'node:fs';
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

function messages(pattern: string, locale: string): Record<string, string> {
	const { $schema: _, ...rest } = JSON.parse(fs.readFileSync(pattern.replace('{locale}', locale), 'utf8'));
	return rest;
}

describe('UI messages', () => {
	it('are configured for the three working languages, Russian first', () => {
		expect(settings.locales).toEqual(['ru', 'kk', 'en']);
		expect(settings.baseLocale).toBe('ru');
	});

	for (const pattern of patterns) {
		it(`${pattern}: the same non-empty keys and placeholders in every language`, () => {
			const [ru, ...others] = LOCALES.map((l) => messages(pattern, l));
			expect(Object.keys(ru).length).toBeGreaterThan(0);
			for (const [i, other] of others.entries()) {
				const locale = LOCALES[i + 1];
				expect(Object.keys(other).sort(), `${pattern} ${locale}`).toEqual(Object.keys(ru).sort());
				for (const [key, text] of Object.entries(other)) {
					expect(text.trim(), `${locale}.${key}`).not.toBe('');
					const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
					expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(ru[key]));
				}
			}
		});
	}
});

describe('texts held as data', () => {
	const texts: [string, L10n][] = [
		...INDICATORS.flatMap((i) => [
			[`${i.id}.name`, i.name],
			[`${i.id}.definition`, i.definition],
			[`${i.id}.formula`, i.formula],
			[`${i.id}.sourceNote`, i.sourceNote]
		] as [string, L10n][]),
		...DIMENSIONS.map((d) => [`dimension ${d.id}`, d.label] as [string, L10n]),
		...REGIONS.map((r) => [`region ${r.code}`, r.name] as [string, L10n]),
		...COURTS.map((c) => [`court ${c.id}`, c.name] as [string, L10n]),
		...CATEGORIES.map((c) => [`category ${c.id}`, c.name] as [string, L10n]),
		...FRAUD_REFERENCES.flatMap((r) => [[`fraud reference ${r.id} period`, r.period], [`fraud reference ${r.id} source`, r.source]] as [string, L10n][]),
		...Object.entries(schema)
			.filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'object' && 'label' in x))
			.flatMap(([name, values]) =>
				(values as { value?: string; name?: string; label: L10n }[]).map((v) => [`${name} ${v.value ?? v.name}`, v.label] as [string, L10n])
			)
	];

	it('has a non-empty text in every language', () => {
		expect(texts.length).toBeGreaterThan(500);
		for (const [where, text] of texts) {
			for (const locale of LOCALES) expect(text[locale]?.trim(), `${where} ${locale}`).toBeTruthy();
		}
	});
});
