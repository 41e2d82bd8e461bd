/**
 * Which court hears a proceeding: first-instance jurisdiction by case type and category,
 * then the regional court on appeal, the Supreme Court or a cassation court on cassation.
 */
import type { CaseType } from '../../domain/categories';
import { ADMINISTRATIVE_COURTS_DATE, COURTS, courtById, districtWeight, regionalCourtOf, type Court } from '../../domain/courts';
import { CASSATION_REFORM, dayOf } from './calendar';
import { Weighted, type Rng } from './random';

const ADMINISTRATIVE_COURTS = dayOf(ADMINISTRATIVE_COURTS_DATE);

/** District courts of each region, weighted by their caseload (the directory lists them in order). */
const districts = new Map<string, Weighted<Court>>();
for (const region of new Set(COURTS.map((c) => c.region))) {
	const list = COURTS.filter((c) => c.kind === 'district' && c.region === region);
	if (list.length) districts.set(region, new Weighted(list.map((c, i) => [c, districtWeight(region, i + 1)] as const)));
}

export function districtCourt(rng: Rng, region: string): Court {
	const table = districts.get(region);
	if (!table) throw new Error(`No district courts in ${region}`);
	return rng.pick(table);
}

function specialised(region: string, suffix: string): Court {
	const court = courtById(`KZ${region.slice(3)}-${suffix}`);
	if (!court) throw new Error(`No ${suffix} court in ${region}`);
	return court;
}

/** Share of a category heard by a specialised court; the rest goes to the district courts. */
const SPECIALISED: Record<string, [suffix: string, share: number][]> = {
	'civil.corporate': [['SMEC', 1]],
	'civil.loan': [['SMEC', 0.1]],
	'civil.insurance': [['SMEC', 0.1]],
	'civil.invalid_transaction': [['SMEC', 0.1]],
	'civil.alimony': [['JUV', 0.08]],
	'civil.family': [['JUV', 0.08]],
	'criminal.murder_99': [['SMCC', 0.6]],
	'criminal.bribery_366': [['SMCC', 0.6]],
	'criminal.robbery_191': [
		['SMCC', 0.2],
		['JUV', 0.04]
	],
	'criminal.drugs_296': [['SMCC', 0.2]],
	'criminal.theft_188': [['JUV', 0.04]],
	'criminal.hooliganism_293': [['JUV', 0.04]],
	'criminal.bodily_harm_106': [['JUV', 0.04]]
};
const ADMIN_OFFENSE: [string, number][] = [
	['SMAO', 0.6],
	['JUV', 0.02]
];

export function firstInstanceCourt(rng: Rng, type: CaseType, category: string, region: string, filed: number): Court {
	// Disputes with public bodies went to the district courts until the administrative courts opened.
	if (type === 'administrative') return filed >= ADMINISTRATIVE_COURTS ? specialised(region, 'SAC') : districtCourt(rng, region);
	const options = type === 'admin_offense' ? ADMIN_OFFENSE : SPECIALISED[category];
	if (options) {
		let u = rng.uniform();
		for (const [suffix, share] of options) {
			if (u < share) return specialised(region, suffix);
			u -= share;
		}
	}
	return districtCourt(rng, region);
}

export const appealCourt = (first: Court): Court => regionalCourtOf(first.region);

const CASSATION_COURT: Partial<Record<CaseType, string>> = {
	civil: 'CASS-CIV',
	criminal: 'CASS-CRIM',
	administrative: 'CASS-ADM'
};

export function cassationCourt(type: CaseType, filed: number): Court {
	const id = filed >= CASSATION_REFORM ? CASSATION_COURT[type] : 'SC';
	const court = id && courtById(id);
	if (!court) throw new Error(`No cassation court for ${type} cases`);
	return court;
}

export const supremeCourt = (): Court => courtById('SC') as Court;
