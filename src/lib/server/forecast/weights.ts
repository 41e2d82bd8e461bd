/** Category weights of the judge workload: equal, or the operator's WORKLOAD_WEIGHTS_FILE. */
import { parseWeights, type CategoryWeights } from '../../domain/forecast/workload';
import { readSettingFile, settings } from '../config';

let cached: CategoryWeights | undefined;

export function workloadWeights(): CategoryWeights {
	cached ??= readSettingFile('WORKLOAD_WEIGHTS_FILE', settings().workloadWeightsFile, parseWeights);
	return cached;
}
