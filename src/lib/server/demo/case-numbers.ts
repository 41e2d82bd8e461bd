/**
 * Case numbers in the Kazakh style `CCCC-YY-00-T/N`: court code (region KATO + court),
 * year of filing, case-type code, sequence within the court, year and type.
 */
import type { CaseType } from '../../domain/categories';
import type { Court } from '../../domain/courts';

const TYPE_CODE: Record<CaseType, string> = { criminal: '1', civil: '2', administrative: '3', admin_offense: '4' };
const SPECIALISED_CODE: Record<string, string> = { SMEC: '90', SAC: '91', SMCC: '92', JUV: '93', SMAO: '94' };

function courtCode(court: Court): string {
	const [prefix, suffix] = court.id.split('-');
	const code = /^D\d\d$/.test(suffix) ? suffix.slice(1) : SPECIALISED_CODE[suffix];
	if (!code) throw new Error(`Court ${court.id} does not register first-instance cases`);
	return prefix.slice(2) + code;
}

export class CaseNumbers {
	/** Per court: the next number of each year × type, with its prefix built once. */
	private readonly series = new Map<Court, Map<number, { prefix: string; last: number }>>();

	mint(court: Court, type: CaseType, year: number): string {
		let byYear = this.series.get(court);
		if (!byYear) this.series.set(court, (byYear = new Map()));
		const key = year * 10 + Number(TYPE_CODE[type]);
		let s = byYear.get(key);
		if (!s) byYear.set(key, (s = { prefix: `${courtCode(court)}-${String(year % 100).padStart(2, '0')}-00-${TYPE_CODE[type]}/`, last: 0 }));
		return s.prefix + ++s.last;
	}
}
