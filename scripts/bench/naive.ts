/**
 * The naive way a view could be computed without a database: stream the case records CSV
 * through papaparse and aggregate in JavaScript, once per request. The figures must equal the
 * server's (checked by the benchmark), so that the comparison is of the same work.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { NaiveSpec } from './views';

type Counts = Map<string, { filed: number; decided: number }>;

async function countCases(file: string, spec: NaiveSpec): Promise<Counts> {
	const counts: Counts = new Map();
	const bucket = (key: string) => {
		let c = counts.get(key);
		if (!c) counts.set(key, (c = { filed: 0, decided: 0 }));
		return c;
	};
	await new Promise<void>((resolve, reject) => {
		Papa.parse<Record<string, string>>(fs.createReadStream(file), {
			header: true,
			skipEmptyLines: true,
			step: ({ data }) => {
				const key = spec.by ? data[spec.by] : '';
				// ISO dates compare as text.
				if (data.filed_date >= spec.from && data.filed_date <= spec.to) bucket(key).filed++;
				if (data.decided_date && data.decided_date >= spec.from && data.decided_date <= spec.to) bucket(key).decided++;
			},
			complete: () => resolve(),
			error: reject
		});
	});
	return counts;
}

/** The view's figure per group key, computed from the CSV. */
export async function naiveView(file: string, spec: NaiveSpec): Promise<Map<string, number>> {
	const counts = await countCases(file, spec);
	const value = ({ filed, decided }: { filed: number; decided: number }) =>
		spec.value === 'incoming' ? filed : filed === 0 ? NaN : (decided / filed) * 100;
	return new Map([...counts].map(([key, c]) => [key, value(c)]));
}
