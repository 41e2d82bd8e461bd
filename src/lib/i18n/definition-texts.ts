/** Problems of indicator definitions in the reader's language, each with the field it is in. */
import type { DefinitionProblem } from '../domain/definitions/shape';
import type { Locale } from '../domain/l10n';
import * as m from '../paraglide/messages.js';

type Params = Record<string, string>;
const TEXTS: Record<string, (params: Params, options: { locale: Locale }) => string> = {
	unknown_key: m.def_unknown_key,
	missing: m.def_missing,
	invalid: (p, o) => m.def_invalid({ expected: p.expected, received: p.received }, o),
	no_column: (p, o) => m.def_no_column({ column: p.column }, o),
	column_type: (p, o) => m.def_column_type({ column: p.column, type: p.type, allowed: p.allowed }, o),
	filter_list: (p, o) => m.def_filter_list({ op: p.op }, o),
	filter_scalar: (p, o) => m.def_filter_scalar({ op: p.op }, o),
	filter_order: (p, o) => m.def_filter_order({ column: p.column, type: p.type }, o),
	day_without_month: m.def_day_without_month,
	duplicate: (p, o) => m.def_duplicate({ column: p.column }, o),
	thresholds_need_better: m.def_thresholds_need_better,
	target_needs_thresholds: m.def_target_needs_thresholds,
	thresholds_order: (p, o) => m.def_thresholds_order({ better: p.better }, o),
	built_in: (p, o) => m.def_built_in({ id: p.id }, o),
	no_dataset: (p, o) => m.def_no_dataset({ dataset: p.dataset }, o),
	ambiguous_dataset: (p, o) => m.def_ambiguous_dataset({ dataset: p.dataset, ids: p.ids }, o),
	exists: (p, o) => m.def_exists({ id: p.id }, o),
	not_found: (p, o) => m.def_not_found({ id: p.id }, o),
	repeated_in_file: (p, o) => m.def_repeated_in_file({ id: p.id, first: p.first }, o),
	time_column: (p, o) => m.def_time_column({ column: p.column, allowed: p.allowed }, o)
};

export function problemText(problem: DefinitionProblem, locale: Locale): string {
	const text = TEXTS[problem.code]?.(problem.params, { locale }) ?? problem.code;
	return m.def_problem({ path: problem.path || '—', text }, { locale });
}
