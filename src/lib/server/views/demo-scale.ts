/** The scale synthetic demo data was generated at (10 = national volume), so that pages can say what its counts stand for. */
import type { CanonicalKind } from '../../domain/schema';
import type { Queryable } from '../db/database';

/** Scale of the loaded demo data (of one kind, or of any); null when no demo data is loaded or its scale is unknown. */
export async function demoScale(db: Queryable, kind?: CanonicalKind): Promise<number | null> {
	const [row] = await db.query<{ scale: number | null }>(
		`SELECT max(demo_scale) AS scale FROM datasets WHERE is_demo AND current_version > 0 ${kind ? 'AND kind = $kind' : ''}`,
		kind ? { kind } : undefined
	);
	return row?.scale ?? null;
}
