/**
 * The wall's turn of panels: each stays `seconds`, then the next; paused and stepped from the
 * keyboard (space, arrows). Time is counted in ticks, so a paused panel resumes where it stopped.
 */
export class Rotation {
	index = $state(0);
	paused = $state(false);
	/** Milliseconds the current panel has been shown. */
	elapsed = $state(0);

	constructor(
		private readonly count: () => number,
		private readonly seconds: () => number
	) {}

	/** The panel shown: the index held within the panels there are now (fewer after a reload). */
	get current(): number {
		const n = this.count();
		return n ? this.index % n : 0;
	}

	/** Share of the current panel's time gone, 0–1. */
	get progress(): number {
		return Math.min(1, this.elapsed / (this.seconds() * 1000));
	}

	tick(ms: number): void {
		if (this.paused || this.count() < 2) return;
		this.elapsed += ms;
		if (this.elapsed >= this.seconds() * 1000) this.step(1);
	}

	step(by: 1 | -1): void {
		const n = this.count();
		if (!n) return;
		this.index = (this.current + by + n) % n;
		this.elapsed = 0;
	}

	toggle(): void {
		this.paused = !this.paused;
	}

	/** Handles the wall's keys; whether the key was one of them. */
	key(key: string): boolean {
		if (key === ' ' || key === 'Spacebar') this.toggle();
		else if (key === 'ArrowRight' || key === 'PageDown') this.step(1);
		else if (key === 'ArrowLeft' || key === 'PageUp') this.step(-1);
		else return false;
		return true;
	}
}
