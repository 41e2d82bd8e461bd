import { describe, expect, it } from 'vitest';
import { REGIONS, TOTAL_POPULATION, normalizeRegion, regionOn, regionShortName } from './regions';

const expectCode = (input: string, code: string) => expect(normalizeRegion(input), input).toEqual({ ok: true, code });

describe('region directory', () => {
	it('holds the 20 units of 2022 with unique codes and the 2023 population', () => {
		expect(REGIONS).toHaveLength(20);
		expect(new Set(REGIONS.map((r) => r.code)).size).toBe(20);
		expect(TOTAL_POPULATION).toBe(19_765_004);
	});

	it('places the regions formed on 8 June 2022 in their former region before that day', () => {
		expect(regionOn('KZ-10', '2022-06-07')).toBe('KZ-63');
		expect(regionOn('KZ-33', '2019-01-01')).toBe('KZ-19');
		expect(regionOn('KZ-62', '2022-01-31')).toBe('KZ-35');
		expect(regionOn('KZ-10', '2022-06-08')).toBe('KZ-10');
		expect(regionOn('KZ-75', '2019-01-01')).toBe('KZ-75');
	});

	it('maps every official name in every language to its own code', () => {
		for (const r of REGIONS) {
			for (const name of [r.name.ru, r.name.kk, r.name.en]) {
				// The bare city name "Алматы" is ambiguous by design; the others are not.
				if (r.code === 'KZ-75') continue;
				expectCode(name, r.code);
			}
		}
	});

	it('maps ISO codes old and new and KATO codes of 2 and 9 digits', () => {
		expectCode('KZ-75', 'KZ-75');
		expectCode('kz-71', 'KZ-71');
		expectCode('KZ-ALA', 'KZ-75');
		expectCode('KZ-AST', 'KZ-71');
		expectCode('KZ-SHY', 'KZ-79');
		expectCode('KZ-YUZ', 'KZ-61');
		expectCode('KZ-VOS', 'KZ-63');
		expectCode('KZ-ZHA', 'KZ-31');
		expectCode('750000000', 'KZ-75');
		expectCode('31', 'KZ-31');
		expectCode('510000000', 'KZ-61');
		expect(normalizeRegion('KZ-99')).toMatchObject({ ok: false, reason: 'unknown' });
		expect(normalizeRegion('750000001')).toMatchObject({ ok: false, reason: 'unknown' });
	});

	it('maps the spellings of DOMAIN.md §3', () => {
		for (const s of ['Jambyl', 'Zhambyl', 'Жамбылская', 'Жамбылская обл.', 'ЖАМБЫЛСКАЯ ОБЛАСТЬ']) expectCode(s, 'KZ-31');
		for (const s of ['Jetisu', 'Zhetysu', 'Zhetisu', 'Жетісу облысы']) expectCode(s, 'KZ-33');
		for (const s of ['Abay', 'Abai']) expectCode(s, 'KZ-10');
		for (const s of ['Karagandy', 'Karaganda', 'Qaraghandy', 'Қарағанды облысы']) expectCode(s, 'KZ-35');
		for (const s of ['Kostanai', 'Kostanay']) expectCode(s, 'KZ-39');
		for (const s of ['Mangistau', 'Mangystau']) expectCode(s, 'KZ-47');
		for (const s of ['Turkestan', 'Turkistan', 'South Kazakhstan', 'Южно-Казахстанская область']) expectCode(s, 'KZ-61');
		for (const s of ['Nur-Sultan', 'Astana', 'г. Нур-Султан', 'Нұр-Сұлтан']) expectCode(s, 'KZ-71');
		expectCode('Batys Kazakhstan', 'KZ-27');
		expectCode('Shygys Kazakhstan', 'KZ-63');
		expectCode('Soltustik Kazakhstan', 'KZ-59');
		// The boundary file spells North Kazakhstan with a Latin "i" and Shymkent the old way.
		expectCode('Солтүстiк Қазақстан облысы', 'KZ-59');
		expectCode('Чимкент', 'KZ-79');
	});

	it('tells the city of Almaty from the region only when the text says which', () => {
		expect(normalizeRegion('Almaty')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['KZ-75', 'KZ-19'] });
		expect(normalizeRegion('Алматы')).toMatchObject({ ok: false, reason: 'ambiguous' });
		expectCode('г. Алматы', 'KZ-75');
		expectCode('Алматы қаласы', 'KZ-75');
		expectCode('Almaty city', 'KZ-75');
		expectCode('Алматы облысы', 'KZ-19');
		expectCode('Алматинская область', 'KZ-19');
		expectCode('Almaty region', 'KZ-19');
	});

	it('refuses empty and unknown names', () => {
		expect(normalizeRegion('')).toEqual({ ok: false, reason: 'empty' });
		expect(normalizeRegion('   ')).toEqual({ ok: false, reason: 'empty' });
		expect(normalizeRegion('Atlantis')).toEqual({ ok: false, reason: 'unknown' });
	});
});

describe('short region names', () => {
	it('drops the word for region in each language, and keeps city names', () => {
		expect(regionShortName('KZ-11', 'ru')).toBe('Акмолинская');
		expect(regionShortName('KZ-11', 'kk')).toBe('Ақмола');
		expect(regionShortName('KZ-19', 'en')).toBe('Almaty region');
		expect(regionShortName('KZ-75', 'ru')).toBe('Алматы');
	});
});
