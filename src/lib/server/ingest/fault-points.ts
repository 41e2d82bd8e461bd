/**
 * Named points of an import where the fault tests (tests/faults.test.ts) kill the server. With
 * IMPORT_PAUSE_AT set to one of them, an import that reaches it logs so and waits for ever,
 * so the test can `kill -9` the process exactly there. Unset (always, outside those tests), a
 * point costs one lookup of the environment.
 */
export const FAULT_POINTS = ['received', 'staged', 'validated', 'commit', 'committed'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export async function faultPoint(point: FaultPoint): Promise<void> {
	if (process.env.IMPORT_PAUSE_AT !== point) return;
	console.log(`import paused at ${point}`);
	await new Promise<never>(() => undefined);
}
