/** Turns the paths of cases through the instances into the nodes and links of a flow diagram. */
import type { FlowLink, FlowNode } from './SankeySvg.svelte';

export interface Path {
	first: string;
	appeal: string | null;
	cassation: string | null;
	supervisory: string | null;
	n: number;
}

export const STAGES = ['first', 'appeal', 'cassation', 'supervisory'] as const;
/** The sink every case reaches when no further instance reviewed it. */
export const FINAL = 'final';

export function flowGraph(paths: readonly Path[], label: (stage: string, outcome: string) => string, finalLabel: string) {
	const nodes = new Map<string, FlowNode>();
	const links = new Map<string, FlowLink>();
	const node = (stage: number, outcome: string) => {
		const id = `${STAGES[stage]}:${outcome}`;
		if (!nodes.has(id)) nodes.set(id, { id, label: label(STAGES[stage], outcome), group: stage });
		return id;
	};
	const link = (source: string, target: string, n: number) => {
		const key = `${source}>${target}`;
		const l = links.get(key) ?? { source, target, value: 0 };
		l.value += n;
		links.set(key, l);
	};
	for (const p of paths) {
		const steps = [p.appeal, p.cassation, p.supervisory];
		let from = node(0, p.first);
		for (let i = 0; i < steps.length && steps[i] !== null; i++) {
			const to = node(i + 1, steps[i]!);
			link(from, to, p.n);
			from = to;
		}
		// Cases stop where no review followed (or the review is pending).
		if (!from.endsWith(':pending')) {
			if (!nodes.has(FINAL)) nodes.set(FINAL, { id: FINAL, label: finalLabel, group: STAGES.length });
			link(from, FINAL, p.n);
		}
	}
	return { nodes: [...nodes.values()], links: [...links.values()] };
}
