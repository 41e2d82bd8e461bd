import { describe, expect, it } from 'vitest';
import { datasetName, formatBytes } from './data-texts';

describe('datasetName', () => {
	it('names the demo datasets in the reader’s language and keeps names people gave', () => {
		const demo = { kind: 'cases' as const, name: 'Демо: судебные дела (синтетические) / Demo: court cases (synthetic)', is_demo: true };
		expect(datasetName(demo, 'ru')).toBe('Демо: Судебные дела (синтетические данные)');
		expect(datasetName(demo, 'kk')).toBe('Демо: Сот істері (синтетикалық деректер)');
		expect(datasetName(demo, 'en')).toBe('Demo: Court cases (synthetic data)');
		expect(datasetName({ kind: 'fraud', name: 'Мошенничество 2025', is_demo: false }, 'en')).toBe('Мошенничество 2025');
	});
});

describe('formatBytes', () => {
	it('writes sizes with each language’s separators and units', () => {
		const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
		expect(plain(formatBytes(12.5 * 1024 ** 2, 'ru'))).toBe('12,5 МБ');
		expect(plain(formatBytes(12.5 * 1024 ** 2, 'kk'))).toBe('12,5 МБ');
		expect(formatBytes(12.5 * 1024 ** 2, 'en')).toBe('12.5 MB');
	});
});
