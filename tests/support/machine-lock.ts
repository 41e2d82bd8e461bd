/**
 * One end-to-end run at a time on a machine: each starts a build, two servers and Chromium, and
 * several at once on a small machine push every test past its timeout. Runs take turns in the
 * order they asked (a queue of ticket files named by time and pid), then hold the lock itself: a
 * directory (mkdir is atomic) holding the owner's pid. Tickets and locks of dead processes are
 * taken away.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = path.join(os.tmpdir(), 'court-situational-center-e2e.lock');
const QUEUE = path.join(os.tmpdir(), 'court-situational-center-e2e.queue');

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

const pidOf = (ticket: string) => Number(ticket.split('-')[1]);

/** The tickets of living processes, oldest first. */
function queue(): string[] {
	const tickets = fs.readdirSync(QUEUE).sort();
	for (const ticket of tickets.filter((t) => !alive(pidOf(t)))) fs.rmSync(path.join(QUEUE, ticket), { force: true });
	return tickets.filter((t) => alive(pidOf(t)));
}

function tryLock(): boolean {
	try {
		fs.mkdirSync(LOCK);
		fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const pid = owner();
		// A lock without a pid is being written by its owner this instant; one with a dead pid is stale.
		if (pid !== null && !alive(pid)) fs.rmSync(LOCK, { recursive: true, force: true });
		return false;
	}
}

/** Waits for this run's turn on the machine; resolves to its release. */
export async function acquireMachineLock(): Promise<() => void> {
	fs.mkdirSync(QUEUE, { recursive: true });
	const ticket = `${String(Date.now()).padStart(15, '0')}-${process.pid}`;
	fs.writeFileSync(path.join(QUEUE, ticket), '');
	const release = () => {
		fs.rmSync(path.join(QUEUE, ticket), { force: true });
		if (owner() === process.pid) fs.rmSync(LOCK, { recursive: true, force: true });
	};
	let announced = false;
	while (queue()[0] !== ticket || !tryLock()) {
		if (!announced) console.log(`Waiting for ${queue().indexOf(ticket)} earlier end-to-end run(s) on this machine to finish…`);
		announced = true;
		await sleep(2000);
	}
	return release;
}
