/**
 * Turns the paths of cases through the instances into the nodes and links of a flow diagram.
 * Every first-instance decision of the period is counted: those never appealed flow into one
 * "not appealed" node of the appeal column, so the diagram shows how few go on.
 */
export interface FlowNode {
	id: string;
	/** The outcome's name; the column says the instance. */
	label: string;
	/** Column (the instance: 0 first, 1 appeal, …); also the colour group. */
	group: number;
	/** The decisions that stopped here (never appealed): drawn in a neutral colour. */
	rest?: boolean;
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
export type Stage = (typeof STAGES)[number];

/** The outcome code of the "not appealed" node. */
export const NOT_APPEALED = 'not_appealed';

export function flowGraph(paths: readonly Path[], label: (stage: Stage, outcome: string) => string) {
	const nodes = new Map<string, FlowNode>();
	const links = new Map<string, FlowLink>();
	const node = (stage: number, outcome: string) => {
		const id = `${STAGES[stage]}:${outcome}`;
		if (!nodes.has(id))
			nodes.set(id, { id, label: label(STAGES[stage], outcome), group: stage, ...(outcome === NOT_APPEALED ? { rest: true } : {}) });
		return id;
	};
	const link = (from: string, to: string, n: number) => {
		const key = `${from}>${to}`;
		const l = links.get(key) ?? { source: from, target: to, value: 0 };
		l.value += n;
		links.set(key, l);
	};
	for (const p of paths) {
		let from = node(0, p.first);
		if (p.appeal === null) {
			link(from, node(1, NOT_APPEALED), p.n);
			continue;
		}
		const steps = [p.appeal, p.cassation, p.supervisory];
		for (let i = 0; i < steps.length && steps[i] !== null; i++) {
			const to = node(i + 1, steps[i]!);
			link(from, to, p.n);
			from = to;
		}
	}
	return { nodes: [...nodes.values()], links: [...links.values()] };
}

export interface StageRow {
	stage: Stage;
	outcome: string;
	label: string;
	n: number;
	/** Percent of the period's first-instance decisions. */
	share: number;
}

/** Cases by stage and outcome: the diagram's nodes as a list, for narrow screens. */
export function stageRows(graph: { nodes: FlowNode[]; links: FlowLink[] }): StageRow[] {
	const into = new Map<string, number>();
	const out = new Map<string, number>();
	for (const l of graph.links) {
		into.set(l.target, (into.get(l.target) ?? 0) + l.value);
		out.set(l.source, (out.get(l.source) ?? 0) + l.value);
	}
	const rows = graph.nodes.map((n) => ({
		stage: STAGES[n.group],
		outcome: n.id.slice(n.id.indexOf(':') + 1),
		label: n.label,
		group: n.group,
		rest: Boolean(n.rest),
		// A first-instance node has no inflow; a later one's size is what flowed in.
		n: n.group === 0 ? (out.get(n.id) ?? 0) : (into.get(n.id) ?? 0)
	}));
	const decisions = rows.filter((r) => r.group === 0).reduce((s, r) => s + r.n, 0);
	return rows
		.sort((a, b) => a.group - b.group || Number(a.rest) - Number(b.rest) || b.n - a.n)
		.map((r) => ({ stage: r.stage, outcome: r.outcome, label: r.label, n: r.n, share: (100 * r.n) / decisions }));
}
