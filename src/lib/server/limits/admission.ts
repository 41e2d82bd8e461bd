/**
 * Expensive requests take one of a few slots, so that however many arrive at once, cheap ones
 * (the overview, a single figure) keep being answered: beyond the slots they queue for a while,
 * beyond the queue (or the wait) they are refused with 503 and Retry-After. A request holds its
 * slot until it is answered.
 */
import { settings } from '../config';
import { QueryStopped } from '../db/database';
import { requestScope } from './scope';

/** Refused for now: every slot is busy and the queue is full, or the wait ran out. */
export class Overloaded extends Error {
	constructor(readonly retryAfter: number) {
		super('too many expensive requests at once');
	}
}

interface Waiter {
	grant: () => void;
}

let running = 0;
const queue: Waiter[] = [];

function releaser(): () => void {
	let done = false;
	return () => {
		if (done) return;
		done = true;
		const next = queue.shift();
		if (next) next.grant();
		else running -= 1;
	};
}

/** Takes a slot for the current request (once; none outside a request), waiting in the queue if need be. */
export async function admitExpensive(): Promise<void> {
	const scope = requestScope();
	if (!scope || scope.release) return;
	const { querySlots, queryQueue, queueSeconds } = settings();
	if (running < querySlots) {
		running += 1;
		scope.release = releaser();
		return;
	}
	if (queue.length >= queryQueue) {
		scope.stopped = 'overloaded';
		throw new Overloaded(queueSeconds);
	}
	await new Promise<void>((resolve, reject) => {
		const leave = (error: Error) => {
			queue.splice(queue.indexOf(waiter), 1);
			clearTimeout(timer);
			scope.signal.removeEventListener('abort', onAbort);
			reject(error);
		};
		// The slot passes straight from the request that gives it back to this one.
		const waiter: Waiter = {
			grant: () => {
				clearTimeout(timer);
				scope.signal.removeEventListener('abort', onAbort);
				scope.release = releaser();
				resolve();
			}
		};
		const onAbort = () => {
			scope.stopped = 'cancelled';
			leave(new QueryStopped('cancelled'));
		};
		const timer = setTimeout(() => {
			scope.stopped = 'overloaded';
			leave(new Overloaded(queueSeconds));
		}, queueSeconds * 1000);
		scope.signal.addEventListener('abort', onAbort, { once: true });
		queue.push(waiter);
	});
}
