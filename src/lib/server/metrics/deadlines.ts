/** The deadlines in force: the documented defaults, overlaid by the operator's LIMITS_FILE. */
import fs from 'node:fs';
import { mergeDeadlines, type Deadlines } from '../../domain/deadlines';
import { settings } from '../config';

let cached: Deadlines | undefined;

export function deadlines(): Deadlines {
	if (!cached) {
		const file = settings().limitsFile;
		cached = mergeDeadlines(file ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
	}
	return cached;
}
