/**
 * Turns the paths of cases through the instances into the nodes and links of a flow diagram.
 * Only reviewed decisions are drawn: the nine in ten never appealed would flatten the rest
 * (the table under the diagram and the appeal rate show them).
 */
export interface FlowNode {
	id: string;
	label: string;
	/** Colour group (the instance). */
	group: number;
}

export interface FlowLink {
	source: string;
	target: string;
	value: number;
}

export interface Path {
	first: string;
	appeal: string | null;
	cassation: string | null;
	supervisory: string | null;
	n: number;
}

export const STAGES = ['first', 'appeal', 'cassation', 'supervisory'] as const;

export function flowGraph(paths: readonly Path[], label: (stage: string, outcome: string) => string) {
	const nodes = new Map<string, FlowNode>();
	const links = new Map<string, FlowLink>();
	const node = (stage: number, outcome: string) => {
		const id = `${STAGES[stage]}:${outcome}`;
		if (!nodes.has(id)) nodes.set(id, { id, label: label(STAGES[stage], outcome), group: stage });
		return id;
	};
	for (const p of paths) {
		const steps = [p.appeal, p.cassation, p.supervisory];
		if (steps[0] === null) continue;
		let from = node(0, p.first);
		for (let i = 0; i < steps.length && steps[i] !== null; i++) {
			const to = node(i + 1, steps[i]!);
			const key = `${from}>${to}`;
			const l = links.get(key) ?? { source: from, target: to, value: 0 };
			l.value += p.n;
			links.set(key, l);
			from = to;
		}
	}
	return { nodes: [...nodes.values()], links: [...links.values()] };
}
