import { describe, expect, it } from 'vitest';
import { CASE_TYPE_VALUES } from './categories';
import { COURTS, INSTANCE_VALUES, TOTAL_JUDGES, courtById, regionalCourtOf } from './courts';
import { LOCALES } from './l10n';
import { REGIONS, REGION_CODES } from './regions';
import { CASE_TYPES, INSTANCES } from './schema';

const districtsOf = (region: string) => COURTS.filter((c) => c.kind === 'district' && c.region === region);

describe('court directory', () => {
	it('holds about 370 courts with unique short uppercase ids', () => {
		expect(COURTS.length).toBeGreaterThanOrEqual(360);
		expect(COURTS.length).toBeLessThanOrEqual(380);
		expect(new Set(COURTS.map((c) => c.id)).size).toBe(COURTS.length);
		for (const c of COURTS) expect(c.id).toMatch(/^[A-Z0-9-]{2,24}$/);
	});

	it('uses the instances and case types of the canonical schema', () => {
		expect([...INSTANCE_VALUES]).toEqual(INSTANCES.map((x) => x.value));
		expect([...CASE_TYPE_VALUES].sort()).toEqual(CASE_TYPES.map((x) => x.value).sort());
		for (const c of COURTS) {
			expect(REGION_CODES).toContain(c.region);
			expect(c.instances.length).toBeGreaterThan(0);
			for (const i of c.instances) expect(INSTANCE_VALUES).toContain(i);
			for (const t of c.caseTypes) expect(CASE_TYPE_VALUES).toContain(t);
		}
	});

	it('gives every region its appeal court, district courts and the five specialised courts', () => {
		for (const r of REGIONS) {
			const courts = COURTS.filter((c) => c.region === r.code);
			const kinds = courts.map((c) => c.kind);
			expect(
				kinds.filter((k) => k === 'regional'),
				r.code
			).toHaveLength(1);
			for (const kind of ['economic', 'administrative', 'criminal', 'juvenile', 'admin_offense'] as const) {
				expect(
					kinds.filter((k) => k === kind),
					`${r.code} ${kind}`
				).toHaveLength(1);
			}
			expect(districtsOf(r.code).length, r.code).toBeGreaterThanOrEqual(5);
			expect(regionalCourtOf(r.code).instances).toEqual(['appeal']);
		}
		expect(COURTS.filter((c) => c.kind === 'regional')).toHaveLength(20);
	});

	it('has district courts in rough proportion to population', () => {
		expect(districtsOf('KZ-75').length).toBeGreaterThanOrEqual(20);
		expect(districtsOf('KZ-61').length).toBeGreaterThanOrEqual(20);
		for (const a of REGIONS) {
			for (const b of REGIONS) {
				if (a.population > 1.5 * b.population)
					expect(districtsOf(a.code).length, `${a.code} vs ${b.code}`).toBeGreaterThan(districtsOf(b.code).length);
			}
		}
		const smallest = [...REGIONS].sort((a, b) => a.population - b.population)[0];
		expect(districtsOf(smallest.code).length).toBeLessThanOrEqual(8);
	});

	it('has three interregional cassation courts in Astana from 1 July 2025 and the Supreme Court', () => {
		const cassation = COURTS.filter((c) => c.kind === 'cassation');
		expect(cassation.map((c) => c.id).sort()).toEqual(['CASS-ADM', 'CASS-CIV', 'CASS-CRIM']);
		for (const c of cassation) {
			expect(c).toMatchObject({ region: 'KZ-71', activeFrom: '2025-07-01', instances: ['cassation'] });
			expect(c.caseTypes).toHaveLength(1);
		}
		expect(new Set(cassation.flatMap((c) => c.caseTypes))).toEqual(new Set(['civil', 'criminal', 'administrative']));
		expect(courtById('SC')).toMatchObject({ kind: 'supreme', region: 'KZ-71', instances: ['cassation', 'supervisory'] });
		expect(courtById('KZ75-SAC')?.activeFrom).toBe('2021-07-01');
	});

	it('opens the courts of Abai, Zhetysu and Ulytau regions on 8 June 2022, when the regions were formed', () => {
		for (const region of ['KZ-10', 'KZ-33', 'KZ-62']) {
			const courts = COURTS.filter((c) => c.region === region);
			expect(courts.length).toBeGreaterThan(5);
			for (const c of courts) expect(c.activeFrom, c.id).toBe('2022-06-08');
		}
		expect(courtById('KZ63-D01')?.activeFrom).toBeUndefined();
	});

	it('seats about 2,364 judges, most at first instance', () => {
		const total = COURTS.reduce((s, c) => s + c.judges, 0);
		expect(Math.abs(total - TOTAL_JUDGES) / TOTAL_JUDGES).toBeLessThan(0.01);
		const appeal = COURTS.filter((c) => c.kind === 'regional').reduce((s, c) => s + c.judges, 0);
		expect(appeal).toBe(475);
		for (const c of COURTS) expect(c.judges, c.id).toBeGreaterThanOrEqual(2);
		// The busiest court of a region is the one at its seat.
		expect(courtById('KZ35-D01')!.judges).toBeGreaterThan(courtById('KZ35-D05')!.judges);
	});

	it('names every court in Russian, Kazakh and English, each name unique', () => {
		for (const locale of LOCALES) {
			const names = COURTS.map((c) => c.name[locale]);
			for (const n of names) expect(n.trim().length).toBeGreaterThan(5);
			expect(new Set(names).size, locale).toBe(COURTS.length);
		}
		expect(courtById('KZ75-D03')?.name.ru).toBe('Районный суд №3 города Алматы');
		expect(courtById('KZ35-OBL')?.name).toEqual({
			ru: 'Карагандинский областной суд',
			kk: 'Қарағанды облыстық соты',
			en: 'Karaganda Regional Court'
		});
		expect(courtById('KZ71-OBL')?.name.en).toBe('Astana City Court');
	});

	it('finds courts by id', () => {
		expect(courtById('CASS-CRIM')?.kind).toBe('cassation');
		expect(courtById('KZ75-SMEC')?.caseTypes).toEqual(['civil']);
		expect(courtById('NOPE')).toBeUndefined();
	});
});
