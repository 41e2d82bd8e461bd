/** Links of the practice explorer: every change of view is a new URL (query.ts). */
import { serializePractice, type PracticeState } from '$lib/domain/practice/params';

/** The URL of the page with some of the state changed. */
export function practiceHref(state: PracticeState, changes: Partial<PracticeState> = {}, hash = ''): string {
	const params = serializePractice({ ...state, ...changes });
	const search = params.toString();
	return `/practice${search ? `?${search}` : ''}${hash}`;
}
