/** Small measuring helpers shared by the benchmark's parts. */
import fs from 'node:fs';

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Medians of `a` and `b` run alternately (after one warm-up each), so that a change in the load
 * of a shared machine weighs on both alike.
 */
export async function timeInterleaved(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
	await a();
	await b();
	const times: [number[], number[]] = [[], []];
	for (let i = 0; i < runs; i++) {
		for (const [j, fn] of [a, b].entries()) {
			const started = performance.now();
			await fn();
			times[j].push(performance.now() - started);
		}
	}
	return [median(times[0]), median(times[1])];
}

/** Peak resident memory of a process so far, in bytes (Linux VmHWM); 0 once it has exited. */
export function peakRss(pid: number): number {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
	} catch {
		return 0;
	}
}

export const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
export const seconds = (ms: number) => (ms / 1000).toFixed(1);
