/** Links and forms of the practice explorer: every change of view is a new URL (query.ts). */
import { serializePractice, type PracticeState } from '$lib/domain/practice/params';

/** The URL of the page with some of the state changed. */
export function practiceHref(state: PracticeState, changes: Partial<PracticeState> = {}, hash = ''): string {
	const params = serializePractice({ ...state, ...changes });
	const search = params.toString();
	return `/practice${search ? `?${search}` : ''}${hash}`;
}

/** The current state's parameters a form does not edit, to carry as hidden inputs. */
export function keptParams(state: PracticeState, edited: readonly string[]): [string, string][] {
	return [...serializePractice(state)].filter(([key]) => !edited.includes(key) && key !== 'page');
}
