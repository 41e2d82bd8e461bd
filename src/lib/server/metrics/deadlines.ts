/** The deadlines in force: the documented defaults, overlaid by the operator's LIMITS_FILE (read and checked at start: hooks.server.ts). */
import { mergeDeadlines, type Deadlines } from '../../domain/deadlines';
import { readSettingFile, settings } from '../config';

let cached: Deadlines | undefined;

export function deadlines(): Deadlines {
	cached ??= readSettingFile('LIMITS_FILE', settings().limitsFile, mergeDeadlines);
	return cached;
}
