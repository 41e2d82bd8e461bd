/** Small measuring helpers shared by the benchmark's parts. */
import fs from 'node:fs';

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** Runs `fn` once to warm up, then `runs` times; the median wall time in ms. */
export async function timeMedian(runs: number, fn: () => Promise<unknown>): Promise<number> {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await fn();
		times.push(performance.now() - started);
	}
	return median(times);
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
