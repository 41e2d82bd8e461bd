/** Small measuring helpers shared by the benchmark's parts. */
import fs from 'node:fs';

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Median wall time (ms) of each function, run in turns (after one warm-up each), so that a change
 * in the load of a shared machine weighs on all of them alike.
 */
export async function timeTurns(runs: number, ...fns: (() => Promise<unknown>)[]): Promise<number[]> {
	for (const fn of fns) await fn();
	const times: number[][] = fns.map(() => []);
	for (let i = 0; i < runs; i++) {
		for (const [j, fn] of fns.entries()) {
			const started = performance.now();
			await fn();
			times[j].push(performance.now() - started);
		}
	}
	return times.map(median);
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
