/**
 * One end-to-end run at a time on a machine: each starts a build, two servers and Chromium, and
 * several at once on a small machine push every test past its timeout. The lock is a directory
 * (mkdir is atomic) holding the owner's pid; a lock whose owner has died is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = path.join(os.tmpdir(), 'court-situational-center-e2e.lock');

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function owner(): number | null {
	try {
		return Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8')) || null;
	} catch {
		return null;
	}
}

/** Waits for the machine's end-to-end lock; resolves to its release. */
export async function acquireMachineLock(): Promise<() => void> {
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(LOCK);
			fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
			return () => fs.rmSync(LOCK, { recursive: true, force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = owner();
			// A lock without a pid is being written by its owner this instant; one with a dead pid is stale.
			if (pid !== null && !alive(pid)) fs.rmSync(LOCK, { recursive: true, force: true });
			else {
				if (!announced) console.log(`Waiting for another end-to-end run on this machine (pid ${pid ?? '?'}) to finish…`);
				announced = true;
				await sleep(2000);
			}
		}
	}
}
