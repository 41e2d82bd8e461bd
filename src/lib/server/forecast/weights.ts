/** Category weights of the judge workload: equal, or the operator's WORKLOAD_WEIGHTS_FILE. */
import fs from 'node:fs';
import { parseWeights, type CategoryWeights } from '../../domain/forecast/workload';
import { settings } from '../config';

let cached: CategoryWeights | undefined;

export function workloadWeights(): CategoryWeights {
	if (!cached) {
		const file = settings().workloadWeightsFile;
		try {
			cached = parseWeights(file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
		} catch (e) {
			throw new Error(`WORKLOAD_WEIGHTS_FILE ${file}: ${(e as Error).message}`, { cause: e });
		}
	}
	return cached;
}
